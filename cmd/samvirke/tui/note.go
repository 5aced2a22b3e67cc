package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"
	"github.com/samvirke/samvirke/measures"
)

// noteEditor writes a log note in a text area.
type noteEditor struct {
	*common
	box
	id         string
	area       textarea.Model
	confirming bool
}

func newNoteEditor(c *common, ms *measures.Measure) *noteEditor {
	ta := newArea()
	ta.Placeholder = "Skriv notatet her …"
	ta.ShowLineNumbers = false
	ta.CharLimit = 4000
	return &noteEditor{common: c, id: ms.ID, area: ta}
}

// Init focuses the text area.
func (e *noteEditor) Init() tea.Cmd { return e.area.Focus() }

// Update types into the note; ctrl+s saves it, esc asks before dropping typed text.
func (e *noteEditor) Update(msg tea.Msg) tea.Cmd {
	k := e.keys
	if kp, ok := msg.(tea.KeyPressMsg); ok {
		if e.confirming {
			switch {
			case key.Matches(kp, k.Yes):
				e.close(msgNoteDropped)
			case key.Matches(kp, k.No):
				e.confirming = false
			}
			return nil
		}
		switch {
		case key.Matches(kp, k.Save):
			if strings.TrimSpace(e.area.Value()) == "" {
				e.flashErr(msgNoteEmpty)
				return nil
			}
			e.send(closeModalMsg{e})
			e.addNote(e.id, e.area.Value())
			return nil
		case key.Matches(kp, k.Cancel):
			if strings.TrimSpace(e.area.Value()) == "" {
				e.close(msgCancelled)
				return nil
			}
			e.confirming = true
			return nil
		}
	}
	var cmd tea.Cmd
	e.area, cmd = e.area.Update(msg)
	return cmd
}

// close closes the editor with a message on the status line.
func (e *noteEditor) close(msg string) {
	e.send(closeModalMsg{e})
	e.flash("%s", msg)
}

// View draws the title and the text area, and the question before dropping text.
func (e *noteEditor) View() string {
	e.area.SetWidth(max(e.w-2, 10))
	e.area.SetHeight(max(e.h-4, 3))
	s := e.st.Title.Render("Nytt notat i loggen til "+e.id) + "\n" +
		e.st.Dim.Render("Notatet dateres i dag og lagres som en commit.") + "\n" + e.area.View()
	if e.confirming {
		s += "\n" + e.st.Error.Render("Forkaste teksten du har skrevet? j = ja, n = fortsett å skrive")
	}
	return s
}

// FullHelp is the note editor's keys.
func (e *noteEditor) FullHelp() [][]key.Binding { return [][]key.Binding{e.ShortHelp()} }

// ShortHelp is the key line of the note editor, or of its question.
func (e *noteEditor) ShortHelp() []key.Binding {
	k := e.keys
	if e.confirming {
		return []key.Binding{k.Yes, k.No}
	}
	return []key.Binding{k.Save, k.Cancel}
}
