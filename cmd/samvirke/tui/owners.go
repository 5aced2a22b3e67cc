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
	*common
	box
	cursor int
}

func (v *ownersView) clamp() {
	v.cursor = min(max(v.cursor, 0), max(len(v.c.Owners)-1, 0))
}

func (v *ownersView) move(d int) {
	v.cursor += d
	v.clamp()
}

// scroll moves the cursor for the mouse wheel: one owner per notch.
func (v *ownersView) scroll(d int) { v.move(d / 3) }

// Update moves the cursor; enter shows the owner's measures in Tiltak.
func (v *ownersView) Update(msg tea.Msg) tea.Cmd {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	k := v.keys
	if d, ok := k.nav(kp, len(v.c.Owners), len(v.c.Owners)); ok {
		v.move(d)
		return nil
	}
	if key.Matches(kp, k.Open) && v.cursor < len(v.c.Owners) {
		o := v.c.Owners[v.cursor]
		v.send(filterMsg{quick: quickFilter{owner: map[string]bool{o.ID: true}}, clearQuery: true})
		v.flash(msgOwnerFilter, o.Short)
	}
	return nil
}

// ShortHelp is the key line on Eiere.
func (v *ownersView) ShortHelp() []key.Binding {
	k := v.keys
	return []key.Binding{k.Up, k.Down, k.Open, k.Next, k.Help, k.Quit}
}

// FullHelp is Eiere's keys.
func (v *ownersView) FullHelp() [][]key.Binding {
	k := v.keys
	return [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom, k.Open}, {k.Next, k.Prev, k.Help, k.Quit}}
}

// View draws Eiere.
func (v *ownersView) View() string {
	st, w, h := v.st, v.w, v.h
	owned := map[string][]*measures.Measure{}
	lead := map[string]int{}
	for _, ms := range v.c.Measures {
		for i, o := range ms.Owners {
			owned[o] = append(owned[o], ms)
			if i == 0 {
				lead[o]++
			}
		}
	}
	lines := []string{st.Title.Render("Eiere") + st.Dim.Render(sprintf("  %d eiere", len(v.c.Owners)))}
	// Two lines per owner; the selected owner's measures fill what is left.
	room := h - 1 - 2*len(v.c.Owners)
	start := 0
	if room < 3 {
		per := max((h-4)/2, 1)
		start = max(0, min(v.cursor-per/2, len(v.c.Owners)-per))
		room = 3
	}
	for i := start; i < len(v.c.Owners); i++ {
		o := v.c.Owners[i]
		ms := owned[o.ID]
		marker := "  "
		if i == v.cursor {
			marker = "› "
		}
		line := marker + st.Bold.Render(cell(o.Short, 8)) + " " + oneLine(o.Name) + st.Dim.Render(sprintf("  %d tiltak, ansvarlig for %d", len(ms), lead[o.ID]))
		if i == v.cursor {
			line = st.Selected.Render(cell(ansiStrip(line), w))
		}
		lines = append(lines, line, "    "+v.summary(ms))
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
func (v *ownersView) summary(ms []*measures.Measure) string {
	if len(ms) == 0 {
		return v.st.Dim.Render("ingen tiltak")
	}
	by := map[measures.Status]int{}
	for _, x := range ms {
		by[x.Status]++
	}
	var parts []string
	for _, s := range measures.Statuses {
		if by[s] > 0 {
			parts = append(parts, v.st.status(s)+" "+itoa(by[s]))
		}
	}
	return strings.Join(parts, " · ")
}
