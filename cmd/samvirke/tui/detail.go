package tui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/tracker"
)

// detailView shows one measure: fields, its text rendered with glamour, the log, the
// linked inputs with their text, and its git history.
type detailView struct {
	*common
	box
	id          string
	vp          viewport.Model
	history     []tracker.Change
	historyErr  error
	historyDone bool
	compare     bool // b: the title and text against the baseline (baseline.go)
	jump        bool // scroll to the comparison when it arrives
}

func newDetailView(c *common, id string, w, h int) *detailView {
	d := &detailView{common: c, box: box{w, h}, id: id, vp: viewport.New()}
	d.vp.KeyMap = viewport.KeyMap{} // the TUI's own keys scroll it
	d.refresh()
	return d
}

// SetSize resizes the viewport; the text is laid out again by refresh.
func (d *detailView) SetSize(w, h int) {
	d.box.SetSize(w, h)
	d.vp.SetHeight(h)
}

// Update scrolls, takes the measure's history when it arrives, and hands the edit keys
// and u to the parent.
func (d *detailView) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case historyMsg:
		if msg.id == d.id {
			d.history, d.historyErr, d.historyDone = msg.changes, msg.err, true
			d.refresh()
		}
	case tea.KeyPressMsg:
		d.key(msg)
	}
	return nil
}

func (d *detailView) key(msg tea.KeyPressMsg) {
	k := d.keys
	switch {
	case key.Matches(msg, k.Back):
		d.send(closeDetailMsg{})
	case key.Matches(msg, k.Help):
		d.send(openHelpMsg{})
	case key.Matches(msg, k.Up):
		d.vp.ScrollUp(1)
	case key.Matches(msg, k.Down):
		d.vp.ScrollDown(1)
	case key.Matches(msg, k.PageUp):
		d.vp.PageUp()
	case key.Matches(msg, k.PageDown):
		d.vp.PageDown()
	case key.Matches(msg, k.Top):
		d.vp.GotoTop()
	case key.Matches(msg, k.Bottom):
		d.vp.GotoBottom()
	case key.Matches(msg, k.Undo):
		d.send(undoMsg{})
	case key.Matches(msg, k.Baseline):
		d.send(baselineToggleMsg{})
	default:
		d.send(editMsg{msg, d.id})
	}
}

// scroll scrolls by d lines (the mouse wheel).
func (d *detailView) scroll(delta int) {
	if delta < 0 {
		d.vp.ScrollUp(-delta)
	} else {
		d.vp.ScrollDown(delta)
	}
}

// ShortHelp is the key line in the detail view.
func (d *detailView) ShortHelp() []key.Binding {
	k := d.keys
	return []key.Binding{k.Back, k.Up, k.Down, k.Status, k.Note, k.Baseline, k.Edit, k.Undo, k.Help}
}

// FullHelp is the detail view's keys.
func (d *detailView) FullHelp() [][]key.Binding {
	k := d.keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.Back}, append(k.editKeys(), k.Undo, k.Baseline), {k.Help}}
}

// refresh rebuilds the content (after a reload, a resize or new history).
func (d *detailView) refresh() {
	ms := d.c.Measure(d.id)
	if ms == nil {
		return
	}
	d.vp.SetWidth(d.w)
	d.vp.SetHeight(d.h)
	off := d.vp.YOffset()
	d.vp.SetContent(d.content(ms, d.w))
	d.vp.SetYOffset(off)
}

// View is the viewport on the measure.
func (d *detailView) View() string { return d.vp.View() }

func (d *detailView) content(ms *measures.Measure, w int) string {
	var b strings.Builder
	d.fields(&b, ms, w)
	if d.compare {
		b.WriteString(d.baselineSection(ms.ID, w))
	} else {
		d.section(&b, "Tekst", w)
		b.WriteString(d.markdown(ms.Text, w))
	}
	d.section(&b, sprintf("Logg (%d)", len(ms.Log)), w)
	d.logLines(&b, ms, w)
	d.section(&b, sprintf("Innspill (%d)", len(ms.Inputs)), w)
	d.inputLines(&b, ms, w)
	d.section(&b, "Historikk i git", w)
	d.historyLines(&b, w)
	return b.String()
}

// section is a heading that runs the width of the screen.
func (d *detailView) section(b *strings.Builder, title string, w int) {
	b.WriteString("\n" + d.st.Heading.Render("── "+title+" "+strings.Repeat("─", max(w-len([]rune(title))-5, 0))) + "\n")
}

