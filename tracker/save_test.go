package tracker

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/samvirke/samvirke/internal/testutil"
	"github.com/samvirke/samvirke/measures"
)

const author = "Kari Nordmann <kari@example.no>"

func newRepo(t *testing.T) (*Repo, string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "repo")
	r, _, err := Init(dir, os.DirFS(fixtureFS()), author)
	if err != nil {
		t.Fatal(err)
	}
	return r, dir
}

func setStatus(s measures.Status, note string) func(*measures.Measure, string) error {
	return func(m *measures.Measure, by string) error {
		m.Status = s
		m.Log = append(m.Log, measures.LogEntry{Date: measures.Date{Year: 2026, Month: 3, Day: 1}, Status: s, Note: note, By: by})
		return nil
	}
}

func TestSaveCommitsOnlyTheMeasure(t *testing.T) {
	r, dir := newRepo(t)
	// Unrelated uncommitted work: an unstaged edit and a staged one.
	t01 := filepath.Join(dir, "content/measures/T01.md")
	data, _ := os.ReadFile(t01)
	os.WriteFile(t01, append(data, []byte("Mer tekst.\n")...), 0o644)
	d01 := filepath.Join(dir, "content/measures/D01.md")
	data, _ = os.ReadFile(d01)
	os.WriteFile(d01, append(data, []byte("Staget tekst.\n")...), 0o644)
	testutil.Git(t, dir, "add", "content/measures/D01.md")

	saved, err := r.Save(context.Background(), "T02", setStatus(measures.InProgress, "I gang."), SaveOptions{Author: author})
	if err != nil {
		t.Fatal(err)
	}
	if want := "T02: status ikke vurdert → pågår, notat lagt til"; saved.Message != want {
		t.Errorf("message = %q, want %q", saved.Message, want)
	}
	if got := testutil.Git(t, dir, "log", "-1", "--format=%h|%an <%ae>|%cn|%s"); got != saved.Hash.String()[:7]+"|"+author+"|Kari Nordmann|"+saved.Message {
		t.Errorf("git log -1 = %q", got)
	}
	if got := testutil.Git(t, dir, "show", "--name-only", "--format=", "HEAD"); got != "content/measures/T02.md" {
		t.Errorf("the commit touched %q, want only content/measures/T02.md", got)
	}
	if got := testutil.Git(t, dir, "status", "--porcelain"); got != "M  content/measures/D01.md\n M content/measures/T01.md" {
		t.Errorf("git status = %q, want D01 still staged and T01 still modified", got)
	}
	testutil.Git(t, dir, "fsck", "--strict")
	onDisk, _ := os.ReadFile(filepath.Join(dir, "content/measures/T02.md"))
	if got := testutil.Git(t, dir, "show", "HEAD:content/measures/T02.md"); got != strings.TrimSpace(string(onDisk)) {
		t.Error("the committed file differs from the one written to disk")
	}
	if !strings.Contains(string(onDisk), "by: Kari Nordmann") {
		t.Errorf("log entry lacks the git user:\n%s", onDisk)
	}
}

func TestSaveRefuses(t *testing.T) {
	tests := []struct {
		name   string
		setup  func(t *testing.T, dir string)
		id     string
		change func(*measures.Measure, string) error
		want   error
	}{
		{"unknown measure", nil, "T99", setStatus(measures.Done, "x"), ErrNotFound},
		{"dirty file", func(t *testing.T, dir string) {
			p := filepath.Join(dir, "content/measures/T02.md")
			data, _ := os.ReadFile(p)
			os.WriteFile(p, append(data, '\n', 'x'), 0o644)
		}, "T02", setStatus(measures.Done, "x"), ErrDirty},
		{"staged change to the file", func(t *testing.T, dir string) {
			p := filepath.Join(dir, "content/measures/T02.md")
			data, _ := os.ReadFile(p)
			os.WriteFile(p, append(data, 'x'), 0o644)
			testutil.Git(t, dir, "add", "content/measures/T02.md")
			os.WriteFile(p, data, 0o644)
		}, "T02", setStatus(measures.Done, "x"), ErrDirty},
		{"invalid owner", nil, "T02", func(m *measures.Measure, _ string) error { m.Owners = []string{"finnes-ikke"}; return nil }, ErrInvalid},
		{"no change", nil, "T02", func(m *measures.Measure, _ string) error { return nil }, ErrNoChange},
		{"detached HEAD", func(t *testing.T, dir string) { testutil.Git(t, dir, "checkout", "-q", "--detach") }, "T02", setStatus(measures.Done, "x"), ErrBadState},
		{"merge in progress", func(t *testing.T, dir string) {
			head := testutil.Git(t, dir, "rev-parse", "HEAD")
			os.WriteFile(filepath.Join(dir, ".git", "MERGE_HEAD"), []byte(head+"\n"), 0o644)
		}, "T02", setStatus(measures.Done, "x"), ErrBadState},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, dir := newRepo(t)
			if tt.setup != nil {
				tt.setup(t, dir)
			}
			before := testutil.Git(t, dir, "rev-parse", "HEAD")
			file := filepath.Join(dir, "content/measures/T02.md")
			data, _ := os.ReadFile(file)
			_, err := r.Save(context.Background(), tt.id, tt.change, SaveOptions{Author: author})
			if !errors.Is(err, tt.want) {
				t.Fatalf("Save = %v, want %v", err, tt.want)
			}
			if after := testutil.Git(t, dir, "rev-parse", "HEAD"); after != before {
				t.Error("a refused save made a commit")
			}
			if now, _ := os.ReadFile(file); string(now) != string(data) {
				t.Error("a refused save changed the file")
			}
		})
	}
}

// TestConcurrentSaves: two writers at once (separate Repo values, as in two processes,
// serialized by the lock file) both land, one after the other, nothing lost.
func TestConcurrentSaves(t *testing.T) {
	_, dir := newRepo(t)
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i, note := range []string{"Første skriver.", "Andre skriver."} {
		wg.Go(func() {
			r, err := Open(dir)
			if err == nil {
				_, err = r.Save(context.Background(), "T02", func(m *measures.Measure, by string) error {
					m.Log = append(m.Log, measures.LogEntry{Date: measures.Date{Year: 2026, Month: 3, Day: 1}, Note: note, By: by})
					return nil
				}, SaveOptions{Author: author})
			}
			errs[i] = err
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if n := testutil.Git(t, dir, "rev-list", "--count", "HEAD"); n != "3" {
		t.Errorf("%s commits, want 3 (init and two saves)", n)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "content/measures/T02.md"))
	for _, note := range []string{"Første skriver.", "Andre skriver."} {
		if !strings.Contains(string(data), note) {
			t.Errorf("T02.md lost the note %q:\n%s", note, data)
		}
	}
	if got := testutil.Git(t, dir, "status", "--porcelain"); got != "" {
		t.Errorf("git status = %q, want clean", got)
	}
}

func TestSyncFS(t *testing.T) {
	if err := syncFS(t.TempDir()); err != nil {
		t.Errorf("syncFS of a directory: %v", err)
	}
	if err := syncFS(filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Error("syncFS of a missing directory did not fail")
	}
}
