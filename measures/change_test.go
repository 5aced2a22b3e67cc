package measures

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestCommitMessage(t *testing.T) {
	p := 40
	d := Date{2027, 6, 30}
	old := &Measure{ID: "T14", Status: NotAssessed, Owners: []string{"hdir", "nav"}, Inputs: []string{"a/1"}, Text: "x"}
	tests := []struct {
		name   string
		change func(m *Measure)
		want   string
	}{
		{"status", func(m *Measure) { m.Status = InProgress }, "T14: status ikke vurdert → pågår"},
		{"progress and due", func(m *Measure) { m.Progress, m.Due = &p, &d }, "T14: framdrift – → 40 %, frist – → 2027-06-30"},
		{"owners", func(m *Measure) { m.Owners = []string{"nav", "hod"} }, "T14: eiere +hod −hdir"},
		{"lead swapped", func(m *Measure) { m.Owners = []string{"nav", "hdir"} }, "T14: ansvarlig eier hdir → nav"},
		{"inputs and note", func(m *Measure) {
			m.Inputs = []string{"a/2"}
			m.Log = append(m.Log, LogEntry{Note: "n"})
		}, "T14: innspill +a/2 −a/1, notat lagt til"},
		{"text", func(m *Measure) { m.Text = "y" }, "T14: tekst endret"},
		{"status with its log entry only", func(m *Measure) {
			m.Status = InProgress
			m.Log = append(m.Log, LogEntry{Status: InProgress, Note: StatusNote(InProgress)})
		}, "T14: status ikke vurdert → pågår"},
		{"status with a note", func(m *Measure) {
			m.Status = InProgress
			m.Log = append(m.Log, LogEntry{Status: InProgress, Note: "Oppstartsmøte holdt."})
		}, "T14: status ikke vurdert → pågår, notat lagt til"},
		{"two notes", func(m *Measure) { m.Log = append(m.Log, LogEntry{Note: "a"}, LogEntry{Note: "b"}) }, "T14: 2 notater lagt til"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := old.Clone()
			tt.change(m)
			if got := CommitMessage(old, m); got != tt.want {
				t.Errorf("CommitMessage = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFieldChangesAsJSON(t *testing.T) {
	p := 40
	d := Date{2027, 6, 30}
	old := &Measure{ID: "T14", Status: NotAssessed, Owners: []string{"hdir"}, Due: &d}
	m := old.Clone()
	m.Status, m.Progress, m.Due, m.Owners = InProgress, &p, nil, []string{"hdir", "nav"}
	m.Log = append(m.Log, LogEntry{Date: d, Status: InProgress, Note: "Startet."})
	got, err := json.Marshal(FieldChanges(old, m))
	if err != nil {
		t.Fatal(err)
	}
	want := `[{"field":"status","from":"not-assessed","to":"in-progress","summary":"status ikke vurdert → pågår"},` +
		`{"field":"progress","from":null,"to":40,"summary":"framdrift – → 40 %"},` +
		`{"field":"due","from":"2027-06-30","to":null,"summary":"frist 2027-06-30 → –"},` +
		`{"field":"owners","from":["hdir"],"to":["hdir","nav"],"added":["nav"],"removed":[],"summary":"eiere +nav"},` +
		`{"field":"note","notes":[{"date":"2027-06-30","status":"in-progress","note":"Startet."}],"summary":"notat lagt til"}]`
	if string(got) != want {
		t.Errorf("FieldChanges as JSON =\n%s\nwant\n%s", got, want)
	}
}

func TestEmptyListsAreNotNull(t *testing.T) {
	got, err := json.Marshal(Diff{Changed: []MeasureChange{{ID: "T01"}}})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"added":[],"removed":[],"renamed":[],"changed":[{"id":"T01","title":"","changes":[],"fields":[],"new_log":[],"inputs_added":[],"inputs_removed":[]}],"groups":[]}`
	if string(got) != want {
		t.Errorf("Diff as JSON = %s, want %s", got, want)
	}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(&Measure{ID: "T01", Text: "a < b & c"})
	got = []byte(b.String())
	for _, want := range []string{`"owners":[]`, `"inputs":[]`, `"log":[]`, `"text":"a < b & c"`} {
		if !strings.Contains(string(got), want) {
			t.Errorf("Measure as JSON = %s, want %s", got, want)
		}
	}
}
