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
	bare := filepath.Join(t.TempDir(), "remote.git")
	git(t, repo, "init", "-q", "--bare", "-b", "main", bare)
	git(t, repo, "remote", "add", "origin", bare)
	git(t, repo, "push", "-q", "-u", "origin", "main")
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
	// j moves one down in the picker as in the lists (it used to be typed into a search
	// that left only «gjennomført»), and the help line names what enter saves.
	s.keys("j")
	s.waitFor("enter lagre «foreslått»")
	s.keys("Enter")
	s.waitFor("✓ Lagret")
	s.waitFor("→ foreslått")
	s.waitFor("1 ikke sendt til origin/main") // in the tab bar
	// Space ticks an owner during a search in a checkbox picker.
	s.keys("w", "/")
	s.text("hod")
	s.keys("Space")
	s.waitFor("[x] HOD")
	s.keys("Escape") // clears the search; the ticks stay
	s.waitFor("Søk: trykk / for å søke")
	s.keys("Escape")
	s.waitFor("Avbrutt")
	s.keys("e")
	s.waitFor("tittel endret")
	s.keys("q")
	s.waitFor("samvirke-exit=0")
	if scr := s.screen(); !strings.Contains(scr, "Lagret i denne økten (2 commits):") || !strings.Contains(scr, "T14: tittel endret") ||
		!strings.Contains(scr, "2 commits på main finnes bare på denne maskinen (ikke sendt til origin/main") {
		t.Errorf("after quitting the terminal shows:\n%s", scr)
	}

	log := git(t, repo, "log", "--format=%an|%s", "-3")
	want := "Ola Nordmann|T14: tittel endret\nOla Nordmann|T14: status ikke vurdert → foreslått\nKari Nordmann|Strategiens innhold lagt inn"
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
	if !strings.Contains(string(data), "status: proposed") || !strings.Contains(string(data), " i praksis\n") {
		t.Errorf("T14.md:\n%s", data)
	}
}

