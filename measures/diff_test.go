package measures

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestCompare(t *testing.T) {
	oldFS := fixture(t)
	old, err := Load(oldFS)
	if err != nil {
		t.Fatal(err)
	}
	newFS := fixture(t)
	edit := func(file, from, to string) {
		s := string(newFS[file].Data)
		if !strings.Contains(s, from) {
			t.Fatalf("%s lacks %q", file, from)
		}
		newFS[file] = &fstest.MapFile{Data: []byte(strings.Replace(s, from, to, 1))}
	}
	edit("measures/T02.md", "status: not-assessed", "status: in-progress\nlog:\n  - date: 2026-03-01\n    status: in-progress\n    note: Startet.")
	edit("measures/T02.md", "  - aa2020-1.1/1", "  - aa2020-1.1/3")
	// D01 renamed to D02 (same text); a new group.
	newFS["measures/D02.md"] = &fstest.MapFile{Data: []byte(strings.Replace(string(newFS["measures/D01.md"].Data), "id: D01", "id: D02", 1))}
	delete(newFS, "measures/D01.md")
	newFS["inputs/aa2020/1.2.md"] = &fstest.MapFile{Data: []byte(strings.Replace(strings.Replace(string(newFS["inputs/aa2020/1.1.md"].Data), "aa2020-1.1", "aa2020-1.2", 1), "Hvem skal koordinere?", "Ny gruppe", 1))}
	edit("inputs/aa2020/1.1.md", "- Et punkt ingen tiltak svarer på", "- Et punkt ingen tiltak svarer på\n- Et nytt punkt")
	cur, err := Load(newFS)
	if err != nil {
		t.Fatal(err)
	}
	d := Compare(old, cur)
	if len(d.Added) != 0 || len(d.Removed) != 0 || len(d.Renamed) != 1 || d.Renamed[0] != (Rename{"D01", "D02"}) {
		t.Errorf("added %v removed %v renamed %v, want only D01 → D02 renamed", d.Added, d.Removed, d.Renamed)
	}
	if len(d.Changed) != 1 {
		t.Fatalf("changed = %+v, want T02", d.Changed)
	}
	c := d.Changed[0]
	if c.ID != "T02" || c.OldStatus != NotAssessed || c.NewStatus != InProgress || len(c.NewLog) != 1 ||
		strings.Join(c.InputsAdded, ",") != "aa2020-1.1/3" || strings.Join(c.InputsRemoved, ",") != "aa2020-1.1/1" {
		t.Errorf("T02 change = %+v", c)
	}
	if len(d.Groups) != 2 || d.Groups[0].ID != "aa2020-1.1" || d.Groups[0].New || !d.Groups[1].New || d.Groups[1].ID != "aa2020-1.2" {
		t.Errorf("groups = %+v, want 1.1 changed and 1.2 new", d.Groups)
	}
	if !Compare(old, old).Empty() {
		t.Error("Compare(old, old) is not empty")
	}
}
