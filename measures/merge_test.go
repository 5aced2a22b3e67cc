package measures

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

const mergeBase = `---
id: T14
title: Undersøke om taushetsplikten hindrer samvirke
kind: measure
area: practice
owners:
  - hdir
  - nav
status: not-started
revision: keep
inputs:
  - aa2020-1.3/2
log:
  - date: 2026-01-10
    note: Startet.
---
Første avsnitt.

Andre avsnitt.

Tredje avsnitt.
`

// edit applies line replacements old→new to the base file.
func edit(pairs ...string) string {
	s := mergeBase
	for i := 0; i < len(pairs); i += 2 {
		if !strings.Contains(s, pairs[i]) {
			panic("edit: no " + pairs[i])
		}
		s = strings.Replace(s, pairs[i], pairs[i+1], 1)
	}
	return s
}

func TestMergeMeasureFile(t *testing.T) {
	note := func(d, text string) string { return "  - date: " + d + "\n    note: " + text + "\n" }
	startet := note("2026-01-10", "Startet.")
	tests := []struct {
		name          string
		ours, theirs  string
		want          string // "" when conflicts are expected
		conflictField []string
		wantSwapped   string // when the order of a set depends on the side
	}{
		{"different fields", edit("status: not-started", "status: in-progress"), edit("title: Undersøke om", "title: Kartlegge om"),
			edit("status: not-started", "status: in-progress", "title: Undersøke om", "title: Kartlegge om"), nil, ""},
		{"same change once", edit("status: not-started", "status: done"), edit("status: not-started", "status: done"),
			edit("status: not-started", "status: done"), nil, ""},
		{"both add notes", edit(startet, startet+note("2026-02-01", "Møte i fagrådet.")), edit(startet, startet+note("2026-01-20", "Brev sendt.")),
			edit(startet, startet+note("2026-01-20", "Brev sendt.")+note("2026-02-01", "Møte i fagrådet.")), nil, ""},
		{"both add the same note", edit(startet, startet+note("2026-02-01", "Møte.")), edit(startet, startet+note("2026-02-01", "Møte.")),
			edit(startet, startet+note("2026-02-01", "Møte.")), nil, ""},
		{"owners vs inputs", edit("  - nav\n", "  - nav\n  - hod\n"), edit("  - aa2020-1.3/2\n", "  - aa2020-1.3/2\n  - aa2020-2.1/1\n"),
			edit("  - nav\n", "  - nav\n  - hod\n", "  - aa2020-1.3/2\n", "  - aa2020-1.3/2\n  - aa2020-2.1/1\n"), nil, ""},
		{"owners added and removed on both sides", edit("  - nav\n", "  - nav\n  - hod\n"), edit("  - hdir\n  - nav\n", "  - hdir\n  - asd\n"),
			edit("  - hdir\n  - nav\n", "  - hdir\n  - hod\n  - asd\n"), nil, edit("  - hdir\n  - nav\n", "  - hdir\n  - asd\n  - hod\n")},
		{"lead changed on one side", edit("  - hdir\n  - nav\n", "  - nav\n  - hdir\n"), edit("  - nav\n", "  - nav\n  - hod\n"),
			edit("  - hdir\n  - nav\n", "  - nav\n  - hdir\n  - hod\n"), nil, ""},
		{"text: different paragraphs", edit("Første avsnitt.", "Første avsnitt, endret."), edit("Tredje avsnitt.", "Tredje avsnitt, endret."),
			edit("Første avsnitt.", "Første avsnitt, endret.", "Tredje avsnitt.", "Tredje avsnitt, endret."), nil, ""},
		{"status differently", edit("status: not-started", "status: in-progress"), edit("status: not-started", "status: delayed"), "", []string{"status"}, ""},
		{"lead differently", edit("  - hdir\n  - nav\n", "  - nav\n  - hdir\n"), edit("  - hdir\n  - nav\n", "  - hod\n  - hdir\n  - nav\n"), "", []string{"owners (ansvarlig)"}, ""},
		{"text: same line differently", edit("Andre avsnitt.", "Andre, A."), edit("Andre avsnitt.", "Andre, B."), "", []string{"text (linje 3)"}, ""},
		{"due added differently", edit("revision: keep", "due: 2026-06-30\nrevision: keep"), edit("revision: keep", "due: 2026-12-31\nrevision: keep"), "", []string{"due"}, ""},
		{"status and note on each side", edit("status: not-started", "status: in-progress", startet, startet+note("2026-03-01", "Pågår.")),
			edit(startet, startet+note("2026-03-02", "Notat.")),
			edit("status: not-started", "status: in-progress", startet, startet+note("2026-03-01", "Pågår.")+note("2026-03-02", "Notat.")), nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, swap := range []bool{false, true} {
				o, th := tt.ours, tt.theirs
				if swap {
					o, th = th, o
				}
				got, cs := MergeFile("content/measures/T14.md", []byte(mergeBase), []byte(o), []byte(th))
				var fields []string
				for _, c := range cs {
					fields = append(fields, c.Field)
				}
				if !slices.Equal(fields, tt.conflictField) {
					t.Fatalf("swap=%v: conflicts %v, want %v", swap, cs, tt.conflictField)
				}
				if tt.want == "" {
					for _, c := range cs {
						if c.Ours == c.Theirs || c.ID != "T14" {
							t.Errorf("conflict %+v: want both values and the id", c)
						}
					}
					if string(got) != o {
						t.Errorf("swap=%v: on conflict the result must keep ours", swap)
					}
					continue
				}
				want := tt.want
				if swap && tt.wantSwapped != "" {
					want = tt.wantSwapped
				}
				if string(got) != want {
					t.Errorf("swap=%v:\n%s\nwant\n%s", swap, got, want)
				}
				if _, err := ParseMeasure("content/measures/T14.md", got); err != nil {
					t.Errorf("merged file does not parse: %v", err)
				}
			}
		})
	}
}

