package tui

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
)

// component is one part of the screen: a view (Oversikt, Tiltak, Innspill, Eiere, the
// detail, the ? help) or an editor over the body (a picker, the note, a field, the
// question before the first save). Update handles a message and returns what to run;
// View draws the component in the size SetSize gave it; ShortHelp is its part of the
// key line and FullHelp its keys in groups (help.KeyMap). Components share common and
// talk to the parent with messages (events.go).
type component interface {
	Init() tea.Cmd
	Update(msg tea.Msg) tea.Cmd
	View() string
	SetSize(w, h int)
	help.KeyMap
}

// box is a component's size, set by the parent before Update and View.
type box struct{ w, h int }

// SetSize records the size the component has on screen.
func (b *box) SetSize(w, h int) { b.w, b.h = w, h }

// Init does nothing: most components start from what common holds.
func (*box) Init() tea.Cmd { return nil }
