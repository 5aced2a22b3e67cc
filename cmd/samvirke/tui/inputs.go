package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/samvirke/samvirke/measures"
)

// inputsView is Innspill: the Åpen arena groups and their bullets, each with the
// measures that answer it; f shows only the bullets no measure answers yet, l links the
// bullet under the cursor to a measure.
type inputsView struct {
	*common
	box
	rows       []inputRow
	cursor     int
	offset     int
	unanswered bool
}

type inputRow struct {
	group *measures.Group
	item  *measures.Item // nil for the group's heading
}

func (v *inputsView) rebuild() {
	var keep string
	if v.cursor < len(v.rows) && v.rows[v.cursor].item != nil {
		keep = v.rows[v.cursor].item.ID
	}
	v.rows = v.rows[:0]
	for _, g := range v.c.Groups {
		head := len(v.rows)
		v.rows = append(v.rows, inputRow{group: g})
		n := 0
		for i := range g.Items {
			it := &g.Items[i]
			if v.unanswered && len(it.Measures) > 0 {
				continue
			}
			v.rows = append(v.rows, inputRow{group: g, item: it})
			n++
		}
		if n == 0 && v.unanswered {
			v.rows = v.rows[:head]
		}
	}
	for i, r := range v.rows {
		if r.item != nil && r.item.ID == keep {
			v.cursor = i
		}
	}
	v.move(0)
}

func (v *inputsView) height() int { return max(v.h-1, 1) }

// scroll moves the cursor by d rows (the mouse wheel).
func (v *inputsView) scroll(d int) { v.move(d) }

func (v *inputsView) move(d int) {
	v.cursor = min(max(v.cursor+d, 0), max(len(v.rows)-1, 0))
	h := v.height()
	if v.cursor < v.offset {
		v.offset = v.cursor
	}
	if v.cursor >= v.offset+h {
		v.offset = v.cursor - h + 1
	}
}

// Update moves the cursor, toggles the unanswered filter, links a bullet (l) and opens
// the first measure that answers it (enter).
func (v *inputsView) Update(msg tea.Msg) tea.Cmd {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	k := v.keys
	if d, ok := k.nav(kp, v.height(), len(v.rows)); ok {
		v.move(d)
		return nil
	}
	switch {
	case key.Matches(kp, k.Unanswered):
		v.unanswered = !v.unanswered
		v.cursor, v.offset = 0, 0
		v.rebuild()
	case key.Matches(kp, k.Link):
		if v.readOnly() {
			v.refuseReadOnly()
			return nil
		}
		if it := v.item(); it != nil {
			v.send(openModalMsg{newMeasurePicker(v.common, it)})
		} else {
			v.flashErr(msgPickItem)
		}
	case key.Matches(kp, k.Open):
		if it := v.item(); it != nil && len(it.Measures) > 0 {
			v.send(openDetailMsg{it.Measures[0]})
		}
	default:
		if key.Matches(kp, k.editKeys()...) {
			v.flashErr(msgEditElsewhere)
		}
	}
	return nil
}

// ShortHelp is the key line on Innspill.
func (v *inputsView) ShortHelp() []key.Binding {
	k := v.keys
	return []key.Binding{k.Up, k.Down, k.Unanswered, k.Link, k.Open, k.Next, k.Help, k.Quit}
}

// FullHelp is Innspill's keys.
func (v *inputsView) FullHelp() [][]key.Binding {
	k := v.keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Unanswered, k.Link, k.Open},
		{k.Next, k.Prev, k.Help, k.Quit}}
}

func (v *inputsView) item() *measures.Item {
	if v.cursor < len(v.rows) {
		return v.rows[v.cursor].item
	}
	return nil
}

// View draws Innspill.
func (v *inputsView) View() string {
	st, w, h := v.st, v.w, v.h
	total, open := v.c.ItemCount(), len(v.c.Unaddressed())
	head := st.Title.Render("Innspill fra Åpen arena") + st.Dim.Render(sprintf("  %d grupper, %d innspill, %d uten tiltak", len(v.c.Groups), total, open))
	if v.unanswered {
		head += "  " + st.Notice.Render("[bare ubesvarte]")
	}
	lines := []string{head}
	for i := v.offset; i < min(v.offset+h-1, len(v.rows)); i++ {
		r := v.rows[i]
		marker := "  "
		if i == v.cursor {
			marker = "› "
		}
		var line string
		if r.item == nil {
			answered := 0
			for _, it := range r.group.Items {
				if len(it.Measures) > 0 {
					answered++
				}
			}
			line = marker + st.Bold.Render(r.group.Number()+" "+oneLine(r.group.Title)) + st.Dim.Render(sprintf("  %d/%d besvart", answered, len(r.group.Items)))
		} else {
			_, n, _ := measures.SplitItemID(r.item.ID)
			links := st.Notice.Render("ingen tiltak")
			if len(r.item.Measures) > 0 {
				links = "→ " + strings.Join(r.item.Measures, " ")
			}
			prefix := marker + "  " + cell(sprintf("/%d", n), 4)
			linkW := min(20, w/4)
			line = prefix + cell(oneLine(r.item.Text), max(w-ansiWidth(prefix)-linkW-2, 10)) + "  " + cell(links, linkW)
		}
		if i == v.cursor {
			line = st.Selected.Render(cell(ansiStrip(line), w))
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}
