package tui

import (
	tea "charm.land/bubbletea/v2"
	"github.com/samvirke/samvirke/measures"
)

// The messages components send to the parent (common.send) instead of changing it.

// statusMsg puts text on the status line, as an error when err.
type statusMsg struct {
	text string
	err  bool
}

// openDetailMsg opens the detail view of the measure id.
type openDetailMsg struct{ id string }

// closeDetailMsg goes back from the detail view.
type closeDetailMsg struct{}

// openHelpMsg shows the ? help; closeHelpMsg closes it.
type (
	openHelpMsg  struct{}
	closeHelpMsg struct{}
)

// openModalMsg shows an editor over the body.
type openModalMsg struct{ modal component }

// closeModalMsg closes the editor modal, unless another has taken its place (the
// question before the first save, opened by the save the editor asked for).
type closeModalMsg struct{ modal component }

// editMsg is an edit key (s, n, w, d, p, l, e) pressed on the measure id.
type editMsg struct {
	key tea.KeyPressMsg
	id  string
}

// undoMsg asks to undo this session's last save.
type undoMsg struct{}

// baselineToggleMsg is b in the detail view: show the measure against the strategy
// baseline, or its text again (baseline.go).
type baselineToggleMsg struct{}

// saveMsg asks to save change to the measure id; done, when set, gets the outcome off
// the event loop.
type saveMsg struct {
	id     string
	change func(*measures.Measure, string) error
	done   func(error)
}

// confirmedMsg is the yes to the question before the first save: run saves.
type confirmedMsg struct{ run tea.Cmd }

// filterMsg shows Tiltak with quick filters; with clearQuery, the text filter is
// emptied too.
type filterMsg struct {
	quick      quickFilter
	clearQuery bool
}
