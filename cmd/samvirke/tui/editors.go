package tui

import (
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/samvirke/samvirke/measures"
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
	switch {
	case key.Matches(msg, k.Status):
		m.modal = newStatusPicker(m, ms)
	case key.Matches(msg, k.Note):
		m.modal = newNoteEditor(ms)
		return m.modal.(*noteEditor).area.Focus()
	case key.Matches(msg, k.Owners):
		m.modal = newOwnersPicker(m, ms)
	case key.Matches(msg, k.Due):
		m.modal = newDueEditor(ms)
	case key.Matches(msg, k.Progress):
		m.modal = newProgressEditor(ms)
	case key.Matches(msg, k.Link):
		m.modal = newLinkPicker(m, ms)
	case key.Matches(msg, k.Edit):
		return m.runEditor(ms)
	}
	return nil
}

func newStatusPicker(m *Model, ms *measures.Measure) *picker {
	var items []pickItem
	for _, st := range measures.Statuses {
		label := m.st.status(st)
		if st == ms.Status {
			label += " (nå)"
		}
		items = append(items, pickItem{id: string(st), label: label, name: st.Label(), search: measures.Fold(st.Label() + " " + string(st))})
	}
	id, from := ms.ID, ms.Status
	return newPicker("Ny status for "+id, items, false, nil, func(m *Model, ids []string) tea.Cmd {
		return m.setStatus(id, from, measures.Status(ids[0]))
	}).at(string(ms.Status))
}

func newOwnersPicker(m *Model, ms *measures.Measure) *picker {
	var items []pickItem
	for _, o := range m.c.Owners {
		items = append(items, pickItem{id: o.ID, label: cell(o.Short, 8) + " " + o.Name, search: measures.Fold(o.ID + " " + o.Short + " " + o.Name)})
	}
	id, base := ms.ID, slices.Clone(ms.Owners)
	return newPicker("Eiere for "+id+" (den første som beholdes, er ansvarlig)", items, true, ms.Owners,
		func(m *Model, ids []string) tea.Cmd {
			if len(ids) == 0 {
				m.flashErr(msgNoOwner)
				return nil
			}
			return m.save(id, func(ms *measures.Measure, _ string) error {
				ms.Owners = mergeChoice(base, ms.Owners, ids)
				return nil
			})
		})
}

// mergeChoice applies what the user did in a multi-select that opened on base to the
// list as it is now: the ids they unticked are removed, the ones they ticked are added
// at the end, and everything else stays as current has it, in its order (so the lead
// stays the lead, and an owner or link someone else added meanwhile is kept).
func mergeChoice(base, current, chosen []string) []string {
	var out []string
	for _, c := range current {
		if slices.Contains(chosen, c) || !slices.Contains(base, c) {
			out = append(out, c)
		}
	}
	for _, c := range chosen {
		if !slices.Contains(out, c) && !slices.Contains(base, c) {
			out = append(out, c)
		}
	}
	return out
}

func newLinkPicker(m *Model, ms *measures.Measure) *picker {
	items := make([]pickItem, 0, m.c.ItemCount())
	for _, g := range m.c.Groups {
		for _, it := range g.Items {
			text := oneLine(it.Text)
			items = append(items, pickItem{id: it.ID, label: cell(it.ID, 15) + " " + text,
				search: measures.Fold(it.ID + " " + text + " " + g.Title), detail: g.Title + ": " + text})
		}
	}
	id, base := ms.ID, slices.Clone(ms.Inputs)
	return newPicker("Innspill knyttet til "+id, items, true, ms.Inputs, func(m *Model, ids []string) tea.Cmd {
		return m.save(id, func(ms *measures.Measure, _ string) error {
			ms.Inputs = mergeChoice(base, ms.Inputs, ids)
			return nil
		})
	})
}

// newMeasurePicker links the input bullet item to a measure chosen from all measures.
func newMeasurePicker(m *Model, item *measures.Item) *picker {
	items := make([]pickItem, 0, len(m.c.Measures))
	for _, ms := range m.c.Measures {
		mark := ""
		if slices.Contains(ms.Inputs, item.ID) {
			mark = " (knyttet)"
		}
		items = append(items, pickItem{id: ms.ID, label: cell(ms.ID, 6) + " " + oneLine(ms.Title) + mark, name: ms.ID,
			search: m.index.ready().head[ms]})
	}
	itemID := item.ID
	return newPicker("Knytt "+itemID+" til tiltak", items, false, nil, func(m *Model, ids []string) tea.Cmd {
		return m.save(ids[0], func(ms *measures.Measure, _ string) error {
			if slices.Contains(ms.Inputs, itemID) {
				return changeError(itemID + " er allerede knyttet til " + ms.ID + ".")
			}
			ms.Inputs = append(ms.Inputs, itemID)
			return nil
		})
	})
}

func newQuickFilterPicker(m *Model) *picker {
	var items []pickItem
	var chosen []string
	q := m.list.quick
	for _, st := range measures.Statuses {
		items = append(items, pickItem{id: "s:" + string(st), label: "Status: " + m.st.status(st), search: measures.Fold("status " + st.Label())})
		if q.status[st] {
			chosen = append(chosen, "s:"+string(st))
		}
	}
	for _, o := range m.c.Owners {
		items = append(items, pickItem{id: "o:" + o.ID, label: "Eier: " + o.Short + " – " + o.Name, search: measures.Fold("eier " + o.Short + " " + o.Name)})
		if q.owner[o.ID] {
			chosen = append(chosen, "o:"+o.ID)
		}
	}
	for _, a := range m.c.Areas {
		items = append(items, pickItem{id: "a:" + a.ID, label: sprintf("Område %d: %s", a.Number, a.Title), search: measures.Fold("omrade " + a.Title)})
		if q.area[a.ID] {
			chosen = append(chosen, "a:"+a.ID)
		}
	}
	p := newPicker("Hurtigfilter (flere valg i samme gruppe: ett av dem)", items, true, chosen, func(m *Model, ids []string) tea.Cmd {
		q := quickFilter{status: map[measures.Status]bool{}, owner: map[string]bool{}, area: map[string]bool{}}
		for _, id := range ids {
			kind, v, _ := strings.Cut(id, ":")
			switch kind {
			case "s":
				q.status[measures.Status(v)] = true
			case "o":
				q.owner[v] = true
			case "a":
				q.area[v] = true
			}
		}
		m.list.quick = q
		m.list.reset(m)
		m.view = viewMeasures
		return nil
	})
	p.verb = "bruk"
	return p
}

