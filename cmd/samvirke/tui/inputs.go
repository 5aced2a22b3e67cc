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
	rows       []inputRow
	cursor     int
	offset     int
	unanswered bool
}

type inputRow struct {
	group *measures.Group
	item  *measures.Item // nil for the group's heading
}

func (v *inputsView) rebuild(m *Model) {
	var keep string
	if v.cursor < len(v.rows) && v.rows[v.cursor].item != nil {
		keep = v.rows[v.cursor].item.ID
	}
	v.rows = v.rows[:0]
	for _, g := range m.c.Groups {
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
	v.move(m, 0)
}

func (v *inputsView) height(m *Model) int { return max(m.bodyHeight()-1, 1) }

func (v *inputsView) move(m *Model, d int) {
	v.cursor = min(max(v.cursor+d, 0), max(len(v.rows)-1, 0))
	h := v.height(m)
	if v.cursor < v.offset {
		v.offset = v.cursor
	}
	if v.cursor >= v.offset+h {
		v.offset = v.cursor - h + 1
	}
}

func (v *inputsView) key(m *Model, msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	if d, ok := k.nav(msg, v.height(m), len(v.rows)); ok {
		v.move(m, d)
		return nil
	}
	switch {
	case key.Matches(msg, k.Unanswered):
		v.unanswered = !v.unanswered
		v.cursor, v.offset = 0, 0
		v.rebuild(m)
	case key.Matches(msg, k.Link):
		if m.readOnly() {
			m.refuseReadOnly()
			return nil
		}
		if it := v.item(); it != nil {
			m.modal = newMeasurePicker(m, it)
		} else {
			m.flashErr(msgPickItem)
		}
	case key.Matches(msg, k.Open):
		if it := v.item(); it != nil && len(it.Measures) > 0 {
			return m.openDetail(it.Measures[0])
		}
	default:
		if key.Matches(msg, k.editKeys()...) {
			m.flashErr(msgEditElsewhere)
		}
	}
	return nil
}

func (v *inputsView) item() *measures.Item {
	if v.cursor < len(v.rows) {
		return v.rows[v.cursor].item
	}
	return nil
}

func (v *inputsView) view(m *Model, w, h int) string {
	st := m.st
	total, open := m.c.ItemCount(), len(m.c.Unaddressed())
	head := st.Title.Render("Innspill fra Åpen arena") + st.Dim.Render(sprintf("  %d grupper, %d innspill, %d uten tiltak", len(m.c.Groups), total, open))
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