func TestMergeText(t *testing.T) {
	tests := []struct {
		base, ours, theirs, want string
		conflicts                int
	}{
		{"a\nb\nc", "A\nb\nc", "a\nb\nC", "A\nb\nC", 0},
		{"a\nb\nc", "a\nx\nb\nc", "a\nb\nc\ny", "a\nx\nb\nc\ny", 0},
		{"a\nb\nc", "a\nc", "a\nb\nc\nd", "a\nc\nd", 0},
		{"a\nb\nc", "a\nB1\nc", "a\nB2\nc", "a\nB1\nc", 1},
		{"a\nb", "a\nx\nb", "a\ny\nb", "a\nx\nb", 1}, // both insert at the same place
		{"a\nb", "a\nx\nb", "a\nx\nb", "a\nx\nb", 0},
		{"", "x", "y", "x", 1},
		{"a\nb\nc\nd", "a\nB\nc\nd", "a\nb\nc\nD", "a\nB\nc\nD", 0},
	}
	for _, tt := range tests {
		got, cs := MergeText(tt.base, tt.ours, tt.theirs)
		if got != tt.want || len(cs) != tt.conflicts {
			t.Errorf("MergeText(%q, %q, %q) = %q, %d conflicts; want %q, %d", tt.base, tt.ours, tt.theirs, got, len(cs), tt.want, tt.conflicts)
		}
	}
}