// noteEditor writes a log note in a text area.
type noteEditor struct {
	id         string
	area       textarea.Model
	confirming bool
}

func newNoteEditor(ms *measures.Measure) *noteEditor {
	ta := newArea()
	ta.Placeholder = "Skriv notatet her …"
	ta.ShowLineNumbers = false
	ta.CharLimit = 4000
	return &noteEditor{id: ms.ID, area: ta}
}

func (e *noteEditor) update(m *Model, msg tea.Msg) (bool, tea.Cmd) {
	k := m.keys
	if kp, ok := msg.(tea.KeyPressMsg); ok {
		if e.confirming {
			switch {
			case key.Matches(kp, k.Yes):
				m.flash(msgNoteDropped)
				return true, nil
			case key.Matches(kp, k.No):
				e.confirming = false
			}
			return false, nil
		}
		switch {
		case key.Matches(kp, k.Save):
			if strings.TrimSpace(e.area.Value()) == "" {
				m.flashErr(msgNoteEmpty)
				return false, nil
			}
			return true, m.addNote(e.id, e.area.Value())
		case key.Matches(kp, k.Cancel):
			if strings.TrimSpace(e.area.Value()) == "" {
				m.flash(msgCancelled)
				return true, nil
			}
			e.confirming = true
			return false, nil
		}
	}
	var cmd tea.Cmd
	e.area, cmd = e.area.Update(msg)
	return false, cmd
}

func (e *noteEditor) view(m *Model, w, h int) string {
	e.area.SetWidth(max(w-2, 10))
	e.area.SetHeight(max(h-4, 3))
	s := m.st.Title.Render("Nytt notat i loggen til "+e.id) + "\n" +
		m.st.Dim.Render("Notatet dateres i dag og lagres som en commit.") + "\n" + e.area.View()
	if e.confirming {
		s += "\n" + m.st.Error.Render("Forkaste teksten du har skrevet? j = ja, n = fortsett å skrive")
	}
	return s
}

func (e *noteEditor) helpKeys(k keyMap) []key.Binding {
	if e.confirming {
		return []key.Binding{k.Yes, k.No}
	}
	return []key.Binding{k.Save, k.Cancel}
}

// fieldEditor edits one line (due date, progress) and validates as you type.
type fieldEditor struct {
	id, title, hint string
	input           textinput.Model
	check           func(string) (ok bool, feedback string)
	apply           func(m *Model, value string) tea.Cmd
}

func (e *fieldEditor) update(m *Model, msg tea.Msg) (bool, tea.Cmd) {
	k := m.keys
	if kp, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(kp, k.Cancel):
			m.flash(msgCancelled)
			return true, nil
		case key.Matches(kp, k.Confirm):
			if ok, fb := e.check(e.input.Value()); !ok {
				m.flashErr("%s", fb)
				return false, nil
			}
			return true, e.apply(m, strings.TrimSpace(e.input.Value()))
		}
	}
	var cmd tea.Cmd
	e.input, cmd = e.input.Update(msg)
	return false, cmd
}

func (e *fieldEditor) view(m *Model, w, h int) string {
	ok, fb := e.check(e.input.Value())
	style := m.st.OK
	mark := "✓ "
	if !ok {
		style, mark = m.st.Error, "✗ "
	}
	return m.st.Title.Render(e.title) + "\n" + m.st.Dim.Render(e.hint) + "\n\n" + e.input.View() + "\n\n" + style.Render(mark+fb)
}

func (e *fieldEditor) helpKeys(k keyMap) []key.Binding { return []key.Binding{k.Confirm, k.Cancel} }

func newDueEditor(ms *measures.Measure) *fieldEditor {
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
	return &fieldEditor{id: id, title: "Ny frist for " + id, hint: "Skriv datoen som ÅÅÅÅ-MM-DD; tomt felt fjerner fristen.", input: in,
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
		apply: func(m *Model, v string) tea.Cmd {
			var due *measures.Date
			if v != "" {
				d, _ := measures.ParseDate(v)
				due = &d
			}
			return m.save(id, func(ms *measures.Measure, _ string) error {
				if dueText(ms.Due) != base {
					return changedElsewhere(id, "fristen", dueText(ms.Due))
				}
				ms.Due = due
				return nil
			})
		}}
}

func newProgressEditor(ms *measures.Measure) *fieldEditor {
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
	return &fieldEditor{id: id, title: "Framdrift for " + id, hint: "Et helt tall fra 0 til 100.", input: in,
		check: func(v string) (bool, string) {
			n, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil || n < 0 || n > 100 {
				return false, "framdrift må være et helt tall mellom 0 og 100"
			}
			return true, progressBar(n, 20) + " " + strconv.Itoa(n) + " %"
		},
		apply: func(m *Model, v string) tea.Cmd {
			n, _ := strconv.Atoi(v)
			return m.save(id, func(ms *measures.Measure, _ string) error {
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