// fields are the title and the measure's fields, one labelled line each.
func (d *detailView) fields(b *strings.Builder, ms *measures.Measure, w int) {
	st := d.st
	field := func(label, value string) {
		lines := strings.Split(st.wrap(w-12).Render(value), "\n")
		b.WriteString(cell(label+":", 11) + strings.TrimRight(lines[0], " ") + "\n")
		for _, l := range lines[1:] {
			b.WriteString(strings.Repeat(" ", 11) + strings.TrimRight(l, " ") + "\n")
		}
	}
	b.WriteString(st.Title.Render(ms.ID+" · "+oneLine(ms.Title)) + "\n\n")
	status := st.status(ms.Status)
	if ms.Overdue(d.today()) {
		status += " " + st.Error.Render("(fristen er passert)")
	}
	field("Status", status)
	if ms.Progress != nil {
		field("Framdrift", progressBar(*ms.Progress, 20)+" "+strconv.Itoa(*ms.Progress)+" %")
	}
	if ms.Due != nil {
		field("Frist", ms.Due.Norwegian())
	}
	var owners []string
	for i, o := range ms.Owners {
		name := d.c.OwnerName(o)
		if i == 0 {
			name += " (ansvarlig)"
		}
		owners = append(owners, name)
	}
	field("Eiere", strings.Join(owners, ", "))
	if a := d.c.Area(ms.Area); a != nil {
		field("Område", sprintf("%d. %s", a.Number, oneLine(a.Title)))
	}
	if ch := d.c.ChapterRef(ms.Chapter); ch != nil {
		field("Kapittel", oneLine(ch.Title))
	}
	field("Type", ms.Kind.Label())
	if ms.Revision != "" {
		field("Revisjon", ms.Revision.Label())
	}
	if ms.Source != "" {
		field("Kilde", oneLine(ms.Source))
	}
}

// logLines are the log, newest first.
func (d *detailView) logLines(b *strings.Builder, ms *measures.Measure, w int) {
	st, wrap := d.st, d.st.wrap(w-4)
	if len(ms.Log) == 0 {
		b.WriteString(st.Dim.Render("Ingen notater ennå. n skriver et.") + "\n")
	}
	for i := len(ms.Log) - 1; i >= 0; i-- {
		e := ms.Log[i]
		head := e.Date.Norwegian()
		if e.Status != "" {
			head += " · " + st.status(e.Status)
		}
		if e.By != "" {
			head += " · " + oneLine(e.By)
		}
		b.WriteString(st.Bold.Render(head) + "\n" + wrap.Render("  "+oneLine(e.Note)) + "\n")
	}
}

// inputLines are the linked input bullets with their group and text.
func (d *detailView) inputLines(b *strings.Builder, ms *measures.Measure, w int) {
	st, wrap := d.st, d.st.wrap(w-4)
	if len(ms.Inputs) == 0 {
		b.WriteString(st.Dim.Render("Ingen innspill knyttet. l knytter innspill.") + "\n")
	}
	for _, id := range ms.Inputs {
		it := d.c.Item(id)
		if it == nil {
			b.WriteString(id + " " + st.Error.Render("(finnes ikke)") + "\n")
			continue
		}
		group, _, _ := measures.SplitItemID(id)
		title := ""
		if g := d.c.Group(group); g != nil {
			title = g.Title
		}
		b.WriteString(st.Bold.Render(id) + " " + st.Dim.Render(oneLine(title)) + "\n" + wrap.Render("  "+oneLine(it.Text)) + "\n")
	}
}

// historyLines are the commits that changed the measure, or why there are none.
func (d *detailView) historyLines(b *strings.Builder, w int) {
	st, wrap := d.st, d.st.wrap(w-4)
	switch {
	case d.readOnly():
		b.WriteString(st.Dim.Render("Ingen historikk: innholdet er ikke i et git-repo.") + "\n")
	case d.historyErr != nil:
		b.WriteString(st.Error.Render("Kunne ikke lese historikken: "+d.historyErr.Error()) + "\n")
	case !d.historyDone:
		b.WriteString(st.Dim.Render("Henter historikken …") + "\n")
	case len(d.history) == 0:
		b.WriteString(st.Dim.Render("Ingen commits har endret tiltaket.") + "\n")
	}
	for _, h := range d.history {
		b.WriteString(st.Bold.Render(h.Commit[:7]) + " " + measures.DateOf(h.Date).Norwegian() + " · " + oneLine(h.Author) + "\n")
		for _, c := range h.Changes {
			b.WriteString(wrap.Render("  "+oneLine(c)) + "\n")
		}
	}
}