func TestMergeYAMLList(t *testing.T) {
	base := "# Eiere.\n- id: hdir\n  name: Helsedirektoratet\n  short: Hdir\n  kind: directorate\n- id: nav\n  name: NAV\n  short: NAV\n  kind: directorate\n"
	ours := strings.Replace(base, "name: NAV", "name: Arbeids- og velferdsdirektoratet", 1) + "- id: hod\n  name: HOD\n  short: HOD\n  kind: ministry\n"
	theirs := strings.Replace(base, "short: Hdir", "short: HDIR", 1) + "- id: asd\n  name: ASD\n  short: ASD\n  kind: ministry\n"
	got, cs := MergeFile("content/owners.yaml", []byte(base), []byte(ours), []byte(theirs))
	want := strings.Replace(ours, "short: Hdir", "short: HDIR", 1) + "- id: asd\n  name: ASD\n  short: ASD\n  kind: ministry\n"
	if len(cs) > 0 || string(got) != want {
		t.Fatalf("got %v\n%s\nwant\n%s", cs, got, want)
	}
	if _, err := ParseOwners("content/owners.yaml", got); err != nil {
		t.Fatal(err)
	}
	_, cs = MergeFile("content/owners.yaml", []byte(base), []byte(strings.Replace(base, "short: NAV", "short: A", 1)), []byte(strings.Replace(base, "short: NAV", "short: B", 1)))
	if len(cs) != 1 || cs[0].ID != "nav" || cs[0].Field != "short" || cs[0].Ours != "  short: A" {
		t.Fatalf("conflicts %+v", cs)
	}
	areas := "areas:\n  - id: a\n    number: 1\n    title: A\nchapters:\n  - id: c\n    number: 1\n    title: C\n"
	o := strings.Replace(areas, "chapters:", "  - id: b\n    number: 2\n    title: B\nchapters:", 1)
	th := areas + "  - id: d\n    number: 2\n    title: D\n"
	got, cs = MergeFile("content/areas.yaml", []byte(areas), []byte(o), []byte(th))
	if len(cs) > 0 || string(got) != o+"  - id: d\n    number: 2\n    title: D\n" {
		t.Fatalf("areas: %v\n%s", cs, got)
	}
}

func TestMergeGroup(t *testing.T) {
	base := "---\nid: aa2020-1.3\nevent: aa2020\ntitle: T\nday: 1\nsession: 1\n---\n- en\n- to\n- tre\n"
	ours := strings.Replace(base, "title: T", "title: Tittel", 1)
	theirs := strings.Replace(base, "- tre", "- tre, rettet", 1)
	got, cs := MergeFile("content/inputs/aa2020/1.3.md", []byte(base), []byte(ours), []byte(theirs))
	if len(cs) > 0 || string(got) != strings.Replace(ours, "- tre", "- tre, rettet", 1) {
		t.Fatalf("%v\n%s", cs, got)
	}
	_, cs = MergeFile("content/inputs/aa2020/1.3.md", []byte(base), []byte(strings.Replace(base, "- to", "- TO", 1)), []byte(strings.Replace(base, "- to", "- 2", 1)))
	if len(cs) != 1 || cs[0].Field != "innspill 2" {
		t.Fatalf("%+v", cs)
	}
}

// TestMergeMeasuresProperty: random edits on two sides; every log entry either side has
// (and the base had, unless removed) is in the merge once, in date order; edits to
// different fields never conflict; a merge without conflicts is the same both ways.
func TestMergeMeasuresProperty(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	base, err := ParseMeasure("content/measures/T14.md", []byte(mergeBase))
	if err != nil {
		t.Fatal(err)
	}
	rounds := 2000
	if testing.Short() {
		rounds = 200
	}
	owners := []string{"hdir", "nav", "hod", "asd", "kd"}
	for round := range rounds {
		o, th := base.Clone(), base.Clone()
		fields := rng.Perm(6)
		for side, m := range []*Measure{o, th} {
			f := fields[side] // distinct fields per side
			switch f {
			case 0:
				m.Status = []Status{InProgress, Done, Delayed}[rng.IntN(3)]
			case 1:
				m.Title = fmt.Sprintf("Tittel %d", rng.IntN(100))
			case 2:
				m.Owners = append(m.Owners, owners[2+rng.IntN(3)])
			case 3:
				m.Inputs = append(m.Inputs, fmt.Sprintf("aa2020-%d.1/1", 1+rng.IntN(5)))
			case 4:
				m.Text = strings.Replace(m.Text, "Første", fmt.Sprintf("Side %d", side), 1)
			case 5:
				d := Date{2026, 3, 1}
				m.Due = &d
			}
			for range rng.IntN(3) {
				m.Log = append(m.Log, LogEntry{Date: Date{2026, 2, 1 + rng.IntN(20)}, Note: fmt.Sprintf("notat %d-%d", side, rng.IntN(1000))})
			}
			slices.SortStableFunc(m.Log, func(a, b LogEntry) int { return a.Date.Compare(b.Date) })
		}
		m, cs := MergeMeasures(base, o, th)
		if len(cs) > 0 {
			t.Fatalf("round %d: conflicts %v for fields %d and %d", round, cs, fields[0], fields[1])
		}
		for _, e := range slices.Concat(o.Log, th.Log) {
			if n := countEntry(m.Log, e); n != 1 {
				t.Fatalf("round %d: entry %v %d times in %v", round, e, n, m.Log)
			}
		}
		if !slices.IsSortedFunc(m.Log, func(a, b LogEntry) int { return a.Date.Compare(b.Date) }) {
			t.Fatalf("round %d: log not in date order", round)
		}
		m2, _ := MergeMeasures(base, th, o)
		if string(m.Encode()) != string(m2.Encode()) && !slices.Contains(fields[:2], 2) && !slices.Contains(fields[:2], 3) {
			t.Fatalf("round %d: merge depends on the side:\n%s\n%s", round, m.Encode(), m2.Encode())
		}
	}
}

