package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/samvirke/samvirke/cmd/samvirke/tui"
	"github.com/samvirke/samvirke/tracker"
)

// TestTUISyncKey: `y` in the TUI runs the same sync as «samvirke sync», against a real
// bare remote that a colleague's clone pushed to, and says what it did in Norwegian.
func TestTUISyncKey(t *testing.T) {
	root := t.TempDir()
	mine, bare, theirs := filepath.Join(root, "mine"), filepath.Join(root, "delt.git"), filepath.Join(root, "theirs")
	if _, _, err := tracker.Init(mine, os.DirFS("../../measures/testdata/content"), "Kari Nordmann <kari@example.no>"); err != nil {
		t.Fatal(err)
	}
	git(t, root, "init", "-q", "--bare", "-b", "main", bare)
	git(t, mine, "remote", "add", "origin", bare)
	git(t, mine, "push", "-q", "origin", "main")
	git(t, root, "clone", "-q", bare, theirs)
	f := filepath.Join(theirs, "content/measures/T02.md")
	data, _ := os.ReadFile(f)
	os.WriteFile(f, []byte(strings.Replace(string(data), "status: not-assessed", "status: in-progress", 1)), 0o644)
	git(t, theirs, "-c", "user.name=Ola", "-c", "user.email=ola@example.no", "commit", "-q", "-am", "T02: status ikke vurdert → pågår")
	git(t, theirs, "push", "-q", "origin", "main")

	s := &IOStreams{Getenv: func(string) string { return "" }}
	opts, err := tuiOptions(&globalOptions{Repo: mine}, s, "Kari Nordmann <kari@example.no>")
	if err != nil || opts.Sync == nil {
		t.Fatalf("tuiOptions: sync %v, %v", opts.Sync != nil, err)
	}
	m := tui.New(opts)
	_, cmd := m.Update(tea.KeyPressMsg{Code: 'y', Text: "y"})
	if cmd == nil {
		t.Fatal("y started nothing")
	}
	_, _ = m.Update(cmd())
	screen := m.View().Content
	if !strings.Contains(screen, "Hentet 1 commit fra origin") {
		t.Errorf("status after y:\n%s", screen)
	}
	if got, want := git(t, mine, "rev-parse", "HEAD"), git(t, theirs, "rev-parse", "HEAD"); got != want {
		t.Errorf("HEAD %s after sync, want the colleague's %s", got, want)
	}
	if st := git(t, mine, "status", "--porcelain"); st != "" {
		t.Errorf("git status = %q", st)
	}
}
