package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// manyMeasures is the fixture with 40 more measures, the last two proposals whose ids
// differ only at the end, as two proposals with the same title get.
func manyMeasures(t *testing.T, m *Model) {
	t.Helper()
	c := *m.c
	base := c.Measures[0]
	for i := 11; i <= 50; i++ {
		ms := *base
		ms.ID = fmt.Sprintf("T%02d", i)
		if i > 48 {
			ms.ID = "P-oke-kunnskapen-om-effekter-av-samarbeid"
			if i == 50 {
				ms.ID += "-2"
			}
		}
		c.Measures = append(c.Measures, &ms)
	}
	m.setContent(&c)
}

// TestIDColumnStable: the id column has the width of the longest id on every screen, so
// it does not jump while scrolling, and ids are never cut where the title can give way.
func TestIDColumnStable(t *testing.T) {
	for _, w := range []int{80, 200} {
		m, _ := newTestModel(t, false)
		m.Update(tea.WindowSizeMsg{Width: w, Height: 24})
		manyMeasures(t, m)
		header := strings.Split(screen(m), "\n")[2]
		press(t, m, "G")
		scr := screen(m)
		if got := strings.Split(scr, "\n")[2]; got != header {
			t.Errorf("width %d: the header changed while scrolling:\n%q\n%q", w, header, got)
		}
		for _, id := range []string{"P-oke-kunnskapen-om-effekter-av-samarbeid ", "P-oke-kunnskapen-om-effekter-av-samarbeid-2"} {
			if !strings.Contains(scr, id) {
				t.Errorf("width %d: %q is cut:\n%s", w, id, scr)
			}
		}
		if w == 80 && !strings.Contains(header, "Status") {
			t.Errorf("width %d: no status column: %q", w, header)
		}
	}
}

// TestFilteredListSaysRelevance: a text filter orders by relevance, and says so.
func TestFilteredListSaysRelevance(t *testing.T) {
	m, _ := newTestModel(t, false)
	press(t, m, "/")
	typeText(t, m, "oke")
	if l := strings.Split(screen(m), "\n")[1]; !strings.Contains(l, "sortert etter relevans") {
		t.Errorf("filtered list: %q", l)
	}
	press(t, m, "esc")
	if l := strings.Split(screen(m), "\n")[1]; !strings.Contains(l, "sortert etter id") {
		t.Errorf("after clearing the filter: %q", l)
	}
}

func TestIDCell(t *testing.T) {
	tests := []struct {
		id   string
		w    int
		want string
	}{
		{"T01", 5, "T01  "},
		{"P-oke-kunnskapen-2", 18, "P-oke-kunnskapen-2"},
		{"P-oke-kunnskapen-2", 12, "P-oke-k…en-2"},
	}
	for _, tt := range tests {
		if got := idCell(tt.id, tt.w); got != tt.want {
			t.Errorf("idCell(%q, %d) = %q, want %q", tt.id, tt.w, got, tt.want)
		}
	}
}
