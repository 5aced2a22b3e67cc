package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A note after a log entry dated after today (the test clock's 2026-11-23) is not dated
// on that future day: the save is refused, naming the entry, and nothing is committed.
func TestNoteAfterAFutureLogEntry(t *testing.T) {
	m, dir := newTestModel(t, true)
	m.opts.Explain = func(id string, err error) error { return err }
	f := filepath.Join(dir, "content/measures/T02.md")
	data, _ := os.ReadFile(f)
	entry := "log:\n  - date: 2027-05-01\n    note: Skrevet for tidlig.\n---\n"
	os.WriteFile(f, []byte(strings.Replace(string(data), "\n---\n", "\n"+entry, 1)), 0o644)
	git(t, dir, "commit", "-q", "-a", "-m", "T02: logg fram i tid")
	head := git(t, dir, "rev-parse", "HEAD")

	press(t, m, "j", "n")
	typeText(t, m, "Nytt notat.")
	press(t, m, "ctrl+s")
	if !m.statusErr || !strings.Contains(m.status, "log[0].date: datoen 2027-05-01 er etter i dag (2026-11-23)") {
		t.Errorf("note after a future entry: status %q", m.status)
	}
	press(t, m, "esc", "s")
	typeText(t, m, "pågår")
	press(t, m, "enter")
	if !m.statusErr || !strings.Contains(m.status, "log[0].date") {
		t.Errorf("status after a future entry: status %q", m.status)
	}
	if git(t, dir, "rev-parse", "HEAD") != head {
		t.Error("a save after a future entry made a commit")
	}
}
