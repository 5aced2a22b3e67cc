package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// editKey opens the editor an edit key asks for, on the measure id.
func (m *Model) editKey(msg tea.KeyPressMsg, id string) tea.Cmd {
	k := m.keys
	if !key.Matches(msg, k.editKeys()...) {
		return nil
	}
	if m.readOnly() {
		m.refuseReadOnly()
		return nil
	}
	ms := m.c.Measure(id)
	if ms == nil {
		m.flashErr(msgNoMeasure)
		return nil
	}
	c := m.common
	switch {
	case key.Matches(msg, k.Status):
		return m.open(newStatusPicker(c, ms))
	case key.Matches(msg, k.Note):
		return m.open(newNoteEditor(c, ms))
	case key.Matches(msg, k.Owners):
		return m.open(newOwnersPicker(c, ms))
	case key.Matches(msg, k.Due):
		return m.open(newDueEditor(c, ms))
	case key.Matches(msg, k.Progress):
		return m.open(newProgressEditor(c, ms))
	case key.Matches(msg, k.Link):
		return m.open(newLinkPicker(c, ms))
	case key.Matches(msg, k.Edit):
		return m.runEditor(ms)
	}
	return nil
}

// open shows the editor e over the body.
func (m *Model) open(e component) tea.Cmd {
	m.modal = e
	m.layout()
	return e.Init()
}
