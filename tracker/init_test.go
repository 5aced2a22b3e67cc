package tracker

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/samvirke/samvirke/internal/testutil"
)

const initAuthor = "Ola Nordmann <ola@example.no>"

// TestInitRefusesToOverwrite: init into a directory that already has some of the files
// it writes refuses, names them and writes nothing; with Force it replaces them (a
// symbolic link among them is replaced, not followed).
func TestInitRefusesToOverwrite(t *testing.T) {
	files := map[string][]byte{
		".github/workflows/samvirke.yml": []byte("on: pull_request\n"),
		".gitattributes":                 []byte("content/** text eol=lf\n"),
		"README.md":                      []byte("# strategi\n"),
	}
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, ".github/workflows"), 0o755)
	os.WriteFile(filepath.Join(dir, ".github/workflows/samvirke.yml"), []byte("mine\n"), 0o644)
	outside := filepath.Join(t.TempDir(), "attributes")
	os.WriteFile(outside, []byte("utenfor\n"), 0o644)
	if err := os.Symlink(outside, filepath.Join(dir, ".gitattributes")); err != nil {
		t.Skip(err)
	}
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("egne notater\n"), 0o644)

	_, _, err := InitWithFiles(dir, os.DirFS(fixtureFS()), files, initAuthor)
	var ow *OverwriteError
	if !errors.Is(err, ErrOverwrite) || !errors.As(err, &ow) {
		t.Fatalf("init over existing files = %v, want ErrOverwrite", err)
	}
	if got := ow.Paths; len(got) != 2 || got[0] != ".gitattributes" || got[1] != ".github/workflows/samvirke.yml" {
		t.Errorf("OverwriteError.Paths = %q, want .gitattributes and .github/workflows/samvirke.yml", got)
	}
	for _, p := range []string{".git", "content", "README.md"} {
		if _, err := os.Lstat(filepath.Join(dir, p)); err == nil {
			t.Errorf("a refused init wrote %s", p)
		}
	}
	if data, _ := os.ReadFile(filepath.Join(dir, ".github/workflows/samvirke.yml")); string(data) != "mine\n" {
		t.Errorf("a refused init changed the workflow: %q", data)
	}

	if _, _, err := InitWithOptions(dir, os.DirFS(fixtureFS()), files, initAuthor, InitOptions{Force: true}); err != nil {
		t.Fatalf("init --force: %v", err)
	}
	for p, want := range files {
		if data, _ := os.ReadFile(filepath.Join(dir, p)); string(data) != string(want) {
			t.Errorf("after init --force %s = %q, want %q", p, data, want)
		}
	}
	if fi, err := os.Lstat(filepath.Join(dir, ".gitattributes")); err != nil || fi.Mode()&os.ModeSymlink != 0 {
		t.Errorf(".gitattributes is still a symbolic link after init --force")
	}
	if data, _ := os.ReadFile(outside); string(data) != "utenfor\n" {
		t.Errorf("init --force wrote through the symbolic link: %q", data)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "notes.txt")); string(data) != "egne notater\n" {
		t.Errorf("init touched a file it does not write: %q", data)
	}
	testutil.Git(t, dir, "fsck", "--strict")
	if got := testutil.Git(t, dir, "status", "--porcelain"); got != "?? notes.txt" {
		t.Errorf("git status after init --force = %q, want only notes.txt untracked", got)
	}
}

// TestInitRefusesSymlinkedParent: a directory on the way to a file init writes that is a
// symbolic link is refused even with Force, so nothing is written outside dir.
func TestInitRefusesSymlinkedParent(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	if err := os.Symlink(outside, filepath.Join(dir, ".github")); err != nil {
		t.Skip(err)
	}
	files := map[string][]byte{".github/workflows/samvirke.yml": []byte("on: push\n")}
	_, _, err := InitWithOptions(dir, os.DirFS(fixtureFS()), files, initAuthor, InitOptions{Force: true})
	var ow *OverwriteError
	if !errors.As(err, &ow) || len(ow.Blocked) != 1 || ow.Blocked[0] != ".github" {
		t.Errorf("init with .github a symbolic link = %v, want an OverwriteError blocked by .github", err)
	}
	if entries, _ := os.ReadDir(outside); len(entries) != 0 {
		t.Errorf("init wrote %d entries outside the directory", len(entries))
	}
}
