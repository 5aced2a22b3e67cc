package tui

import (
	"strings"
	"testing"

	"github.com/samvirke/samvirke/measures"
)

// TestPickerKeysMove: in every picker j and k move like in the lists; letters never
// narrow the list unseen, and enter saves the item under the cursor, which the help line
// names. j enter on T02 («ikke vurdert») is one down: «foreslått», not «gjennomført».
func TestPickerKeysMove(t *testing.T) {
	m, dir := newTestModel(t, true)
	press(t, m, "j", "s", "j")
	scr := screen(m)
	if !strings.Contains(scr, "› foreslått") || !strings.Contains(scr, "enter lagre «foreslått»") {
		t.Fatalf("after s j the picker shows:\n%s", scr)
	}
	press(t, m, "enter")
	if st := readMeasure(t, dir, "T02").Status; st != measures.Proposed {
		t.Errorf("s j enter saved %s, want proposed (one down)", st)
	}
	if !strings.Contains(m.status, "→ foreslått") {
		t.Errorf("the status line does not show what was saved: %q", m.status)
	}
}

// TestPickerSearchNeverSavesUnseen: a search narrowed to one item is not saved by the
// enter that ends the search; the list then shows the item and the help line names it.
func TestPickerSearchNeverSavesUnseen(t *testing.T) {
	m, dir := newTestModel(t, true)
	head := git(t, dir, "rev-parse", "HEAD")
	press(t, m, "j", "s", "/")
	typeText(t, m, "j")
	press(t, m, "enter")
	if m.modal == nil || git(t, dir, "rev-parse", "HEAD") != head {
		t.Fatalf("the enter that ends a search saved; status %q", m.status)
	}
	if scr := screen(m); !strings.Contains(scr, "› gjennomført") || !strings.Contains(scr, "enter lagre «gjennomført»") {
		t.Errorf("after the search the picker shows:\n%s", scr)
	}
	// Letters outside a search do not search; the picker says how to.
	press(t, m, "esc")
	press(t, m, "s", "x")
	if scr := screen(m); !strings.Contains(scr, "Trykk / for å søke") || strings.Contains(scr, "Ingen treff") {
		t.Errorf("a letter in the list:\n%s", scr)
	}
}

// TestCheckboxSpaceDuringSearch: in the owners and inputs pickers space ticks the item
// under the cursor during a search too, and the help line says so.
func TestCheckboxSpaceDuringSearch(t *testing.T) {
	tests := []struct {
		name, open, query, want string
	}{
		{"owners", "w", "nav", "[x] NAV"},
		{"inputs", "l", "ingen", "[x] aa2020-1.1/3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, _ := newTestModel(t, true)
			press(t, m, "j", tt.open, "/") // T02: owner hdir, input aa2020-1.1/1
			typeText(t, m, tt.query)
			press(t, m, "space")
			scr := screen(m)
			if !strings.Contains(scr, tt.want) || strings.Contains(scr, "Ingen treff") {
				t.Errorf("space during the search %q:\n%s", tt.query, scr)
			}
			if !strings.Contains(scr, "mellomrom velg/fjern") {
				t.Errorf("the help line does not say that space ticks:\n%s", scr)
			}
		})
	}
}
