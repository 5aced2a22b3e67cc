package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestNewFormInTerminal drives `samvirke new` in a real terminal (a tmux session): it
// answers the form, is refused an unknown input id, corrects it, and checks the file.
func TestNewFormInTerminal(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "samvirke")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	dir := strategyRepo(t)
	sock := fmt.Sprintf("samvirke-test-%d", os.Getpid())
	tmux := func(args ...string) string {
		t.Helper()
		out, err := exec.Command("tmux", append([]string{"-L", sock}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("tmux %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	tmux("new-session", "-d", "-s", "new", "-x", "100", "-y", "40",
		fmt.Sprintf("cd %q && %q new; echo EXIT=$?; sleep 30", dir, bin))
	t.Cleanup(func() { exec.Command("tmux", "-L", sock, "kill-server").Run() })
	waitFor := func(want string) string {
		t.Helper()
		var screen string
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
			if screen = tmux("capture-pane", "-p", "-t", "new"); strings.Contains(screen, want) {
				return screen
			}
		}
		t.Fatalf("the terminal never showed %q:\n%s", want, screen)
		return ""
	}
	keys := func(k ...string) { tmux(append([]string{"send-keys", "-t", "new"}, k...)...) }

	// Wait for each field to take focus (┃) before typing into it.
	screen := waitFor("┃ Tittel")
	if !strings.Contains(screen, "enter neste") || strings.Contains(screen, "next") || strings.Contains(screen, "submit") {
		t.Errorf("the form's key help is not in Norwegian:\n%s", screen)
	}
	keys("Felles kurs på Ærøy", "Enter")
	waitFor("┃ Innsatsområde")
	keys("Down", "Down", "Down", "Enter") // the fourth area: competence
	waitFor("┃ Eiere")
	keys("x", "Down", "x", "Enter") // both owners
	waitFor("┃ Tekst")
	keys("Et felles kurs for fastleger.", "Enter")
	waitFor("┃ Innspill")
	keys("aa2020-9.9/1", "Enter")
	waitFor("ukjent innspill «aa2020-9.9/1»")
	keys("C-u", "aa2020-2.8/7", "Enter")
	waitFor("┃ Skrive forslaget?")
	keys("Enter") // Ja
	waitFor("EXIT=0")
	data, err := os.ReadFile(filepath.Join(dir, "content/measures/P-felles-kurs-pa-aeroy.md"))
	if err != nil {
		t.Fatal(err)
	}
	want := "---\nid: P-felles-kurs-pa-aeroy\ntitle: Felles kurs på Ærøy\nkind: measure\narea: competence\nowners:\n  - hdir\n  - nav\nstatus: proposed\nrevision: new\ninputs:\n  - aa2020-2.8/7\n---\nEt felles kurs for fastleger.\n"
	if string(data) != want {
		t.Errorf("the form wrote:\n%s\nwant\n%s", data, want)
	}
}
