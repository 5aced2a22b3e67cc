package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/samvirke/samvirke/measures"
)

// ownersView is Eiere: every owner with the number of measures it owns or leads and a
// summary by status; the measures of the owner under the cursor are listed below it,
// and enter shows them all in Tiltak.
type ownersView struct {
	cursor int
}

func (v *ownersView) clamp(m *Model) {
	v.cursor = min(max(v.cursor, 0), max(len(m.c.Owners)-1, 0))
}

func (v *ownersView) move(m *Model, d int) {
	v.cursor += d
	v.clamp(m)
}

func (v *ownersView) key(m *Model, msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	if d, ok := k.nav(msg, len(m.c.Owners), len(m.c.Owners)); ok {
		v.move(m, d)
		return nil
	}
	switch {
	case key.Matches(msg, k.Open):
		if v.cursor < len(m.c.Owners) {
			o := m.c.Owners[v.cursor]
			m.list.quick = quickFilter{owner: map[string]bool{o.ID: true}}
			m.list.input.SetValue("")
			m.list.reset(m)
			m.view = viewMeasures
			m.flash(msgOwnerFilter, o.Short)
		}
	}
	return nil
}

func (v *ownersView) view(m *Model, w, h int) string {
	st := m.st
	owned := map[string][]*measures.Measure{}
	lead := map[string]int{}
	for _, ms := range m.c.Measures {
		for i, o := range ms.Owners {
			owned[o] = append(owned[o], ms)
			if i == 0 {
				lead[o]++
			}
		}
	}
	lines := []string{st.Title.Render("Eiere") + st.Dim.Render(sprintf("  %d eiere", len(m.c.Owners)))}
	// Two lines per owner; the selected owner's measures fill what is left.
	room := h - 1 - 2*len(m.c.Owners)
	start := 0
	if room < 3 {
		per := max((h-4)/2, 1)
		start = max(0, min(v.cursor-per/2, len(m.c.Owners)-per))
		room = 3
	}
	for i := start; i < len(m.c.Owners); i++ {
		o := m.c.Owners[i]
		ms := owned[o.ID]
		marker := "  "
		if i == v.cursor {
			marker = "› "
		}
		line := marker + st.Bold.Render(cell(o.Short, 8)) + " " + oneLine(o.Name) + st.Dim.Render(sprintf("  %d tiltak, ansvarlig for %d", len(ms), lead[o.ID]))
		if i == v.cursor {
			line = st.Selected.Render(cell(ansiStrip(line), w))
		}
		lines = append(lines, line, "    "+summary(m, ms))
		if i == v.cursor && len(ms) > 0 {
			n := max(min(len(ms), room-1), 0)
			for _, x := range ms[:n] {
				lines = append(lines, "      "+cell(x.ID, 6)+" "+cell(st.status(x.Status), 15)+" "+oneLine(x.Title))
			}
			if len(ms) > n {
				lines = append(lines, st.Dim.Render(sprintf("      … og %d til; enter viser alle i Tiltak", len(ms)-n)))
			}
		}
	}
	return strings.Join(lines, "\n")
}

// summary counts measures by status, in words.
func summary(m *Model, ms []*measures.Measure) string {
	if len(ms) == 0 {
		return m.st.Dim.Render("ingen tiltak")
	}
	by := map[measures.Status]int{}
	for _, x := range ms {
		by[x.Status]++
	}
	var parts []string
	for _, s := range measures.Statuses {
		if by[s] > 0 {
			parts = append(parts, m.st.status(s)+" "+itoa(by[s]))
		}
	}
	return strings.Join(parts, " · ")
}
