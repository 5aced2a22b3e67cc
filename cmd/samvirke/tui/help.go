package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
)

// shortHelp is the help line for what is on screen now.
func (m *Model) shortHelp() []key.Binding {
	k := m.keys
	switch {
	case m.modal != nil:
		return m.modal.helpKeys(k)
	case m.showHelp:
		return []key.Binding{k.Help, k.Back}
	case m.detail != nil:
		return []key.Binding{k.Back, k.Up, k.Down, k.Status, k.Note, k.Edit, k.Undo, k.Help}
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

// fullHelp is the ? screen: every key, grouped.
func (m *Model) fullHelp() string {
	k := m.keys
	groups := [][]key.Binding{
		{k.Next, k.Prev, k.View1, k.View2, k.View3, k.View4, k.Help, k.Quit, k.ForceQuit},
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.Open, k.Back},
		{k.Filter, k.Clear, k.Quick, k.Sort, k.Unanswered},
		{k.Status, k.Note, k.Owners, k.Due, k.Progress, k.Link, k.Edit, k.Undo},
	}
	var b strings.Builder
	b.WriteString(m.st.Title.Render("Hjelp") + "\n\n")
	// Two groups side by side fit 80 columns.
	b.WriteString(m.help.FullHelpView(groups[:2]))
	b.WriteString("\n\n")
	b.WriteString(m.help.FullHelpView(groups[2:]))
	b.WriteString("\n\n")
	b.WriteString(strings.Join([]string{
		"/ søker i id, tittel og tekst («ost» finner «Øst»); enter beholder filteret.",
		"Innspill: f viser bare de ubesvarte; l knytter innspillet til et tiltak.",
		"Hver lagring er en commit; u angrer din siste med en ny commit.",
		"Endringer fra andre (git, samvirke sync) leses inn automatisk.",
	}, "\n"))
	if m.readOnly() {
		b.WriteString("\n\n" + m.st.Notice.Render("Skrivebeskyttet: "+m.opts.ReadOnly))
	}
	return b.String()
}
