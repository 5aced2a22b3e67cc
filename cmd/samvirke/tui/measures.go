package tui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/samvirke/samvirke/measures"
)

// listView is the Tiltak view: a table of measures with a live fuzzy filter, quick
// filters by status, owner and area, and a choice of sort orders. Only the visible rows
// are rendered, so ten thousand measures scroll as fast as forty.
type listView struct {
	*common
	box
	sortIdx   int
	base      []*measures.Measure // all measures in the sort order
	cands     []*measures.Measure // base narrowed by the quick filters
	rows      []*measures.Measure // cands narrowed by the text filter
	lastQuery string              // the query rows were computed for
	idW       int                 // the widest id of all measures: the id column never changes width
	cursor    int
	offset    int

	input     textinput.Model
	filtering bool
	quick     quickFilter
}

// quickFilter is the f choices: any of the statuses, any of the owners, any of the areas.
type quickFilter struct {
	status map[measures.Status]bool
	owner  map[string]bool
	area   map[string]bool
}

func (q quickFilter) empty() bool { return len(q.status)+len(q.owner)+len(q.area) == 0 }

func (q quickFilter) match(m *measures.Measure) bool {
	if len(q.status) > 0 && !q.status[m.Status] {
		return false
	}
	if len(q.area) > 0 && !q.area[m.Area] {
		return false
	}
	if len(q.owner) > 0 && !slices.ContainsFunc(m.Owners, func(o string) bool { return q.owner[o] }) {
		return false
	}
	return true
}

var sortLabels = map[measures.SortKey]string{
	measures.ByID: "id", measures.ByTitle: "tittel", measures.ByStatus: "status",
	measures.ByDue: "frist", measures.ByOwner: "ansvarlig",
}

func newListView(c *common) *listView {
	in := newInput()
	in.Prompt = "/ "
	in.Placeholder = "søk i id, tittel og tekst"
	in.CharLimit = 200
	return &listView{common: c, input: in}
}

// setFilter shows the measures the quick filters q let through; clearQuery empties the
// text filter too.
func (l *listView) setFilter(q quickFilter, clearQuery bool) {
	l.quick = q
	if clearQuery {
		l.input.SetValue("")
	}
	l.reset()
}

// reset re-sorts and re-filters after the content or the sort order changed, keeping
// the selected measure.
func (l *listView) reset() {
	keep := l.selectedID()
	l.base = slices.Clone(l.c.Measures)
	l.idW = 3
	for _, ms := range l.base {
		l.idW = max(l.idW, ansiWidth(ms.ID))
	}
	if k := measures.SortKeys[l.sortIdx]; k != measures.ByID {
		measures.Sort(l.base, k, l.c)
	}
	l.refilter()
	l.selectID(keep)
}

// refilter applies the quick filters and the text filter from scratch.
func (l *listView) refilter() {
	l.cands = l.base
	if !l.quick.empty() {
		l.cands = make([]*measures.Measure, 0, len(l.base))
		for _, ms := range l.base {
			if l.quick.match(ms) {
				l.cands = append(l.cands, ms)
			}
		}
	}
	l.lastQuery = l.input.Value()
	l.rows = l.index.match(l.lastQuery, l.cands)
	l.clamp()
}

// queryChanged filters incrementally: a query that extends the last one can only match
// a subset of the last rows.
func (l *listView) queryChanged() {
	q := l.input.Value()
	if q == l.lastQuery {
		return
	}
	from := l.cands
	if l.lastQuery != "" && strings.HasPrefix(measures.Fold(q), measures.Fold(l.lastQuery)) && !strings.Contains(q, " ") {
		from = l.rows
	}
	keep := l.selectedID()
	l.rows = l.index.match(q, from)
	l.lastQuery = q
	l.cursor, l.offset = 0, 0
	if q == "" {
		l.selectID(keep)
	}
	l.clamp()
}

func (l *listView) selectedID() string {
	if l.cursor >= 0 && l.cursor < len(l.rows) {
		return l.rows[l.cursor].ID
	}
	return ""
}

