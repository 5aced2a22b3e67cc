package tui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/samvirke/samvirke/measures"
)

// fieldEditor edits one line (due date, progress) and validates as you type.
type fieldEditor struct {
	*common
	box
	id, title, hint string
	input           textinput.Model
	check           func(string) (ok bool, feedback string)
	apply           func(value string) // after the editor closed: save the checked value
}

// Update types into the field; enter saves a value that passes the check.
func (e *fieldEditor) Update(msg tea.Msg) tea.Cmd {
	k := e.keys
	if kp, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(kp, k.Cancel):
			e.send(closeModalMsg{e})
			e.flash(msgCancelled)
			return nil
		case key.Matches(kp, k.Confirm):
			if ok, fb := e.check(e.input.Value()); !ok {
				e.flashErr("%s", fb)
				return nil
			}
			e.send(closeModalMsg{e})
			e.apply(strings.TrimSpace(e.input.Value()))
			return nil
		}
	}
	var cmd tea.Cmd
	e.input, cmd = e.input.Update(msg)
	return cmd
}

// View draws the field and what the check says of its value.
func (e *fieldEditor) View() string {
	ok, fb := e.check(e.input.Value())
	style := e.st.OK
	mark := "✓ "
	if !ok {
		style, mark = e.st.Error, "✗ "
	}
	return e.st.Title.Render(e.title) + "\n" + e.st.Dim.Render(e.hint) + "\n\n" + e.input.View() + "\n\n" + style.Render(mark+fb)
}

// ShortHelp is the key line of a field.
func (e *fieldEditor) ShortHelp() []key.Binding { return []key.Binding{e.keys.Confirm, e.keys.Cancel} }

// FullHelp is a field's keys.
func (e *fieldEditor) FullHelp() [][]key.Binding { return [][]key.Binding{e.ShortHelp()} }

func newDueEditor(c *common, ms *measures.Measure) *fieldEditor {
	in := newInput()
	in.Prompt = "Frist: "
	in.Placeholder = "ÅÅÅÅ-MM-DD"
	in.CharLimit = 10
	if ms.Due != nil {
		in.SetValue(ms.Due.String())
	}
	in.Focus()
	id := ms.ID
	base := dueText(ms.Due)
	return &fieldEditor{common: c, id: id, title: "Ny frist for " + id, hint: "Skriv datoen som ÅÅÅÅ-MM-DD; tomt felt fjerner fristen.", input: in,
		check: func(v string) (bool, string) {
			v = strings.TrimSpace(v)
			if v == "" {
				return true, "ingen frist"
			}
			d, err := measures.ParseDate(v)
			if err != nil {
				return false, "«" + v + "» er ikke en gyldig dato; skriv ÅÅÅÅ-MM-DD"
			}
			return true, d.Norwegian()
		},
		apply: func(v string) {
			var due *measures.Date
			if v != "" {
				d, _ := measures.ParseDate(v)
				due = &d
			}
			c.requestSave(id, func(ms *measures.Measure, _ string) error {
				if dueText(ms.Due) != base {
					return changedElsewhere(id, "fristen", dueText(ms.Due))
				}
				ms.Due = due
				return nil
			})
		}}
}

func newProgressEditor(c *common, ms *measures.Measure) *fieldEditor {
	in := newInput()
	in.Prompt = "Framdrift (%): "
	in.Placeholder = "0–100"
	in.CharLimit = 3
	if ms.Progress != nil {
		in.SetValue(strconv.Itoa(*ms.Progress))
	}
	in.Focus()
	id := ms.ID
	base := progressText(ms.Progress)
	return &fieldEditor{common: c, id: id, title: "Framdrift for " + id, hint: "Et helt tall fra 0 til 100.", input: in,
		check: func(v string) (bool, string) {
			n, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil || n < 0 || n > 100 {
				return false, "framdrift må være et helt tall mellom 0 og 100"
			}
			return true, progressBar(n, 20) + " " + strconv.Itoa(n) + " %"
		},
		apply: func(v string) {
			n, _ := strconv.Atoi(v)
			c.requestSave(id, func(ms *measures.Measure, _ string) error {
				if progressText(ms.Progress) != base {
					return changedElsewhere(id, "framdriften", progressText(ms.Progress))
				}
				ms.Progress = &n
				return nil
			})
		}}
}

// dueText and progressText say a due date and a progress in words, for comparing what
// an editor opened on with the measure at save time, and for the refusal.
func dueText(d *measures.Date) string {
	if d == nil {
		return "ingen frist"
	}
	return d.Norwegian()
}

func progressText(p *int) string {
	if p == nil {
		return "ingen framdrift satt"
	}
	return strconv.Itoa(*p) + " %"
}

func progressBar(n, w int) string {
	full := n * w / 100
	return strings.Repeat("█", full) + strings.Repeat("░", w-full)
}