func countEntry(log []LogEntry, e LogEntry) int {
	n := 0
	for _, x := range log {
		if x == e {
			n++
		}
	}
	return n
}

// FuzzMergeText: merging x with itself or with the unchanged base gives x, and any merge
// without conflicts is the same with the sides swapped.
func FuzzMergeText(f *testing.F) {
	f.Add("a\nb\nc", "a\nB\nc", "a\nb\nC")
	f.Add("", "x\ny", "y")
	f.Add("a\na\na", "a\na", "a\nb\na\na")
	f.Fuzz(func(t *testing.T, base, ours, theirs string) {
		norm := func(s string) string { return strings.Join(splitLines(s), "\n") }
		if got, cs := MergeText(base, ours, ours); got != norm(ours) || len(cs) > 0 {
			t.Fatalf("merge with itself: %q", got)
		}
		if got, cs := MergeText(base, base, theirs); got != norm(theirs) || len(cs) > 0 {
			t.Fatalf("one side: %q", got)
		}
		a, cs1 := MergeText(base, ours, theirs)
		b, cs2 := MergeText(base, theirs, ours)
		if len(cs1) != len(cs2) {
			t.Fatalf("conflicts differ by side: %v %v", cs1, cs2)
		}
		if len(cs1) == 0 && a != b {
			t.Fatalf("clean merge depends on the side: %q vs %q", a, b)
		}
	})
}

// FuzzMergeMeasureFile: merging never panics, and when all three versions parse and the
// merge has no conflicts, the result parses too.
func FuzzMergeMeasureFile(f *testing.F) {
	f.Add(mergeBase, edit("status: not-started", "status: done"), edit("Andre avsnitt.", "Andre."))
	f.Add(mergeBase, edit("  - nav\n", ""), edit("  - hdir\n", ""))
	f.Add(mergeBase, edit("log:\n", "progress: 40\nlog:\n"), edit("  - date: 2026-01-10\n", "  - date: 2026-01-09\n"))
	f.Fuzz(func(t *testing.T, base, ours, theirs string) {
		const file = "content/measures/T14.md"
		got, cs := MergeFile(file, []byte(base), []byte(ours), []byte(theirs))
		_, e1 := ParseMeasure(file, []byte(base))
		_, e2 := ParseMeasure(file, []byte(ours))
		_, e3 := ParseMeasure(file, []byte(theirs))
		if e1 != nil || e2 != nil || e3 != nil || len(cs) > 0 {
			return
		}
		if _, err := ParseMeasure(file, got); err != nil {
			t.Fatalf("clean merge does not parse: %v\n%s", err, got)
		}
	})
}
