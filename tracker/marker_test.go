package tracker

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/samvirke/samvirke/internal/testutil"
)

func TestMadeByInit(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "strategi")
	repo, _, err := Init(dir, os.DirFS(fixtureFS()), "Kari Nordmann <kari@example.no>")
	if err != nil {
		t.Fatal(err)
	}
	if !repo.MadeByInit() {
		t.Error("a repository made by Init: MadeByInit() = false")
	}
	if got := testutil.Git(t, dir, "ls-files", MarkerFile); got != MarkerFile {
		t.Errorf("the marker is not in the first commit: ls-files = %q", got)
	}
	if got := testutil.Git(t, dir, "status", "--porcelain"); got != "" {
		t.Errorf("git status after Init = %q", got)
	}
	// A repository with content/ that Init did not make (a source checkout).
	plain, err := Open(history(t))
	if err != nil {
		t.Fatal(err)
	}
	if plain.MadeByInit() {
		t.Error("a repository made with git: MadeByInit() = true")
	}
}

func TestKeepChangeIndexIn(t *testing.T) {
	dir := history(t)
	repo, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	cache := filepath.Join(t.TempDir(), "cache")
	repo.KeepChangeIndexIn(cache)
	ch, err := repo.History("T02")
	if err != nil || len(ch) != 2 {
		t.Fatalf("History(T02) = %d changes, %v", len(ch), err)
	}
	if _, err := os.Stat(filepath.Join(dir, ".git", "samvirke")); !os.IsNotExist(err) {
		t.Errorf(".git/samvirke exists after History with KeepChangeIndexIn: %v", err)
	}
	if _, err := os.Stat(filepath.Join(cache, filepath.Base(indexFile))); err != nil {
		t.Errorf("the index is not in the directory given: %v", err)
	}
}
