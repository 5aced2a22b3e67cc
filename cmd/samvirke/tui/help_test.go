package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

func lastLine(m *Model) string {
	lines := strings.Split(screen(m), "\n")
	return lines[len(lines)-1]
}

// TestKeyLineKeepsHelpAndQuit: at 80 columns (and 60) every view's key line ends with
// the keys to get help and to leave, and read-only content offers no edit keys.
func TestKeyLineKeepsHelpAndQuit(t *testing.T) {
	for _, w := range []int{80, 60} {
		for _, readOnly := range []bool{false, true} {
			m, _ := newTestModel(t, false)
			m.readOnlyOverride = !readOnly
			m.Update(tea.WindowSizeMsg{Width: w, Height: 24})
			for _, view := range []string{"1", "2", "3", "4"} {
				press(t, m, view)
				l := lastLine(m)
				if !strings.HasSuffix(l, "? hjelp • q avslutt") {
					t.Errorf("width %d, view %s: key line %q", w, view, l)
				}
				if readOnly && (strings.Contains(l, "s status") || strings.Contains(l, "n notat") || strings.Contains(l, "l knytt")) {
					t.Errorf("width %d, read-only view %s offers edit keys: %q", w, view, l)
				}
			}
		}
	}
}

// TestHelpScrolls: the ? screen scrolls to its last line at 80×24 and names each key
// once per place it applies.
func TestHelpScrolls(t *testing.T) {
	m, _ := newTestModel(t, false)
	press(t, m, "?")
	all := strings.Join(m.helpPage.lines(m.width), "\n")
	if !strings.Contains(screen(m), "linjer til") {
		t.Fatalf("the help fits 80×24 without scrolling; the test needs a longer help:\n%s", screen(m))
	}
	for range 10 {
		press(t, m, "pgdown")
	}
	if scr := screen(m); !strings.Contains(scr, "Endringer fra andre") || strings.Contains(scr, "linjer til") {
		t.Errorf("the end of the help after scrolling:\n%s", scr)
	}
	if n := strings.Count(all, "\n  q "); n != 1 {
		t.Errorf("q is in the help %d times", n)
	}
	press(t, m, "g")
	m.Update(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if m.helpPage.offset != 3 {
		t.Errorf("the mouse wheel scrolled the help to %d, want 3", m.helpPage.offset)
	}
	press(t, m, "esc")
	if m.showHelp {
		t.Error("esc does not close the help")
	}
}
