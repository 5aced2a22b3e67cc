package measures

import "testing"

// TestWith: a copy with measures replaced and added, indexed; the original untouched,
// down to the input items' back-links.
func TestWith(t *testing.T) {
	c, err := Load(fixture(t))
	if err != nil {
		t.Fatal(err)
	}
	t01 := c.Measure("T01").Clone()
	t01.Status, t01.Inputs = Done, nil
	p := &Measure{ID: "P-ny", Title: "Ny", Inputs: []string{"aa2020-1.1/1"}}
	n := c.With(t01, p)
	if n.Measure("T01").Status != Done || n.Measure("P-ny") != p || len(n.Measures) != len(c.Measures)+1 {
		t.Errorf("With: T01 %v, P-ny %v, %d measures", n.Measure("T01").Status, n.Measure("P-ny"), len(n.Measures))
	}
	if c.Measure("T01").Status == Done || c.Measure("P-ny") != nil || len(c.Measures) != 4 {
		t.Error("With changed the original")
	}
	if got := c.Item("aa2020-1.1/2").Measures; len(got) != 1 || got[0] != "T01" {
		t.Errorf("the original's item links = %v", got)
	}
	if got := n.Item("aa2020-1.1/1").Measures; len(got) != 2 {
		t.Errorf("the copy's item links = %v, want T02 and P-ny", got)
	}
	if got := n.Item("aa2020-1.1/2").Measures; len(got) != 0 {
		t.Errorf("the copy's item links = %v, want none", got)
	}
}
