package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// keyMap holds every key binding of the TUI, declared once; views match them with
// key.Matches and the help line is built from them.
type keyMap struct {
	Next, Prev                    key.Binding
	View1, View2, View3, View4    key.Binding
	Up, Down, PageUp, PageDown    key.Binding
	Top, Bottom                   key.Binding
	Filter, Clear, Open, Back     key.Binding
	Quick, Sort, Unanswered       key.Binding
	Status, Note, Owners, Due     key.Binding
	Progress, Link, Edit, Undo    key.Binding
	Help, Quit, ForceQuit         key.Binding
	Save, Toggle, Confirm, Cancel key.Binding
	PickUp, PickDown, PickMove    key.Binding
	Search                        key.Binding
	PickPageUp, PickPageDown      key.Binding
	Yes, No                       key.Binding
	HelpScroll, HelpClose         key.Binding
	Sync, Baseline                key.Binding
}

func newKeyMap() keyMap {
	b := func(keys []string, help, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return keyMap{
		Next:         b([]string{"tab"}, "tab", "neste visning"),
		Prev:         b([]string{"shift+tab"}, "shift+tab", "forrige visning"),
		View1:        b([]string{"1"}, "1", "oversikt"),
		View2:        b([]string{"2"}, "2", "tiltak"),
		View3:        b([]string{"3"}, "3", "innspill"),
		View4:        b([]string{"4"}, "4", "eiere"),
		Up:           b([]string{"up", "k"}, "↑/k", "opp"),
		Down:         b([]string{"down", "j"}, "↓/j", "ned"),
		PageUp:       b([]string{"pgup", "ctrl+u"}, "pgup", "side opp"),
		PageDown:     b([]string{"pgdown", "ctrl+d", "space"}, "pgdn", "side ned"),
		Top:          b([]string{"home", "g"}, "g", "øverst"),
		Bottom:       b([]string{"end", "G"}, "G", "nederst"),
		Filter:       b([]string{"/"}, "/", "filtrer"),
		Clear:        b([]string{"esc"}, "esc", "fjern filter"),
		Open:         b([]string{"enter"}, "enter", "åpne"),
		Back:         b([]string{"q", "esc"}, "q/esc", "tilbake"),
		Quick:        b([]string{"f"}, "f", "hurtigfilter"),
		Sort:         b([]string{"o"}, "o", "sortering"),
		Unanswered:   b([]string{"f"}, "f", "bare ubesvarte"),
		Status:       b([]string{"s"}, "s", "status"),
		Note:         b([]string{"n"}, "n", "notat"),
		Owners:       b([]string{"w"}, "w", "eiere"),
		Due:          b([]string{"d"}, "d", "frist"),
		Progress:     b([]string{"p"}, "p", "framdrift"),
		Link:         b([]string{"l"}, "l", "knytt innspill"),
		Edit:         b([]string{"e"}, "e", "rediger tekst"),
		Undo:         b([]string{"u"}, "u", "angre lagring"),
		Sync:         b([]string{"y"}, "y", "synkroniser"),
		Baseline:     b([]string{"b"}, "b", "grunnlaget"),
		Help:         b([]string{"?"}, "?", "hjelp"),
		Quit:         b([]string{"q"}, "q", "avslutt"),
		ForceQuit:    b([]string{"ctrl+c"}, "ctrl+c", "avslutt"),
		Save:         b([]string{"ctrl+s"}, "ctrl+s", "lagre"),
		Toggle:       b([]string{"space", "tab"}, "mellomrom", "velg/fjern"),
		Confirm:      b([]string{"enter"}, "enter", "lagre"),
		Cancel:       b([]string{"esc"}, "esc", "avbryt"),
		PickUp:       b([]string{"up", "ctrl+p"}, "↑", "opp"),
		PickDown:     b([]string{"down", "ctrl+n"}, "↓", "ned"),
		PickMove:     b([]string{"up", "down", "j", "k"}, "↑/↓ j/k", "flytt"),
		Search:       b([]string{"/"}, "/", "søk"),
		PickPageUp:   b([]string{"pgup"}, "pgup", "side opp"),
		PickPageDown: b([]string{"pgdown"}, "pgdn", "side ned"),
		HelpScroll:   b([]string{"up", "down", "j", "k", "pgup", "pgdown"}, "↑/↓ pgup/pgdn", "bla"),
		HelpClose:    b([]string{"?", "esc", "q"}, "?/esc", "lukk hjelpen"),
		Yes:          b([]string{"j", "y"}, "j", "ja"),
		No:           b([]string{"n", "esc"}, "n", "nei"),
	}
}

// editKeys are the bindings that change a measure.
func (k keyMap) editKeys() []key.Binding {
	return []key.Binding{k.Status, k.Note, k.Owners, k.Due, k.Progress, k.Link, k.Edit}
}

// nav maps a movement key to the number of rows to move the cursor: one for up and down,
// page rows for page up and down, all rows for top and bottom. ok is false for other keys.
func (k keyMap) nav(msg tea.KeyPressMsg, page, rows int) (delta int, ok bool) {
	switch {
	case key.Matches(msg, k.Up):
		return -1, true
	case key.Matches(msg, k.Down):
		return 1, true
	case key.Matches(msg, k.PageUp):
		return -page, true
	case key.Matches(msg, k.PageDown):
		return page, true
	case key.Matches(msg, k.Top):
		return -rows, true
	case key.Matches(msg, k.Bottom):
		return rows, true
	}
	return 0, false
}
