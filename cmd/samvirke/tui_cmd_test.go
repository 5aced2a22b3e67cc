package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/samvirke/samvirke/tracker"
)

func TestTUIOptions(t *testing.T) {
	s := &IOStreams{Getenv: func(k string) string { return map[string]string{"NO_COLOR": "1", "EDITOR": "nano -w"}[k] }}
	repo := filepath.Join(t.TempDir(), "strategi")
	if _, _, err := tracker.Init(repo, os.DirFS("../../measures/testdata/content"), "Kari Nordmann <kari@example.no>"); err != nil {
		t.Fatal(err)
	}
	plain := t.TempDir() // content/ but no git
	if err := os.CopyFS(filepath.Join(plain, "content"), os.DirFS("../../measures/testdata/content")); err != nil {
		t.Fatal(err)
	}
	empty := t.TempDir()
	tests := []struct {
		name, repo   string
		editable     bool
		readOnlyText string
		measures     int
	}{
		{"repository", repo, true, "", 4},
		{"content without git", plain, false, "er ikke et git-repo", 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts, err := tuiOptions(&globalOptions{Repo: tt.repo}, s, "")
			if err != nil {
				t.Fatal(err)
			}
			if (opts.Repo != nil) != tt.editable || !strings.Contains(opts.ReadOnly, tt.readOnlyText) {
				t.Errorf("editable %v, read-only %q", opts.Repo != nil, opts.ReadOnly)
			}
			if len(opts.Content.Measures) != tt.measures || opts.Dir != filepath.Join(tt.repo, "content") || !opts.NoColor || opts.Editor != "nano -w" {
				t.Errorf("options %+v", opts)
			}
		})
	}
	t.Run("not made by init", func(t *testing.T) {
		dir := t.TempDir()
		os.CopyFS(filepath.Join(dir, "content"), os.DirFS("../../measures/testdata/content"))
		git(t, dir, "init", "-q", "-b", "main")
		t.Setenv("XDG_CACHE_HOME", t.TempDir())
		opts, err := tuiOptions(&globalOptions{Repo: dir}, s, "")
		if err != nil || opts.Repo == nil || !strings.Contains(opts.AskFirst, "ikke et strategi-repo laget med «samvirke init»") {
			t.Fatalf("AskFirst %q, %v", opts.AskFirst, err)
		}
		if made, _ := tuiOptions(&globalOptions{Repo: repo}, s, ""); made.AskFirst != "" {
			t.Errorf("a repository made by init asks first: %q", made.AskFirst)
		}
	})
	t.Run("embedded", func(t *testing.T) {
		t.Chdir(empty)
		opts, err := tuiOptions(&globalOptions{}, s, "")
		if err != nil {
			t.Fatal(err)
		}
		if opts.Repo != nil || opts.Dir != "" || !strings.Contains(opts.ReadOnly, "innebygd innhold, skrivebeskyttet") || len(opts.Content.Measures) < 44 {
			t.Errorf("embedded: repo %v, dir %q, read-only %q", opts.Repo, opts.Dir, opts.ReadOnly)
		}
	})
	if _, err := tuiOptions(&globalOptions{Repo: empty}, s, ""); err == nil {
		t.Error("--repo without content/ accepted")
	}
}

func TestTUIRefusesWithoutATerminal(t *testing.T) {
	_, _, err := run(t, true, nil, "tui")
	if err == nil || !strings.Contains(err.Error(), "trenger en terminal") {
		t.Errorf("samvirke tui without a terminal: err = %v", err)
	}
}
