package tracker

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/samvirke/samvirke/internal/testutil"
	"github.com/samvirke/samvirke/measures"
)

// symlinkCommit makes a repository of the fixture, replaces path (under content/) by a
// symbolic link to a copy of it outside the repository, and commits that with the git CLI.
func symlinkCommit(t *testing.T, path string) (*Repo, string) {
	t.Helper()
	dir := history(t)
	outside := filepath.Join(t.TempDir(), "outside")
	if err := os.Rename(filepath.Join(dir, filepath.FromSlash(path)), outside); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, filepath.FromSlash(path))); err != nil {
		t.Skip(err)
	}
	testutil.Git(t, dir, "add", "-A")
	testutil.Git(t, dir, "commit", "-q", "-m", "link "+path)
	if got := testutil.Git(t, dir, "ls-tree", "HEAD", path); len(got) < 6 || got[:6] != "120000" {
		t.Fatalf("git ls-tree %s = %q, want a symlink entry", path, got)
	}
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	return r, dir
}

func TestContentFSRefusesCommittedSymlinks(t *testing.T) {
	tests := []struct {
		path string
		gone func(c *measures.Content) bool
	}{
		{"content/inputs", func(c *measures.Content) bool { return len(c.Groups) == 0 }},
		{"content/inputs/aa2020", func(c *measures.Content) bool { return len(c.Groups) == 0 }},
		{"content/strategy", func(c *measures.Content) bool { return len(c.Strategy) == 0 }},
		{"content/measures", func(c *measures.Content) bool { return len(c.Measures) == 0 }},
		{"content/measures/T01.md", func(c *measures.Content) bool { return c.Measure("T01") == nil }},
		{"content/owners.yaml", func(c *measures.Content) bool { return len(c.Owners) == 0 }},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			r, _ := symlinkCommit(t, tt.path)
			fsys, _, err := r.ContentFS("HEAD")
			if err != nil {
				t.Fatal(err)
			}
			c, err := measures.Load(fsys)
			if c == nil {
				t.Fatalf("Load at HEAD = %v, want content errors, not a failure", err)
			}
			found := false
			for _, e := range measures.AsErrors(err) {
				found = found || (errors.Is(e, measures.ErrSymlink) && e.File == tt.path)
			}
			if !found {
				t.Errorf("Load at HEAD = %v\nwant a symlink error naming %s", err, tt.path)
			}
			if !tt.gone(c) {
				t.Errorf("%s was followed in the commit", tt.path)
			}
		})
	}
}

func TestContentFSRefusesSymlinkedContent(t *testing.T) {
	r, dir := symlinkCommit(t, "content")
	if _, _, err := r.ContentFS("HEAD"); !errors.Is(err, measures.ErrSymlink) {
		t.Errorf("ContentFS(HEAD) with content a symlink in the commit = %v, want ErrSymlink", err)
	}
	if _, _, err := r.ContentFS(""); !errors.Is(err, measures.ErrSymlink) {
		t.Errorf("ContentFS(\"\") with content/ a symlink in the work tree = %v, want ErrSymlink", err)
	}
	os.Remove(filepath.Join(dir, "content"))
	if _, _, err := r.ContentFS(""); !errors.Is(err, ErrNoContent) {
		t.Errorf("ContentFS(\"\") without content/ = %v, want ErrNoContent", err)
	}
}

// TestContentFSGitlink: a git submodule entry (mode 160000) under content/ in a commit is
// reported as no regular file, not read and not a failure of the load.
func TestContentFSGitlink(t *testing.T) {
	dir := history(t)
	head := testutil.Git(t, dir, "rev-parse", "HEAD")
	testutil.Git(t, dir, "update-index", "--add", "--cacheinfo", "160000,"+head+",content/measures/T99.md")
	testutil.Git(t, dir, "commit", "-q", "-m", "gitlink")
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	fsys, _, err := r.ContentFS("HEAD")
	if err != nil {
		t.Fatal(err)
	}
	c, err := measures.Load(fsys)
	if c == nil {
		t.Fatalf("Load at HEAD = %v, want content errors, not a failure", err)
	}
	found := false
	for _, e := range measures.AsErrors(err) {
		found = found || (errors.Is(e, measures.ErrFileName) && e.File == "content/measures/T99.md")
	}
	if !found {
		t.Errorf("Load at HEAD = %v, want a file-name error naming content/measures/T99.md", err)
	}
}
