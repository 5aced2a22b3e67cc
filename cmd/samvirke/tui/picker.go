package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// modal is an editor shown over the body: it takes every key until it closes.
type modal interface {
	update(m *Model, msg tea.Msg) (closed bool, cmd tea.Cmd)
	view(m *Model, w, h int) string
	helpKeys(k keyMap) []key.Binding
}

type pickItem struct {
	id, label string
	search    string // folded text to filter on
	detail    string // shown in full under the list for the item under the cursor
}

// picker chooses one item, or several (multi), from a list filtered by typing.
type picker struct {
	title  string
	items  []pickItem
	multi  bool
	chosen map[string]bool
	input  textinput.Model
	rows   []int
	cursor int
	offset int
	done   func(m *Model, ids []string) tea.Cmd
	verb   string // what enter does, for the help line; "lagre" unless set
}

func newPicker(title string, items []pickItem, multi bool, chosen []string, done func(*Model, []string) tea.Cmd) *picker {
	in := newInput()
	in.Prompt = "Søk: "
	in.Placeholder = "skriv for å filtrere"
	in.Focus()
	p := &picker{title: title, items: items, multi: multi, chosen: map[string]bool{}, input: in, done: done}
	for _, id := range chosen {
		p.chosen[id] = true
	}
	p.filter()
	return p
}

// at puts the cursor on the item id.
func (p *picker) at(id string) *picker {
	for i, r := range p.rows {
		if p.items[r].id == id {
			p.cursor = i
		}
	}
	return p
}

func (p *picker) filter() {
	words := strings.Fields(fold(p.input.Value()))
	p.rows = p.rows[:0]
	for i, it := range p.items {
		ok := true
		for _, w := range words {
			if !strings.Contains(it.search, w) {
				ok = false
				break
			}
		}
		if ok {
			p.rows = append(p.rows, i)
		}
	}
	p.cursor = min(p.cursor, max(len(p.rows)-1, 0))
}

func (p *picker) update(m *Model, msg tea.Msg) (bool, tea.Cmd) {
	k := m.keys
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		var cmd tea.Cmd
		p.input, cmd = p.input.Update(msg)
		return false, cmd
	}
	switch {
	case key.Matches(kp, k.Cancel):
		m.flash("Avbrutt; ingenting er lagret.")
		return true, nil
	case key.Matches(kp, k.PickUp):
		p.cursor = max(p.cursor-1, 0)
		return false, nil
	case key.Matches(kp, k.PickDown):
		p.cursor = min(p.cursor+1, max(len(p.rows)-1, 0))
		return false, nil
	case key.Matches(kp, k.PickPageUp):
		p.cursor = max(p.cursor-10, 0)
		return false, nil
	case key.Matches(kp, k.PickPageDown):
		p.cursor = min(p.cursor+10, max(len(p.rows)-1, 0))
		return false, nil
	case p.multi && key.Matches(kp, k.Toggle) && (kp.Code != tea.KeySpace || p.input.Value() == ""):
		// Space toggles until a search is typed; then it is part of the search.
		if p.cursor < len(p.rows) {
			id := p.items[p.rows[p.cursor]].id
			p.chosen[id] = !p.chosen[id]
			if !p.chosen[id] {
				delete(p.chosen, id)
			}
		}
		return false, nil
	case key.Matches(kp, k.Confirm):
		if p.multi {
			var ids []string
			for _, it := range p.items {
				if p.chosen[it.id] {
					ids = append(ids, it.id)
				}
			}
			return true, p.done(m, ids)
		}
		if p.cursor < len(p.rows) {
			return true, p.done(m, []string{p.items[p.rows[p.cursor]].id})
		}
		return false, nil
	}
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(kp)
	p.filter()
	return false, cmd
}

func (p *picker) view(m *Model, w, h int) string {
	var b strings.Builder
	b.WriteString(m.st.Title.Render(p.title))
	if p.multi {
		b.WriteString(m.st.Dim.Render(sprintf("  (%d valgt)", len(p.chosen))))
	}
	b.WriteByte('\n')
	p.input.SetWidth(max(w-10, 10))
	b.WriteString(p.input.View())
	b.WriteByte('\n')
	var detail string
	if p.cursor < len(p.rows) {
		detail = p.items[p.rows[p.cursor]].detail
	}
	detailLines := 0
	if detail != "" {
		detail = m.st.wrap(w - 2).Render(detail)
		detailLines = min(strings.Count(detail, "\n")+1, 5)
	}
	rows := max(h-3-detailLines, 1)
	if p.cursor < p.offset {
		p.offset = p.cursor
	}
	if p.cursor >= p.offset+rows {
		p.offset = p.cursor - rows + 1
	}
	if len(p.rows) == 0 {
		b.WriteString(m.st.Dim.Render("  Ingen treff."))
		b.WriteByte('\n')
	}
	for i := p.offset; i < min(p.offset+rows, len(p.rows)); i++ {
		it := p.items[p.rows[i]]
		marker := "  "
		if i == p.cursor {
			marker = "› "
		}
		box := ""
		if p.multi {
			box = "[ ] "
			if p.chosen[it.id] {
				box = "[x] "
			}
		}
		line := cell(marker+box+it.label, w)
		if i == p.cursor {
			line = m.st.Selected.Render(ansiStrip(line))
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	for i := min(p.offset+rows, len(p.rows)) - p.offset; i < rows; i++ {
		b.WriteByte('\n')
	}
	if detailLines > 0 {
		lines := strings.Split(detail, "\n")
		b.WriteString(m.st.Dim.Render(strings.Join(lines[:detailLines], "\n")))
	}
	return b.String()
}

func (p *picker) helpKeys(k keyMap) []key.Binding {
	confirm := k.Confirm
	if p.verb != "" {
		confirm.SetHelp("enter", p.verb)
	}
	if p.multi {
		return []key.Binding{k.PickUp, k.PickDown, k.Toggle, confirm, k.Cancel}
	}
	return []key.Binding{k.PickUp, k.PickDown, confirm, k.Cancel}
}
