package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestInitDoesNotOverwrite runs init into a directory that has its own workflow and
// .gitattributes: it refuses and names both, leaves them as they were and makes no
// repository; --force replaces them and commits the template.
func TestInitDoesNotOverwrite(t *testing.T) {
	dir := t.TempDir()
	own := map[string]string{".github/workflows/samvirke.yml": "min egen\n", ".gitattributes": "* -text\n"}
	for p, data := range own {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, p)), 0o755)
		os.WriteFile(filepath.Join(dir, p), []byte(data), 0o644)
	}
	_, _, err := run(t, false, nil, "init", dir, "--author", "Kari Nordmann <kari@example.no>")
	if err == nil || !strings.Contains(err.Error(), "finnes allerede: .gitattributes, .github/workflows/samvirke.yml") ||
		!strings.Contains(err.Error(), "--force") {
		t.Fatalf("init into a directory with the template's files: err = %v", err)
	}
	for p, data := range own {
		if got, _ := os.ReadFile(filepath.Join(dir, p)); string(got) != data {
			t.Errorf("a refused init changed %s: %q", p, got)
		}
	}
	if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
		t.Error("a refused init made a repository")
	}
	out, _, err := run(t, false, nil, "init", dir, "--force", "--author", "Kari Nordmann <kari@example.no>")
	if err != nil || !strings.HasPrefix(out, "Laget strategi-repo i "+dir) {
		t.Fatalf("init --force = %q, %v", out, err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, ".gitattributes")); string(got) == own[".gitattributes"] {
		t.Error("init --force left .gitattributes as it was")
	}
	if got := git(t, dir, "status", "--porcelain"); got != "" {
		t.Errorf("git status after init --force = %q, want clean", got)
	}
	git(t, dir, "fsck", "--strict")
}

func TestInitBlockedBySymlink(t *testing.T) {
	dir, outside := t.TempDir(), t.TempDir()
	if err := os.Symlink(outside, filepath.Join(dir, ".github")); err != nil {
		t.Skip(err)
	}
	_, _, err := run(t, false, nil, "init", dir, "--force", "--author", "Kari Nordmann <kari@example.no>")
	if err == nil || !strings.Contains(err.Error(), ".github er en symbolsk lenke") {
		t.Errorf("init --force with .github a symbolic link: err = %v", err)
	}
	if entries, _ := os.ReadDir(outside); len(entries) != 0 {
		t.Errorf("init wrote outside the directory through .github")
	}
}