func (l *listView) selectID(id string) {
	if id == "" {
		return
	}
	for i, ms := range l.rows {
		if ms.ID == id {
			l.cursor = i
			l.offset = max(0, i-l.height()/2)
			break
		}
	}
	l.clamp()
}

// height is the number of table rows on screen.
func (l *listView) height() int { return max(l.h-2, 1) }

func (l *listView) clamp() {
	h := l.height()
	l.cursor = min(max(l.cursor, 0), max(len(l.rows)-1, 0))
	if l.cursor < l.offset {
		l.offset = l.cursor
	}
	if l.cursor >= l.offset+h {
		l.offset = l.cursor - h + 1
	}
	l.offset = min(max(l.offset, 0), max(len(l.rows)-h, 0))
}

func (l *listView) move(d int) {
	l.cursor += d
	l.clamp()
}

// scroll moves the cursor by d rows (the mouse wheel).
func (l *listView) scroll(d int) { l.move(d) }

// Update handles a key: in the focused filter it types, else it moves, filters, sorts,
// opens a measure or hands an edit key to the parent.
func (l *listView) Update(msg tea.Msg) tea.Cmd {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	if l.filtering {
		return l.filterKey(kp)
	}
	k := l.keys
	if d, ok := k.nav(kp, l.height(), len(l.rows)); ok {
		l.move(d)
		return nil
	}
	switch {
	case key.Matches(kp, k.Filter):
		l.filtering = true
		return l.input.Focus()
	case key.Matches(kp, k.Clear):
		if l.input.Value() != "" || !l.quick.empty() {
			l.setFilter(quickFilter{}, true)
			l.flash(msgFilterCleared)
		}
	case key.Matches(kp, k.Open):
		l.send(openDetailMsg{l.selectedID()})
	case key.Matches(kp, k.Sort):
		l.sortIdx = (l.sortIdx + 1) % len(measures.SortKeys)
		l.reset()
		l.flash(msgSorted, sortLabels[measures.SortKeys[l.sortIdx]])
	case key.Matches(kp, k.Quick):
		l.send(openModalMsg{newQuickFilterPicker(l.common, l.quick)})
	default:
		l.send(editMsg{kp, l.selectedID()})
	}
	return nil
}

// filterKey handles a key while the filter has the focus: it takes every key.
func (l *listView) filterKey(kp tea.KeyPressMsg) tea.Cmd {
	k := l.keys
	switch {
	case key.Matches(kp, k.Clear):
		l.input.SetValue("")
		l.input.Blur()
		l.filtering = false
		l.queryChanged()
		return nil
	case key.Matches(kp, k.Open):
		l.input.Blur()
		l.filtering = false
		return nil
	case key.Matches(kp, k.PickUp):
		l.move(-1)
		return nil
	case key.Matches(kp, k.PickDown):
		l.move(1)
		return nil
	}
	var cmd tea.Cmd
	l.input, cmd = l.input.Update(kp)
	l.queryChanged()
	return cmd
}

// ShortHelp is the key line on Tiltak.
func (l *listView) ShortHelp() []key.Binding {
	k := l.keys
	if l.filtering {
		return []key.Binding{k.Open, k.Clear, k.PickUp, k.PickDown}
	}
	return []key.Binding{k.Filter, k.Open, k.Status, k.Note, k.Quick, k.Sort, k.Next, k.Help, k.Quit}
}

// FullHelp is Tiltak's keys.
func (l *listView) FullHelp() [][]key.Binding {
	k := l.keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.Open},
		{k.Filter, k.Clear, k.Quick, k.Sort}, append(k.editKeys(), k.Undo, k.Sync), {k.Next, k.Prev, k.Help, k.Quit}}
}

// columns are the table's column widths for a terminal width.
type columns struct{ id, title, status, lead, due, changed int }

