package measures

import "testing"

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
