package tracker

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/samvirke/samvirke/internal/testutil"
	"github.com/samvirke/samvirke/measures"
)

func fixtureFS() string { return "../measures/testdata/content" }

// history makes a repository with three commits on three days: the fixture, a status
// change of T02, and T10 removed.
func history(t *testing.T) string {
	t.Helper()
	dir := testutil.GitRepo(t)
	if err := copyFS(filepath.Join(dir, "content"), os.DirFS(fixtureFS())); err != nil {
		t.Fatal(err)
	}
	testutil.Git(t, dir, "add", "content")
	testutil.GitWithEnv(t, dir, []string{"GIT_COMMITTER_DATE=2026-01-10T12:00:00", "GIT_AUTHOR_DATE=2026-01-10T12:00:00"}, "commit", "-q", "-m", "first")
	testutil.Git(t, dir, "tag", "v1")
	t02 := filepath.Join(dir, "content/measures/T02.md")
	data, _ := os.ReadFile(t02)
	os.WriteFile(t02, []byte(strings.Replace(string(data), "status: not-assessed", "status: in-progress", 1)), 0o644)
	testutil.Git(t, dir, "commit", "-q", "-am", "T02 in progress")
	testutil.GitWithEnv(t, dir, []string{"GIT_COMMITTER_DATE=2026-02-10T12:00:00"}, "commit", "-q", "--amend", "--no-edit")
	testutil.Git(t, dir, "rm", "-q", "content/measures/T10.md")
	testutil.GitWithEnv(t, dir, []string{"GIT_COMMITTER_DATE=2026-03-10T12:00:00"}, "commit", "-q", "-m", "remove T10")
	return dir
}

func TestContentFSAtRefs(t *testing.T) {
	dir := history(t)
	r, err := Open(filepath.Join(dir))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		at       string
		measures int
		t02      measures.Status
	}{
		{"", 3, measures.InProgress},
		{"HEAD", 3, measures.InProgress},
		{"HEAD~1", 4, measures.InProgress},
		{"v1", 4, measures.NotAssessed},
		{"main~2", 4, measures.NotAssessed},
		{"2026-01-10", 4, measures.NotAssessed},
		{"2026-02-28", 4, measures.InProgress},
		{"2026-12-31", 3, measures.InProgress},
		{testutil.Git(t, dir, "rev-parse", "--short", "HEAD~1"), 4, measures.InProgress},
	}
	for _, tt := range tests {
		t.Run(tt.at, func(t *testing.T) {
			fsys, _, err := r.ContentFS(tt.at)
			if err != nil {
				t.Fatal(err)
			}
			c, err := measures.Load(fsys)
			if err != nil {
				t.Fatalf("Load at %q: %v", tt.at, err)
			}
			if len(c.Measures) != tt.measures {
				t.Errorf("at %q: %d measures, want %d", tt.at, len(c.Measures), tt.measures)
			}
			var got measures.Status
			if m := c.Measure("T02"); m != nil {
				got = m.Status
			}
			if got != tt.t02 {
				t.Errorf("at %q: T02 status %q, want %q", tt.at, got, tt.t02)
			}
		})
	}
	for _, bad := range []string{"nope", "2025-12-31", "v9"} {
		if _, _, err := r.ContentFS(bad); !errors.Is(err, ErrUnknownRef) {
			t.Errorf("ContentFS(%q) = %v, want ErrUnknownRef", bad, err)
		}
	}
}

func TestOpenOutsideRepository(t *testing.T) {
	if _, err := Open(t.TempDir()); !errors.Is(err, ErrNotRepository) {
		t.Errorf("Open(empty dir) = %v, want ErrNotRepository", err)
	}
}

func TestInit(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "strategi")
	_, h, err := Init(dir, os.DirFS(fixtureFS()), "Ola Nordmann <ola@example.no>")
	if err != nil {
		t.Fatal(err)
	}
	if got := testutil.Git(t, dir, "log", "--format=%H|%an <%ae>|%s"); got != h.String()+"|Ola Nordmann <ola@example.no>|"+InitMessage {
		t.Errorf("git log = %q", got)
	}
	if got := testutil.Git(t, dir, "status", "--porcelain"); got != "" {
		t.Errorf("git status after init = %q, want clean", got)
	}
	testutil.Git(t, dir, "fsck", "--strict")
	if got := testutil.Git(t, dir, "ls-files", "content/measures"); got != "content/measures/D01.md\ncontent/measures/T01.md\ncontent/measures/T02.md\ncontent/measures/T10.md" {
		t.Errorf("ls-files = %q", got)
	}
	if _, _, err := Init(dir, os.DirFS(fixtureFS()), "Ola Nordmann <ola@example.no>"); !errors.Is(err, ErrExists) {
		t.Errorf("Init twice = %v, want ErrExists", err)
	}
	if _, _, err := Init(t.TempDir(), os.DirFS(fixtureFS()), "ola"); !errors.Is(err, ErrNoIdentity) {
		t.Errorf("Init with a bad --author = %v, want ErrNoIdentity", err)
	}
}

func TestInitWithoutIdentity(t *testing.T) {
	t.Setenv("HOME", t.TempDir())
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	if _, _, err := Init(t.TempDir(), os.DirFS(fixtureFS()), ""); !errors.Is(err, ErrNoIdentity) {
		t.Errorf("Init with no git identity = %v, want ErrNoIdentity", err)
	}
}
