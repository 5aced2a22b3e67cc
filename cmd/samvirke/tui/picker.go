package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/samvirke/samvirke/measures"
)

type pickItem struct {
	id, label string
	name      string // what enter saves, in the help line; the label when ""
	search    string // folded text to filter on
	detail    string // shown in full under the list for the item under the cursor
}

// picker chooses one item, or several (multi), from a list. Every picker works the same
// way, like the lists behind it: ↑/↓ and j/k move, / starts a search, and only enter in
// the list (not in the search) saves, while the help line names the item it saves.
// During a search letters go into the search, ↑/↓ move, enter goes back to the list with
// the search kept and esc clears it; in a checkbox picker space and tab tick the item
// under the cursor during a search too.
type picker struct {
	*common
	box
	title     string
	items     []pickItem
	multi     bool
	chosen    map[string]bool
	input     textinput.Model
	searching bool
	hint      string // shown under the search line after a key that does nothing here
	rows      []int
	cursor    int
	offset    int
	done      func(ids []string) // after the picker closed: what to do with the choice
	verb      string             // what enter does, for the help line; "lagre" unless set
}

func newPicker(c *common, title string, items []pickItem, multi bool, chosen []string, done func([]string)) *picker {
	in := newInput()
	in.Prompt = "Søk: "
	in.Placeholder = "trykk / for å søke"
	p := &picker{common: c, title: title, items: items, multi: multi, chosen: map[string]bool{}, input: in, done: done}
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
	words := strings.Fields(measures.Fold(p.input.Value()))
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

// current is the item under the cursor, or nil when the search matches nothing.
func (p *picker) current() *pickItem {
	if p.cursor < len(p.rows) {
		return &p.items[p.rows[p.cursor]]
	}
	return nil
}

// nav maps a movement key of the list to the rows to move: j/k and the arrows one,
// pgup/pgdn ten, g/G and home/end to the ends. Space is not a movement key here.
func (p *picker) nav(k keyMap, kp tea.KeyPressMsg) (int, bool) {
	switch {
	case key.Matches(kp, k.Up):
		return -1, true
	case key.Matches(kp, k.Down):
		return 1, true
	case key.Matches(kp, k.PickPageUp):
		return -10, true
	case key.Matches(kp, k.PickPageDown):
		return 10, true
	case key.Matches(kp, k.Top):
		return -len(p.rows), true
	case key.Matches(kp, k.Bottom):
		return len(p.rows), true
	}
	return 0, false
}

func (p *picker) move(d int) {
	p.cursor = min(max(p.cursor+d, 0), max(len(p.rows)-1, 0))
}

func (p *picker) toggle() {
	if it := p.current(); it != nil {
		p.chosen[it.id] = !p.chosen[it.id]
		if !p.chosen[it.id] {
			delete(p.chosen, it.id)
		}
	}
}

// Update handles a key in the list or, during a search, in the search line.
func (p *picker) Update(msg tea.Msg) tea.Cmd {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		var cmd tea.Cmd
		p.input, cmd = p.input.Update(msg)
		return cmd
	}
	p.hint = ""
	if p.searching {
		return p.searchKey(kp)
	}
	k := p.keys
	if d, ok := p.nav(k, kp); ok {
		p.move(d)
		return nil
	}
	switch {
	case key.Matches(kp, k.Cancel):
		p.send(closeModalMsg{p})
		p.flash(msgCancelled)
		return nil
	case key.Matches(kp, k.Filter):
		p.searching = true
		return p.input.Focus()
	case p.multi && key.Matches(kp, k.Toggle):
		p.toggle()
		return nil
	case key.Matches(kp, k.Confirm):
		p.confirm()
		return nil
	}
	if kp.Text != "" {
		p.hint = msgPickerHint
	}
	return nil
}

// searchKey handles a key while the search line has the focus.
func (p *picker) searchKey(kp tea.KeyPressMsg) tea.Cmd {
	k := p.keys
	switch {
	case key.Matches(kp, k.Cancel):
		p.input.SetValue("")
		p.filter()
		p.endSearch()
		return nil
	case key.Matches(kp, k.Confirm):
		p.endSearch()
		return nil
	case key.Matches(kp, k.PickUp):
		p.move(-1)
		return nil
	case key.Matches(kp, k.PickDown):
		p.move(1)
		return nil
	case key.Matches(kp, k.PickPageUp):
		p.move(-10)
		return nil
	case key.Matches(kp, k.PickPageDown):
		p.move(10)
		return nil
	case p.multi && key.Matches(kp, k.Toggle):
		p.toggle()
		return nil
	}
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(kp)
	p.filter()
	return cmd
}