func TestTUIReadOnlyOutsideARepository(t *testing.T) {
	needTmux(t)
	bin := buildBinary(t)
	s := startTmux(t, t.TempDir(), []string{"TERM=xterm-256color", "NO_COLOR=1"}, bin, "tui")
	s.waitFor("[skrivebeskyttet]")
	s.waitFor("innebygd innhold, skrivebeskyttet")
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

// TestFirstRunInASourceCheckout: samvirke opened in a repository that «samvirke init»
// did not make (like «go run ./cmd/samvirke» in samvirke's own checkout) writes nothing
// into its .git/ when it opens, and asks before the first save.
func TestFirstRunInASourceCheckout(t *testing.T) {
	needTmux(t)
	bin := buildBinary(t)
	repo := t.TempDir()
	cp := exec.Command("cp", "-r", "../../content", repo)
	if out, err := cp.CombinedOutput(); err != nil {
		t.Fatalf("cp: %v\n%s", err, out)
	}
	os.WriteFile(filepath.Join(repo, "go.mod"), []byte("module example.org/kode\n"), 0o644)
	git(t, repo, "init", "-q", "-b", "main")
	git(t, repo, "add", ".")
	git(t, repo, "-c", "user.name=Utvikler", "-c", "user.email=dev@example.no", "commit", "-qm", "Code and content")
	head := git(t, repo, "rev-parse", "HEAD")
	cache := t.TempDir()
	s := startTmux(t, repo, []string{"TERM=xterm-256color", "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
		"XDG_CACHE_HOME=" + cache, "HOME=" + cache, "GIT_AUTHOR_NAME=Ola", "GIT_AUTHOR_EMAIL=ola@example.no"},
		"sh", "-c", bin+" --author 'Ola Nordmann <ola@example.no>' tui; echo samvirke-exit=$?; sleep 30")
	s.waitFor("44 av 44")
	s.keys("1")
	s.waitFor("Code and content") // the latest changes, read through the change index
	if _, err := os.Stat(filepath.Join(repo, ".git", "samvirke")); !os.IsNotExist(err) {
		t.Errorf("opening the TUI wrote .git/samvirke into the checkout (%v)", err)
	}
	if m, _ := filepath.Glob(filepath.Join(cache, "samvirke", "*", "*", "changes-v2")); len(m) != 1 {
		t.Errorf("the change index is not in the user cache directory: %v", m)
	}
	s.keys("2", "s", "j", "Enter")
	s.waitFor("Lagre i dette repoet?")
	s.waitFor("samvirke demo")
	s.keys("n")
	s.waitFor("Ikke lagret")
	if got := git(t, repo, "rev-parse", "HEAD"); got != head {
		t.Fatalf("n to the question made a commit")
	}
	s.keys("s", "j", "Enter")
	s.waitFor("Lagre i dette repoet?")
	s.keys("j")
	s.waitFor("✓ Lagret")
	s.keys("q")
	s.waitFor("samvirke-exit=0")
	if got := git(t, repo, "log", "-1", "--format=%s"); got != "T01: status ikke vurdert → foreslått" {
		t.Errorf("the save after yes: %q", got)
	}
}

// TestDemo: «samvirke demo» makes a throwaway strategy repository in a temporary
// directory, says where, and opens the TUI there, where a save needs no question.
func TestDemo(t *testing.T) {
	needTmux(t)
	bin := buildBinary(t)
	tmp := t.TempDir()
	// No $EDITOR: e opens the platform's plain editor, here a stand-in sensible-editor
	// that waits a little (so its announcement can be read) and edits the title.
	bin2 := t.TempDir()
	os.WriteFile(filepath.Join(bin2, "sensible-editor"), []byte("#!/bin/sh\nsleep 1\nsed -i 's/^# \\(.*\\)$/# \\1 i praksis/' \"$1\"\n"), 0o755)
	s := startTmux(t, t.TempDir(), []string{"TERM=xterm-256color", "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
		"TMPDIR=" + tmp, "HOME=" + tmp, "EDITOR=", "VISUAL=", "PATH=" + bin2 + ":/usr/bin:/bin"},
		"sh", "-c", bin+" demo; echo samvirke-exit=$?; sleep 30")
	s.waitFor("44 av 44")
	s.waitFor("samvirke-demo-")
	s.keys("s", "j", "Enter")
	s.waitFor("✓ Lagret")
	s.keys("e")
	s.waitFor("Åpner teksten i sensible-editor (ingen EDITOR er satt).")
	s.waitFor("tittel endret")
	s.keys("q")
	s.waitFor("samvirke-exit=0")
	repos, _ := filepath.Glob(filepath.Join(tmp, "samvirke-demo-*", "strategi"))
	if len(repos) != 1 {
		t.Fatalf("demo repositories under TMPDIR: %v", repos)
	}
	if scr := s.screen(); !strings.Contains(scr, "Prøverepoet ligger i "+repos[0]) {
		t.Errorf("after quitting the terminal shows:\n%s", scr)
	}
	if got := git(t, repos[0], "log", "--format=%an|%s"); !strings.HasPrefix(got, "Prøvebruker|T01: tittel endret\nPrøvebruker|T01: status ikke vurdert → foreslått") {
		t.Errorf("demo repository log:\n%s", got)
	}
}

// TestTUIAt80x24: at 80×24 the key line keeps «? hjelp • q avslutt» and offers no edit
// keys on read-only content, the read-only notice is shown whole, the ? help scrolls to
// its end and lists each key once per place it applies.
func TestTUIAt80x24(t *testing.T) {
	needTmux(t)
	bin := buildBinary(t)
	s := startTmux(t, t.TempDir(), []string{"TERM=xterm-256color", "NO_COLOR=1"}, bin, "tui")
	s.tmux("resize-window", "-t", "e2e", "-x", "80", "-y", "24")
	s.waitFor("[skrivebeskyttet]")
	lastLine := func() string {
		lines := strings.Split(strings.TrimRight(s.screen(), "\n"), "\n")
		return strings.TrimSpace(lines[len(lines)-1])
	}
	s.waitFor("«samvirke demo» lager et repo du kan endre; --repo åpner et annet.")
	if l := lastLine(); !strings.HasSuffix(l, "? hjelp • q avslutt") || strings.Contains(l, "s status") || strings.Contains(l, "n notat") {
		t.Errorf("the key line of read-only Tiltak at 80×24: %q", l)
	}
	s.keys("s")
	s.waitFor("Kan ikke endre")
	s.waitFor("--repo åpner et annet.")
	s.keys("?")
	s.waitFor("linjer til")
	if l := lastLine(); !strings.Contains(l, "lukk hjelpen") {
		t.Errorf("the key line of the help: %q", l)
	}
	seen := map[string]int{}
	collect := func() {
		for _, l := range strings.Split(s.screen(), "\n") {
			if strings.HasPrefix(l, "  q ") || strings.HasPrefix(l, "  f ") {
				seen[l]++
			}
		}
	}
	collect()
	for i := 0; i < 5 && strings.Contains(s.screen(), "linjer til"); i++ {
		before := s.screen()
		s.keys("PageDown")
		for deadline := time.Now().Add(5 * time.Second); s.screen() == before && time.Now().Before(deadline); {
			time.Sleep(50 * time.Millisecond)
		}
		collect()
	}
	s.waitFor("Godt å vite")
	s.waitForGone("linjer til")
	for l, n := range seen {
		if n > 1 && strings.HasPrefix(l, "  q ") {
			t.Errorf("the help shows %q %d times", l, n)
		}
	}
	if len(seen) != 3 { // q once, f for Tiltak and f for Innspill, each under its heading
		t.Errorf("help rows for q and f: %v", seen)
	}
	s.keys("Escape")
	s.waitForGone("Godt å vite")
	s.keys("C-c")
	s.waitExit()
}

// TestTUIColumnsAndOverviewInTmux: two proposals whose ids differ only at the end are
// told apart at 200 and at 80 columns, the columns keep their widths while scrolling,
// and the Oversikt counts all show at 80 columns without colour.
func TestTUIColumnsAndOverviewInTmux(t *testing.T) {
	needTmux(t)
	bin := buildBinary(t)
	repo := filepath.Join(t.TempDir(), "strategi")
	if out, err := exec.Command(bin, "init", repo, "--author", "Kari Nordmann <kari@example.no>").CombinedOutput(); err != nil {
		t.Fatalf("init: %v\n%s", err, out)
	}
	for range 2 {
		cmd := exec.Command(bin, "new", "--title", "Øke kunnskapen om effekter av samarbeid mellom etatene", "--area", "knowledge",
			"--owner", "hdir", "--text", "Et forslag.", "--yes")
		cmd.Dir = repo
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("new: %v\n%s", err, out)
		}
	}
	const id = "P-oke-kunnskapen-om-effekter-av-samarbeid-mellom" // slugs stop at 48 characters
	s := startTmux(t, repo, []string{"TERM=xterm-256color", "NO_COLOR=1"}, bin, "tui")
	s.tmux("resize-window", "-t", "e2e", "-x", "200", "-y", "60")
	s.waitFor("46 av 46")
	s.keys("G")
	s.waitFor(id + " ")
	s.waitFor(id + "-2")
	s.tmux("resize-window", "-t", "e2e", "-x", "80", "-y", "24")
	s.keys("g")
	s.waitFor("› T01")
	header := ""
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if lines := strings.Split(s.screen(), "\n"); len(lines) > 2 && strings.HasPrefix(lines[2], "  ID") && strings.HasSuffix(strings.TrimSpace(lines[2]), "Status") && strings.Contains(lines[3], "› T01") {
			header = lines[2]
			break
		}
	}
	s.keys("G")
	s.waitFor("› P-")
	s.waitFor(header) // the same header once the frame is drawn
	scr := s.screen()
	if got := strings.Split(scr, "\n")[2]; got != header || !strings.Contains(header, "Status") {
		t.Errorf("the header at the top %q and at the bottom %q", header, got)
	}
	var ps []string
	for _, l := range strings.Split(scr, "\n") {
		if f := strings.Fields(strings.TrimPrefix(l, "›")); len(f) > 0 && strings.HasPrefix(f[0], "P-") {
			ps = append(ps, f[0])
		}
	}
	if len(ps) != 2 || ps[0] == ps[1] || !strings.HasSuffix(ps[1], "-2") {
		t.Errorf("the two proposals at 80 columns: %q\n%s", ps, scr)
	}
	s.keys("1")
	s.waitFor("Status per innsatsområde")
	scr = s.screen()
	for _, want := range []string{"+ foreslått 2", "▒ pågår", "· ikke vurdert"} {
		if !strings.Contains(scr, want) {
			t.Errorf("Oversikt at 80×24 does not show %q:\n%s", want, scr)
		}
	}
	s.keys("C-c")
	s.waitExit()
}
