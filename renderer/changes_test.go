package renderer

import (
	"testing"

	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/renderer/lang"
)

// TestPlainChanges: the report names owners and areas, writes dates the Norwegian way
// and says «ikke satt» where there was nothing (the CLI's «framdrift – → 70 %, frist –
// → 2026-11-15, ansvarlig eier hdir → nav»).
func TestPlainChanges(t *testing.T) {
	c := fixture(t)
	old := c.Measure("T05").Clone()
	now := old.Clone()
	p, due := 70, measures.Date{Year: 2026, Month: 11, Day: 15}
	now.Progress, now.Due = &p, &due
	now.Owners = []string{"nav", "hdir"}
	now.Revision = measures.RevisionRevise
	now.Area = "roles"
	var got []string
	for _, f := range measures.FieldChanges(old, now) {
		got = append(got, plainChange(lang.NB.Texts(), c, f))
	}
	want := []string{
		"framdrift ikke\u00a0satt → 70\u00a0%",
		"frist ikke\u00a0satt → 15.\u00a0november\u00a02026",
		"eier lagt til: Arbeids- og velferdsdirektoratet",
		"innsatsområde 2. Styrke kunnskapsgrunnlaget → 1. Rydde i roller og ansvar",
		"i revisjonen: nytt → revidert",
	}
	if len(got) != len(want) {
		t.Fatalf("plainChange = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("plainChange #%d = %q, want %q", i, got[i], want[i])
		}
	}
	lead := measures.FieldChange{Field: measures.FieldLead, From: "hdir", To: "nav"}
	if got, want := plainChange(lang.NB.Texts(), c, lead), "ansvarlig eier Helsedirektoratet → Arbeids- og velferdsdirektoratet"; got != want {
		t.Errorf("plainChange(lead) = %q, want %q", got, want)
	}
}