func (p *picker) endSearch() {
	p.searching = false
	p.input.Blur()
}

// confirm closes the picker and hands the choice to done: the ticked items, or the
// item under the cursor (none: the picker stays open).
func (p *picker) confirm() {
	var ids []string
	if p.multi {
		for _, it := range p.items {
			if p.chosen[it.id] {
				ids = append(ids, it.id)
			}
		}
	} else if it := p.current(); it != nil {
		ids = []string{it.id}
	} else {
		return
	}
	p.send(closeModalMsg{p})
	p.done(ids)
}

// View draws the title, the search line, the visible items and the detail of the one
// under the cursor.
func (p *picker) View() string {
	st, w, h := p.st, p.w, p.h
	var b strings.Builder
	b.WriteString(st.Title.Render(p.title))
	if p.multi {
		b.WriteString(st.Dim.Render(sprintf("  (%d valgt)", len(p.chosen))))
	}
	b.WriteByte('\n')
	b.WriteString(p.searchLine(w))
	b.WriteByte('\n')
	var detail string
	if p.cursor < len(p.rows) {
		detail = p.items[p.rows[p.cursor]].detail
	}
	detailLines := 0
	if detail != "" {
		detail = st.wrap(w - 2).Render(detail)
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
		b.WriteString(st.Dim.Render("  Ingen treff."))
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
			line = st.Selected.Render(ansiStrip(line))
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	for i := min(p.offset+rows, len(p.rows)) - p.offset; i < rows; i++ {
		b.WriteByte('\n')
	}
	if detailLines > 0 {
		lines := strings.Split(detail, "\n")
		b.WriteString(st.Dim.Render(strings.Join(lines[:detailLines], "\n")))
	}
	return b.String()
}

// searchLine is the search field while searching, else the kept search or how to start
// one, and the hint for a key that does nothing in the list.
func (p *picker) searchLine(w int) string {
	st := p.st
	var line string
	switch {
	case p.searching:
		p.input.SetWidth(max(w-10, 10))
		line = p.input.View()
	case p.input.Value() != "":
		line = "Søk: " + p.input.Value() + st.Dim.Render(sprintf("  (%d treff; / endrer søket)", len(p.rows)))
	default:
		line = st.Dim.Render("Søk: trykk / for å søke")
	}
	if p.hint != "" {
		line = ansi.Truncate(line, max(w/3, 20), "…") + "  " + st.Notice.Render(p.hint)
	}
	return line
}

// ShortHelp is the key line of the picker: enter names what it saves.
func (p *picker) ShortHelp() []key.Binding {
	k := p.keys
	if p.searching {
		done := k.Confirm
		done.SetHelp("enter", "til listen")
		clear := k.Cancel
		clear.SetHelp("esc", "tøm søket")
		if p.multi {
			return []key.Binding{k.PickUp, k.PickDown, k.Toggle, done, clear}
		}
		return []key.Binding{k.PickUp, k.PickDown, done, clear}
	}
	confirm := k.Confirm
	verb := p.verb
	if verb == "" {
		verb = "lagre"
	}
	if it := p.current(); !p.multi && it != nil {
		name := it.name
		if name == "" {
			name = ansiStrip(it.label)
		}
		verb += " «" + name + "»"
	}
	confirm.SetHelp("enter", verb)
	if p.multi {
		return []key.Binding{k.PickMove, k.Toggle, k.Search, confirm, k.Cancel}
	}
	return []key.Binding{k.PickMove, k.Search, confirm, k.Cancel}
}

// FullHelp is the picker's keys, in the list and in the search.
func (p *picker) FullHelp() [][]key.Binding {
	k := p.keys
	return [][]key.Binding{{k.PickMove, k.PickPageUp, k.PickPageDown, k.Top, k.Bottom}, {k.Search, k.Toggle, k.Confirm, k.Cancel}}
}
