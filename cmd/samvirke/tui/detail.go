package tui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2"
	"charm.land/glamour/v2/styles"
	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/tracker"
)

// detailView shows one measure: fields, its text rendered with glamour, the log, the
// linked inputs with their text, and its git history.
type detailView struct {
	id          string
	vp          viewport.Model
	history     []tracker.Change
	historyErr  error
	historyDone bool
	rendered    string // cache key of the last render: width and style
	compare     bool   // b: the title and text against the baseline (baseline.go)
	jump        bool   // scroll to the comparison when it arrives
}

func newDetailView(m *Model, id string) *detailView {
	d := &detailView{id: id, vp: viewport.New()}
	d.vp.KeyMap = viewport.KeyMap{} // the TUI's own keys scroll it
	d.refresh(m)
	return d
}

func (d *detailView) key(m *Model, msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Back):
		m.detail = nil
	case key.Matches(msg, k.Help):
		m.showHelp, m.helpScroll = true, 0
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
		return m.undoLast()
	case key.Matches(msg, k.Baseline):
		return d.toggleBaseline(m)
	default:
		return m.editKey(msg, d.id)
	}
	return nil
}

// refresh rebuilds the content (after a reload, a resize or new history).
func (d *detailView) refresh(m *Model) {
	ms := m.c.Measure(d.id)
	if ms == nil {
		return
	}
	d.vp.SetWidth(m.width)
	d.vp.SetHeight(m.bodyHeight())
	off := d.vp.YOffset()
	d.vp.SetContent(d.content(m, ms, m.width))
	d.vp.SetYOffset(off)
}

func (d *detailView) view(m *Model, w, h int) string { return d.vp.View() }

func (d *detailView) content(m *Model, ms *measures.Measure, w int) string {
	st := m.st
	var b strings.Builder
	section := func(title string) {
		b.WriteString("\n" + st.Heading.Render("── "+title+" "+strings.Repeat("─", max(w-len([]rune(title))-5, 0))) + "\n")
	}
	field := func(label, value string) {
		lines := strings.Split(st.wrap(w-12).Render(value), "\n")
		b.WriteString(cell(label+":", 11) + strings.TrimRight(lines[0], " ") + "\n")
		for _, l := range lines[1:] {
			b.WriteString(strings.Repeat(" ", 11) + strings.TrimRight(l, " ") + "\n")
		}
	}
	wrap := st.wrap(w - 4)
	b.WriteString(st.Title.Render(ms.ID+" · "+oneLine(ms.Title)) + "\n\n")
	status := st.status(ms.Status)
	if ms.Overdue(m.today()) {
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
		name := m.c.OwnerName(o)
		if i == 0 {
			name += " (ansvarlig)"
		}
		owners = append(owners, name)
	}
	field("Eiere", strings.Join(owners, ", "))
	if a := m.c.Area(ms.Area); a != nil {
		field("Område", sprintf("%d. %s", a.Number, a.Title))
	}
	if ch := m.c.ChapterRef(ms.Chapter); ch != nil {
		field("Kapittel", ch.Title)
	}
	field("Type", ms.Kind.Label())
	if ms.Revision != "" {
		field("Revisjon", ms.Revision.Label())
	}
	if ms.Source != "" {
		field("Kilde", oneLine(ms.Source))
	}

	if d.compare {
		b.WriteString(m.baselineSection(ms.ID, w))
	} else {
		section("Tekst")
		b.WriteString(m.markdown(ms.Text, w))
	}

	section(sprintf("Logg (%d)", len(ms.Log)))
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
			head += " · " + e.By
		}
		b.WriteString(st.Bold.Render(head) + "\n" + wrap.Render("  "+oneLine(e.Note)) + "\n")
	}

	section(sprintf("Innspill (%d)", len(ms.Inputs)))
	if len(ms.Inputs) == 0 {
		b.WriteString(st.Dim.Render("Ingen innspill knyttet. l knytter innspill.") + "\n")
	}
	for _, id := range ms.Inputs {
		it := m.c.Item(id)
		if it == nil {
			b.WriteString(id + " " + st.Error.Render("(finnes ikke)") + "\n")
			continue
		}
		group, _, _ := measures.SplitItemID(id)
		title := ""
		if g := m.c.Group(group); g != nil {
			title = g.Title
		}
		b.WriteString(st.Bold.Render(id) + " " + st.Dim.Render(oneLine(title)) + "\n" + wrap.Render("  "+oneLine(it.Text)) + "\n")
	}

	section("Historikk i git")
	switch {
	case m.readOnly():
		b.WriteString(st.Dim.Render("Ingen historikk: innholdet er ikke i et git-repo.") + "\n")
	case d.historyErr != nil:
		b.WriteString(st.Error.Render("Kunne ikke lese historikken: "+d.historyErr.Error()) + "\n")
	case !d.historyDone:
		b.WriteString(st.Dim.Render("Henter historikken …") + "\n")
	case len(d.history) == 0:
		b.WriteString(st.Dim.Render("Ingen commits har endret tiltaket.") + "\n")
	}
	for _, h := range d.history {
		b.WriteString(st.Bold.Render(h.Commit[:7]) + " " + measures.DateOf(h.Date).Norwegian() + " · " + h.Author + "\n")
		for _, c := range h.Changes {
			b.WriteString(wrap.Render("  "+c) + "\n")
		}
	}
	return b.String()
}

// markdown renders Markdown for the terminal with glamour, in a style for the
// background (plain without colour). The renderer is kept for the width.
func (m *Model) markdown(text string, w int) string {
	style := styles.DarkStyle
	switch {
	case m.st.NoColor:
		style = styles.NoTTYStyle
	case !m.st.Dark:
		style = styles.LightStyle
	}
	key := style + "/" + strconv.Itoa(w)
	if m.glamourKey != key || m.glamour == nil {
		r, err := glamour.NewTermRenderer(glamour.WithStandardStyle(style), glamour.WithWordWrap(max(w-4, 20)))
		if err != nil {
			return text + "\n"
		}
		m.glamour, m.glamourKey = r, key
	}
	out, err := m.glamour.Render(text)
	if err != nil {
		return text + "\n"
	}
	return strings.Trim(out, "\n") + "\n"
}
