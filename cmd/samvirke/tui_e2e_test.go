package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// tmuxSession runs the real samvirke binary in a detached tmux session of a fixed size on
// its own tmux server, and reads the screen with capture-pane.
type tmuxSession struct {
	t      *testing.T
	socket string
}

var (
	binOnce sync.Once
	binDir  string
	binErr  error
)

// buildBinary builds the real samvirke binary once for the package's tests.
func buildBinary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		if binDir, binErr = os.MkdirTemp("", "samvirke-e2e-"); binErr != nil {
			return
		}
		out, err := exec.Command("go", "build", "-o", filepath.Join(binDir, "samvirke"), ".").CombinedOutput()
		if err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return filepath.Join(binDir, "samvirke")
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

func needTmux(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("SAMVIRKE_REQUIRE_TMUX") != "" {
			t.Fatal("tmux is required (SAMVIRKE_REQUIRE_TMUX is set); .ci/tmux installs it")
		}
		t.Skip("tmux not installed; .ci/tmux installs it")
	}
}

func startTmux(t *testing.T, dir string, env []string, command ...string) *tmuxSession {
	t.Helper()
	s := &tmuxSession{t: t, socket: fmt.Sprintf("samvirke-e2e-%d-%d", os.Getpid(), time.Now().UnixNano())}
	args := []string{"new-session", "-d", "-s", "e2e", "-x", "100", "-y", "30", "-c", dir, "env"}
	args = append(args, env...)
	args = append(args, command...)
	s.tmux(args...)
	t.Cleanup(func() { exec.Command("tmux", "-L", s.socket, "kill-server").Run() })
	return s
}

func (s *tmuxSession) tmux(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", s.socket, "-f", "/dev/null"}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func (s *tmuxSession) screen() string {
	out, err := exec.Command("tmux", "-L", s.socket, "capture-pane", "-p", "-t", "e2e").CombinedOutput()
	if err != nil {
		return ""
	}
	return string(out)
}

// waitFor polls the screen until it contains want, failing after a deadline.
func (s *tmuxSession) waitFor(want string) {
	s.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		if strings.Contains(s.screen(), want) {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.t.Fatalf("the screen never showed %q; it shows:\n%s", want, s.screen())
}

// waitForGone polls the screen until it no longer contains gone.
func (s *tmuxSession) waitForGone(gone string) {
	s.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		if !strings.Contains(s.screen(), gone) {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.t.Fatalf("the screen still shows %q:\n%s", gone, s.screen())
}

// keys sends key names (Enter, Escape) or, with literal, text.
func (s *tmuxSession) keys(keys ...string) {
	s.tmux(append([]string{"send-keys", "-t", "e2e"}, keys...)...)
}
func (s *tmuxSession) text(text string) { s.tmux("send-keys", "-t", "e2e", "-l", text) }

// waitExit waits until the program has quit and its session is gone.
func (s *tmuxSession) waitExit() {
	s.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		if exec.Command("tmux", "-L", s.socket, "has-session", "-t", "e2e").Run() != nil {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.t.Fatalf("samvirke did not quit; the screen shows:\n%s", s.screen())
}

func TestTUIEndToEndInTmux(t *testing.T) {
	needTmux(t)
	bin := buildBinary(t)
	repo := filepath.Join(t.TempDir(), "strategi")
	if out, err := exec.Command(bin, "init", repo, "--author", "Kari Nordmann <kari@example.no>").CombinedOutput(); err != nil {
		t.Fatalf("init: %v\n%s", err, out)
	}
	git(t, repo, "config", "user.name", "Ola Nordmann")
	git(t, repo, "config", "user.email", "ola@example.no")
	// The editor for e: a script that changes the title line of the file it is given.
	editor := filepath.Join(t.TempDir(), "editor.sh")
	os.WriteFile(editor, []byte("#!/bin/sh\nsed -i 's/^# \\(.*\\)$/# \\1 i praksis/' \"$1\"\n"), 0o755)

	// The shell stays after samvirke quits, so its last words can be read.
	s := startTmux(t, repo, []string{"TERM=xterm-256color", "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
		"EDITOR=" + editor, "VISUAL="}, "sh", "-c", bin+"; echo samvirke-exit=$?; sleep 30")
	s.waitFor("1 Oversikt")
	s.waitFor("44 av 44")
	s.keys("/")
	s.text("taushet")
	s.waitFor("› T14 Undersøke om taushetsplikten")
	s.keys("Enter", "s")
	s.waitFor("Ny status for T14")
	s.text("gjennomf")
	s.keys("Enter")
	s.waitFor("✓ Lagret")
	s.keys("e")
	s.waitFor("tittel endret")
	s.keys("q")
	s.waitFor("samvirke-exit=0")
	if scr := s.screen(); !strings.Contains(scr, "Lagret i denne økten (2 commits):") || !strings.Contains(scr, "T14: tittel endret") {
		t.Errorf("after quitting the terminal shows:\n%s", scr)
	}

	log := git(t, repo, "log", "--format=%an|%s", "-3")
	want := "Ola Nordmann|T14: tittel endret\nOla Nordmann|T14: status ikke vurdert → gjennomført\nKari Nordmann|Strategiens innhold lagt inn"
	if log != want {
		t.Errorf("git log =\n%s\nwant\n%s", log, want)
	}
	if got := git(t, repo, "show", "--name-only", "--format=", "HEAD~1"); got != "content/measures/T14.md" {
		t.Errorf("the status commit touched %q", got)
	}
	if got := git(t, repo, "status", "--porcelain"); got != "" {
		t.Errorf("git status = %q", got)
	}
	data, _ := os.ReadFile(filepath.Join(repo, "content/measures/T14.md"))
	if !strings.Contains(string(data), "status: done") || !strings.Contains(string(data), " i praksis\n") {
		t.Errorf("T14.md:\n%s", data)
	}
}

func TestTUIReadOnlyOutsideARepository(t *testing.T) {
	needTmux(t)
	bin := buildBinary(t)
	s := startTmux(t, t.TempDir(), []string{"TERM=xterm-256color", "NO_COLOR=1"}, bin, "tui")
	s.waitFor("[skrivebeskyttet]")
	s.waitFor("bygd inn i samvirke")
	s.keys("s")
	s.waitFor("Kan ikke endre")
	// Resize: the table reflows, dropping the last-changed column below 80 columns.
	s.waitFor("Endret")
	s.tmux("resize-window", "-t", "e2e", "-x", "60", "-y", "20")
	s.waitForGone("Endret")
	for i, l := range strings.Split(strings.TrimRight(s.screen(), "\n"), "\n") {
		if n := len([]rune(l)); n > 60 || i >= 20 {
			t.Errorf("line %d after resize to 60×20 (%d runes): %q", i+1, n, l)
		}
	}
	s.keys("C-c")
	s.waitExit()
}

func TestNoTerminalKeepsTheList(t *testing.T) {
	bin := buildBinary(t)
	cmd := exec.Command(bin)
	cmd.Dir = t.TempDir()
	out, err := cmd.Output() // stdout is a pipe: the list, not the TUI
	if err != nil || !strings.HasPrefix(string(out), "ID ") || !strings.Contains(string(out), "T14") {
		t.Errorf("samvirke with stdout piped = %q, %v", out, err)
	}
}
