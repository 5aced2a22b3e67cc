package tui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// TestProgram runs the model in a real Bubble Tea program (teatest): Init's commands,
// the poll for outside changes and the save commands all run on the event loop.
func TestProgram(t *testing.T) {
	m, dir := newTestModel(t, true)
	m.opts.Poll = 50 * time.Millisecond
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	out := tm.Output()
	waitFor := func(want string) {
		t.Helper()
		teatest.WaitFor(t, out, func(b []byte) bool { return bytes.Contains(b, []byte(want)) },
			teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
	}
	waitFor("Tiltak")
	tm.Send(keyMsg("/"))
	tm.Type("avklare")
	tm.Send(keyMsg("enter"))
	tm.Send(keyMsg("s"))
	tm.Type("gjennomf")
	tm.Send(keyMsg("enter"))
	waitFor("Lagret")
	tm.Send(keyMsg("esc"))

	// Another process commits: the poll notices and the list shows the new title.
	f := filepath.Join(dir, "content/measures/T10.md")
	data, _ := os.ReadFile(f)
	os.WriteFile(f, []byte(strings.Replace(string(data), "title: Ærlig evaluering av piloter", "title: Ærlig evaluering av alle piloter", 1)), 0o644)
	git(t, dir, "commit", "-qam", "T10: ny tittel")
	waitFor("alle pil")

	tm.Send(keyMsg("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(*Model)
	if got := final.c.Measure("T10").Title; got != "Ærlig evaluering av alle piloter" {
		t.Errorf("T10 title after the outside commit: %q", got)
	}
	if len(final.commits) != 1 || !strings.HasSuffix(final.commits[0], "T02: status ikke vurdert → gjennomført") {
		t.Errorf("session commits %q", final.commits)
	}
	if got := git(t, dir, "log", "--format=%s", "-2"); got != "T10: ny tittel\nT02: status ikke vurdert → gjennomført" {
		t.Errorf("git log = %q", got)
	}
	var _ tea.Model = final
}
