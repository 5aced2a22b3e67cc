package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// shortHelp is the help line for what is on screen now. Keys that would change a
// measure are left out when the content is read-only.
func (m *Model) shortHelp() []key.Binding {
	keys := m.contextKeys()
	if m.readOnly() {
		keys = withoutEditKeys(m.keys, keys)
	}
	return keys
}

func (m *Model) contextKeys() []key.Binding {
	k := m.keys
	switch {
	case m.modal != nil:
		return m.modal.helpKeys(k)
	case m.showHelp:
		return []key.Binding{k.HelpScroll, k.HelpClose, k.ForceQuit}
	case m.detail != nil:
		return []key.Binding{k.Back, k.Up, k.Down, k.Status, k.Note, k.Baseline, k.Edit, k.Undo, k.Help}
	}
	switch m.view {
	case viewMeasures:
		if m.list.filtering {
			return []key.Binding{k.Open, k.Clear, k.PickUp, k.PickDown}
		}
		return []key.Binding{k.Filter, k.Open, k.Status, k.Note, k.Quick, k.Sort, k.Next, k.Help, k.Quit}
	case viewInputs:
		return []key.Binding{k.Up, k.Down, k.Unanswered, k.Link, k.Open, k.Next, k.Help, k.Quit}
	case viewOwners:
		return []key.Binding{k.Up, k.Down, k.Open, k.Next, k.Help, k.Quit}
	}
	return []key.Binding{k.Up, k.Down, k.Next, k.Help, k.Quit}
}

func withoutEditKeys(k keyMap, keys []key.Binding) []key.Binding {
	edit := append(k.editKeys(), k.Undo, k.Sync)
	var out []key.Binding
	for _, b := range keys {
		if !containsBinding(edit, b) {
			out = append(out, b)
		}
	}
	return out
}

func containsBinding(bs []key.Binding, b key.Binding) bool {
	for _, x := range bs {
		if x.Help() == b.Help() && strings.Join(x.Keys(), " ") == strings.Join(b.Keys(), " ") {
			return true
		}
	}
	return false
}

// helpLine is the short help fitted to the width: when it is too wide, keys are dropped
// from the middle, so the last ones (? hjelp, q avslutt, esc avbryt) always show.
func (m *Model) helpLine() string {
	keys := m.shortHelp()
	tail := 0
	for i := len(keys) - 1; i >= 0 && tail < 2 && isTailKey(m.keys, keys[i]); i-- {
		tail++
	}
	head := keys[:len(keys)-tail]
	hm := m.help
	hm.SetWidth(0) // measure untruncated
	for n := len(head); n >= 0; n-- {
		line := hm.ShortHelpView(append(head[:n:n], keys[len(keys)-tail:]...))
		if ansiWidth(line) <= m.width || n == 0 {
			return line
		}
	}
	return ""
}

// isTailKey reports the keys a help line never drops: help, quit, back and cancel.
func isTailKey(k keyMap, b key.Binding) bool {
	return containsBinding([]key.Binding{k.Help, k.Quit, k.Back, k.Cancel, k.HelpClose}, b) || b.Help().Key == "esc"
}

// helpSection is one part of the ? screen: where its keys apply, and the keys.
type helpSection struct {
	title string
	rows  [][2]string // key, what it does
}

