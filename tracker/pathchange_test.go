package tracker

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/samvirke/samvirke/internal/testutil"
)

func describe(cs []PathChange) string {
	var b strings.Builder
	for _, c := range cs {
		kind := "modified"
		switch {
		case c.Deleted:
			kind = "deleted"
		case c.Added:
			kind = "added"
		}
		switch c.Mode {
		case fs.ModeSymlink:
			kind += " symlink"
		case fs.ModeIrregular:
			kind += " irregular"
		}
		fmt.Fprintf(&b, "%s %s content=%v\n", c.Path, kind, c.InContent)
	}
	return b.String()
}

// TestChangedPaths makes a branch with the git CLI that adds, edits and deletes files
// inside and outside content/, including symbolic links, and compares ChangedPaths of
// the branch and of the working tree with what was done.
func TestChangedPaths(t *testing.T) {
	dir := history(t)
	write := func(p, data string) {
		t.Helper()
		full := filepath.Join(dir, filepath.FromSlash(p))
		os.MkdirAll(filepath.Dir(full), 0o755)
		if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(".gitattributes", "content/** text eol=lf\n")
	write("README.md", "# strategi\n")
	testutil.Git(t, dir, "add", "-A")
	testutil.Git(t, dir, "commit", "-q", "-m", "base")
	testutil.Git(t, dir, "switch", "-q", "-c", "pr")
	write(".github/workflows/samvirke.yml", "on: push\n")
	write(".gitattributes", "* -text\n")
	write("content/measures/T01.md", "endret\n")
	write("content/later-deleted.md", "x\n")
	os.Remove(filepath.Join(dir, "README.md"))
	if err := os.Symlink("/etc/passwd", filepath.Join(dir, "content/strategy/99-x.md")); err != nil {
		t.Skip(err)
	}
	testutil.Git(t, dir, "add", "-A")
	testutil.Git(t, dir, "commit", "-q", "-m", "pr")
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	base, err := r.MergeBase("main", "pr")
	if err != nil {
		t.Fatal(err)
	}
	branch := `.gitattributes modified content=false
.github/workflows/samvirke.yml added content=false
README.md deleted content=false
content/later-deleted.md added content=true
content/measures/T01.md modified content=true
content/strategy/99-x.md added symlink content=true
`
	got, err := r.ChangedPaths(base, "pr")
	if err != nil {
		t.Fatal(err)
	}
	if describe(got) != branch {
		t.Errorf("ChangedPaths(pr):\n%s\nwant:\n%s", describe(got), branch)
	}

	// The working tree: an untracked file and link, a change undone, a file added on
	// the branch and removed again, and an uncommitted edit.
	write("notes.txt", "x\n")
	os.Symlink("../..", filepath.Join(dir, "content/inputs/aa2020/up"))
	write(".gitattributes", "content/** text eol=lf\n")
	os.Remove(filepath.Join(dir, "content/later-deleted.md"))
	write("content/owners.yaml", "endret\n")
	work := `.github/workflows/samvirke.yml added content=false
README.md deleted content=false
content/inputs/aa2020/up added symlink content=true
content/measures/T01.md modified content=true
content/owners.yaml modified content=true
content/strategy/99-x.md added symlink content=true
notes.txt added content=false
`
	got, err = r.ChangedPaths(base, "")
	if err != nil {
		t.Fatal(err)
	}
	if describe(got) != work {
		t.Errorf("ChangedPaths(working tree):\n%s\nwant:\n%s", describe(got), work)
	}
	if status := testutil.Git(t, dir, "status", "--porcelain"); !strings.Contains(status, "?? notes.txt") {
		t.Errorf("git status = %q, want notes.txt untracked", status)
	}
}