// The title gives way first, then the last-change, lead and due columns; the id is cut
// only when not even a short title and the status fit beside it.
func tableColumns(w int, idW int) columns {
	c := columns{id: min(idW, max(w-2-15-8-2, 3)), status: 15, lead: 6, due: 10, changed: 10}
	rest := func() int { return w - 2 - c.id - c.status - c.lead - c.due - c.changed - 5 }
	if rest() < 24 {
		c.changed = 0
	}
	if rest() < 20 {
		c.lead = 0
	}
	if rest() < 16 {
		c.due = 0
	}
	c.title = max(rest(), 8)
	return c
}

// View draws Tiltak: the filter line, the header and the visible rows.
func (l *listView) View() string {
	st, w, h := l.st, l.w, l.h
	var b strings.Builder
	// First line: the filter and what is shown.
	order := sortLabels[measures.SortKeys[l.sortIdx]]
	if strings.TrimSpace(l.input.Value()) != "" {
		order = "relevans" // the search's order, best match first
	}
	info := sprintf("%d av %d · sortert etter %s", len(l.rows), len(l.c.Measures), order)
	if d := l.quickDescription(); d != "" {
		info += " · " + d
	}
	switch {
	case l.filtering:
		l.input.SetWidth(max(w-ansiWidth(info)-6, 10))
		b.WriteString(l.input.View() + "  " + st.Dim.Render(info))
	case l.input.Value() != "":
		b.WriteString(sprintf("Filter: «%s» · %s", l.input.Value(), info))
	default:
		b.WriteString(st.Title.Render("Tiltak") + "  " + st.Dim.Render(info))
	}
	b.WriteByte('\n')

	c := tableColumns(w, l.idW)
	b.WriteString(st.Header.Render(l.row(c, "  ", "ID", "Tittel", "Status", "Ansv.", "Frist", "Endret")))
	b.WriteByte('\n')
	rows := max(h-2, 1)
	if len(l.rows) == 0 {
		b.WriteString(st.Dim.Render("  Ingen tiltak passer filteret. esc fjerner det."))
		return b.String()
	}
	for i := l.offset; i < min(l.offset+rows, len(l.rows)); i++ {
		ms := l.rows[i]
		due, changed := "", ""
		if ms.Due != nil {
			due = ms.Due.String()
		}
		if t, ok := l.lastChanged[ms.ID]; ok {
			changed = measures.DateOf(t).String()
		} else if e := ms.LastLog(); e != nil {
			changed = e.Date.String()
		}
		marker := "  "
		if i == l.cursor {
			marker = "› "
		}
		line := l.row(c, marker, ms.ID, oneLine(ms.Title), st.status(ms.Status), l.c.OwnerName(ms.Lead()), due, changed)
		if i == l.cursor {
			line = st.Selected.Render(cell(ansiStrip(line), w))
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	return b.String()
}

func (l *listView) row(c columns, marker, id, title, status, lead, due, changed string) string {
	parts := []string{marker + idCell(id, c.id), cell(title, c.title), cell(status, c.status)}
	if c.lead > 0 {
		parts = append(parts, cell(lead, c.lead))
	}
	if c.due > 0 {
		parts = append(parts, cell(due, c.due))
	}
	if c.changed > 0 {
		parts = append(parts, cell(changed, c.changed))
	}
	return strings.TrimRight(strings.Join(parts, " "), " ")
}

// idCell fits an id into w cells; one too long is cut in the middle, keeping its end
// (P-oke-kunn…ap-2), so that two ids that differ at the end still look different.
func idCell(id string, w int) string {
	n := ansiWidth(id)
	if n <= w || w < 8 {
		return cell(id, w)
	}
	tail := min(4, w/3)
	return ansi.Truncate(id, w-tail-1, "") + "…" + ansi.TruncateLeft(id, n-tail, "")
}

func (l *listView) quickDescription() string {
	var parts []string
	for _, st := range measures.Statuses {
		if l.quick.status[st] {
			parts = append(parts, st.Label())
		}
	}
	for _, o := range l.c.Owners {
		if l.quick.owner[o.ID] {
			parts = append(parts, "eier "+o.Short)
		}
	}
	for _, a := range l.c.Areas {
		if l.quick.area[a.ID] {
			parts = append(parts, "område "+itoa(a.Number))
		}
	}
	return strings.Join(parts, ", ")
}