// helpSections are the ? screen's contents. Each key appears once per place it applies,
// and the section says where that is.
func (m *Model) helpSections() []helpSection {
	s := []helpSection{
		{"Overalt", [][2]string{
			{"tab / shift+tab", "neste / forrige visning"},
			{"1 2 3 4", "Oversikt, Tiltak, Innspill, Eiere"},
			{"?", "denne hjelpen (? eller esc lukker)"},
			{"q", "avslutt (i detaljvisningen: tilbake til listen)"},
			{"ctrl+c", "avslutt med en gang"},
			{"u", "angre din siste lagring i økten (med en ny commit)"},
			{"y", "synkroniser med det delte repoet, som «samvirke sync»"},
		}},
		{"Flytte og bla", [][2]string{
			{"↑/↓ eller k/j", "opp / ned"},
			{"pgup / pgdn", "en side opp / ned"},
			{"g / G", "øverst / nederst"},
			{"enter", "åpne tiltaket (detaljvisningen)"},
			{"esc", "tilbake fra detaljvisningen"},
		}},
		{"I detaljvisningen", [][2]string{
			{"b", "mot grunnlaget: tittel og tekst sammenlignet med den nyeste strategi/-taggen, [-strøket-] og {+satt inn+} ord for ord; b igjen viser teksten"},
		}},
		{"Tiltak", [][2]string{
			{"/", "søk i id, tittel og tekst («ost» finner «Øst»); sorteres etter relevans"},
			{"enter / esc", "i søket: behold søket / fjern det"},
			{"f", "hurtigfilter: status, eier og innsatsområde"},
			{"o", "bytt sortering: id, tittel, status, frist, ansvarlig"},
		}},
		{"Innspill", [][2]string{
			{"f", "vis bare innspillene ingen tiltak svarer på"},
			{"l", "knytt innspillet til et tiltak"},
		}},
		{"Endre et tiltak (i Tiltak og i detaljvisningen)", [][2]string{
			{"s", "status"},
			{"n", "notat i loggen (ctrl+s lagrer)"},
			{"w", "eiere (den første er ansvarlig)"},
			{"d / p", "frist / framdrift"},
			{"l", "knytt til eller løs fra innspill"},
			{"e", "tittel og tekst i et redigeringsprogram"},
		}},
		{"I velgerne (s, w, l, f)", [][2]string{
			{"↑/↓ eller k/j", "flytt markøren"},
			{"/", "søk; i søket går bokstavene til søket"},
			{"enter", "lagrer det markerte (hjelpelinjen viser hva); i søket: tilbake til listen"},
			{"mellomrom / tab", "kryss av eller fjern (w, l, f), også under søk"},
			{"esc", "avbryt uten å lagre; i søket: tøm søket"},
		}},
	}
	if m.readOnly() {
		s = append(s, helpSection{"Skrivebeskyttet", [][2]string{{"", m.opts.ReadOnly}}})
	}
	s = append(s, helpSection{"Godt å vite", [][2]string{
		{"", "Hver lagring er én commit på grenen statuslinjen nevner."},
		{"", "Endringer fra andre (git, samvirke sync) leses inn automatisk."},
	}})
	return s
}

// helpLines is the ? screen as lines, wrapped to w.
func (m *Model) helpLines(w int) []string {
	keyW := 16
	var lines []string
	lines = append(lines, m.st.Title.Render("Hjelp"))
	for _, sec := range m.helpSections() {
		lines = append(lines, "", m.st.Bold.Render(sec.title))
		for _, r := range sec.rows {
			indent := "  " + cell(r[0], keyW) + " "
			if r[0] == "" {
				indent = "  "
			}
			wrapped := strings.Split(m.st.wrapPlain(r[1], max(w-ansiWidth(indent), 20)), "\n")
			for i, l := range wrapped {
				if i == 0 {
					lines = append(lines, indent+l)
				} else {
					lines = append(lines, strings.Repeat(" ", ansiWidth(indent))+l)
				}
			}
		}
	}
	return lines
}

// fullHelp is the ? screen, scrolled to m.helpScroll, with a note when more follows.
func (m *Model) fullHelp(w, h int) string {
	lines := m.helpLines(w)
	m.helpScroll = min(max(m.helpScroll, 0), max(len(lines)-h, 0))
	end := min(m.helpScroll+h, len(lines))
	view := lines[m.helpScroll:end]
	if end < len(lines) {
		view[len(view)-1] = m.st.Dim.Render(sprintf("  … %d linjer til: ↓/j eller pgdn blar", len(lines)-end))
	}
	return strings.Join(view, "\n")
}

// helpKey handles a key on the ? screen: it scrolls, and ?, esc and q close it.
func (m *Model) helpKey(msg tea.KeyPressMsg) {
	if key.Matches(msg, m.keys.HelpClose) {
		m.showHelp = false
		return
	}
	if d, ok := m.keys.nav(msg, m.bodyHeight()-1, 1000); ok {
		m.scrollHelp(d)
	}
}

// scrollHelp moves the ? screen by d lines, within its length.
func (m *Model) scrollHelp(d int) {
	last := max(len(m.helpLines(m.width))-m.bodyHeight(), 0)
	m.helpScroll = min(max(m.helpScroll+d, 0), last)
}
