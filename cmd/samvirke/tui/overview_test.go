package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/samvirke/samvirke/measures"
)

// TestBarGlyphsDistinct: without colour, every status has a glyph of its own.
func TestBarGlyphsDistinct(t *testing.T) {
	seen := map[string]measures.Status{}
	for _, st := range measures.Statuses {
		g := barGlyph(st)
		if other, ok := seen[g]; ok {
			t.Errorf("%s and %s share the glyph %q", other, st, g)
		}
		seen[g] = st
	}
}

// TestOverviewCountsFit: at 80 columns every count of the bars shows, in words.
func TestOverviewCountsFit(t *testing.T) {
	m, _ := newTestModel(t, false)
	for i, st := range []measures.Status{measures.Proposed, measures.InProgress, measures.Delayed, measures.Done} {
		m.c.Measures[i].Status = st
	}
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	press(t, m, "1")
	scr := screen(m)
	for _, want := range []string{"+ foreslått 1", "▒ pågår 1", "! forsinket 1", "█ gjennomført 1"} {
		if strings.Count(scr, want) < 2 { // its area and Alle
			t.Errorf("the overview at 80 columns does not show %q twice:\n%s", want, scr)
		}
	}
}
