package tui

import (
	"reflect"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/samvirke/samvirke/measures"
)

// TestComponentsSendMessages drives each component on its own, without the parent's
// Update: a key leaves the parent as it was and puts the message for it in the outbox.
func TestComponentsSendMessages(t *testing.T) {
	tests := []struct {
		name     string
		readOnly bool
		comp     func(m *Model) component
		key      string
		want     []any // the messages, compared by type and, where given, value
	}{
		{"list enter opens the detail", false, func(m *Model) component { return m.list }, "enter", []any{openDetailMsg{"T01"}}},
		{"list s asks for the status picker", false, func(m *Model) component { return m.list }, "s", []any{editMsg{keyMsg("s"), "T01"}}},
		{"list f opens the quick filter", false, func(m *Model) component { return m.list }, "f", []any{openModalMsg{}}},
		{"detail q goes back", false, func(m *Model) component { return newDetailView(m.common, "T01", 80, 20) }, "q", []any{closeDetailMsg{}}},
		{"detail u undoes", false, func(m *Model) component { return newDetailView(m.common, "T01", 80, 20) }, "u", []any{undoMsg{}}},
		{"detail ? opens the help", false, func(m *Model) component { return newDetailView(m.common, "T01", 80, 20) }, "?", []any{openHelpMsg{}}},
		{"help esc closes it", false, func(m *Model) component { return m.helpPage }, "esc", []any{closeHelpMsg{}}},
		{"owners enter filters Tiltak", false, func(m *Model) component { return m.owners }, "enter", []any{
			filterMsg{quick: quickFilter{owner: map[string]bool{"hdir": true}}, clearQuery: true},
			statusMsg{text: "Viser tiltakene til Hdir. esc fjerner filteret."}}},
		{"inputs l on read-only content refuses", true, func(m *Model) component { return m.inputs }, "l", []any{
			statusMsg{text: "Kan ikke endre: innebygd innhold (skrivebeskyttet).", err: true}}},
		{"status picker enter closes and saves", false, func(m *Model) component {
			return newStatusPicker(m.common, m.c.Measure("T01"))
		}, "enter", []any{closeModalMsg{}, saveMsg{}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, _ := newTestModel(t, false)
			m.readOnlyOverride = !tt.readOnly
			c := tt.comp(m)
			c.SetSize(80, 20)
			c.Update(keyMsg(tt.key))
			if m.detail != nil || m.modal != nil || m.showHelp || m.status != "" || m.view != viewMeasures {
				t.Errorf("the component changed the parent: detail %v, modal %v, help %v, status %q, view %d",
					m.detail, m.modal, m.showHelp, m.status, m.view)
			}
			got := m.outbox
			if len(got) != len(tt.want) {
				t.Fatalf("sent %#v, want %d messages", got, len(tt.want))
			}
			for i, w := range tt.want {
				if reflect.TypeOf(got[i]) != reflect.TypeOf(w) {
					t.Errorf("message %d is %T, want %T", i, got[i], w)
					continue
				}
				switch w.(type) {
				case openModalMsg, closeModalMsg, saveMsg:
					continue // they carry components and functions
				}
				if !reflect.DeepEqual(got[i], w) {
					t.Errorf("message %d = %#v, want %#v", i, got[i], w)
				}
			}
		})
	}
}

// TestStatusPickerSaveRequest: the status picker asks the parent to save the status
// under its cursor, with a log entry dated today.
func TestStatusPickerSaveRequest(t *testing.T) {
	m, _ := newTestModel(t, false)
	p := newStatusPicker(m.common, m.c.Measure("T02"))
	p.SetSize(80, 20)
	p.Update(keyMsg("j"))
	p.Update(keyMsg("enter"))
	if len(m.outbox) != 2 {
		t.Fatalf("sent %#v, want the close and the save", m.outbox)
	}
	save, ok := m.outbox[1].(saveMsg)
	if !ok || save.id != "T02" {
		t.Fatalf("second message %#v, want a save of T02", m.outbox[1])
	}
	ms := m.c.Measure("T02").Clone()
	if err := save.change(ms, "Kari Nordmann"); err != nil {
		t.Fatal(err)
	}
	if e := ms.LastLog(); ms.Status != measures.Proposed || e == nil || e.Date != measures.DateOf(clock()) {
		t.Errorf("status %s, log %+v; want foreslått, dated today", ms.Status, e)
	}
}

var _ = []component{(*listView)(nil), (*overviewView)(nil), (*inputsView)(nil), (*ownersView)(nil),
	(*helpView)(nil), (*detailView)(nil), (*picker)(nil), (*noteEditor)(nil), (*fieldEditor)(nil),
	(*confirmSave)(nil)}

var _ tea.Model = (*Model)(nil)
