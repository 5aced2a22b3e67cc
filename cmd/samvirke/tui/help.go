package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// helpView is the ? screen: every key in sections that say where it applies, scrolled
// with the movement keys and closed with ?, esc or q.
type helpView struct {
	*common
	box
	offset int // the first line shown
}

// helpSection is one part of the ? screen: where its keys apply, and the keys.
type helpSection struct {
	title string
	rows  [][2]string // key, what it does
}

// helpSections are the ? screen's contents. Each key appears once per place it applies,
// and the section says where that is.
func (v *helpView) sections() []helpSection {
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
	if v.readOnly() {
		s = append(s, helpSection{"Skrivebeskyttet", [][2]string{{"", v.opts.ReadOnly}}})
	}
	s = append(s, helpSection{"Godt å vite", [][2]string{
		{"", "Hver lagring er én commit på grenen statuslinjen nevner."},
		{"", "Endringer fra andre (git, samvirke sync) leses inn automatisk."},
	}})
	return s
}

// lines is the ? screen as lines, wrapped to w.
func (v *helpView) lines(w int) []string {
	keyW := 16
	var lines []string
	lines = append(lines, v.st.Title.Render("Hjelp"))
	for _, sec := range v.sections() {
		lines = append(lines, "", v.st.Bold.Render(sec.title))
		for _, r := range sec.rows {
			indent := "  " + cell(r[0], keyW) + " "
			if r[0] == "" {
				indent = "  "
			}
			wrapped := strings.Split(v.st.wrapPlain(r[1], max(w-ansiWidth(indent), 20)), "\n")
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

// View is the ? screen, scrolled, with a note when more follows.
func (v *helpView) View() string {
	lines := v.lines(v.w)
	v.offset = min(max(v.offset, 0), max(len(lines)-v.h, 0))
	end := min(v.offset+v.h, len(lines))
	view := lines[v.offset:end]
	if end < len(lines) {
		view[len(view)-1] = v.st.Dim.Render(sprintf("  … %d linjer til: ↓/j eller pgdn blar", len(lines)-end))
	}
	return strings.Join(view, "\n")
}

// Update scrolls the ? screen; ?, esc and q close it.
func (v *helpView) Update(msg tea.Msg) tea.Cmd {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	if key.Matches(kp, v.keys.HelpClose) {
		v.send(closeHelpMsg{})
		return nil
	}
	if d, ok := v.keys.nav(kp, v.h-1, 1000); ok {
		v.scroll(d)
	}
	return nil
}

// scroll moves the ? screen by d lines, within its length.
func (v *helpView) scroll(d int) {
	last := max(len(v.lines(v.w))-v.h, 0)
	v.offset = min(max(v.offset+d, 0), last)
}

// top shows the ? screen from its start.
func (v *helpView) top() { v.offset = 0 }

// ShortHelp is the key line on the ? screen.
func (v *helpView) ShortHelp() []key.Binding {
	return []key.Binding{v.keys.HelpScroll, v.keys.HelpClose, v.keys.ForceQuit}
}

// FullHelp is the ? screen's own keys.
func (v *helpView) FullHelp() [][]key.Binding { return [][]key.Binding{v.ShortHelp()} }
