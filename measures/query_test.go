package measures

import (
	"fmt"
	"strings"
	"testing"
)

func TestSortNorwegianCollation(t *testing.T) {
	titles := []string{"Åpen arena", "Zebra", "ærlig", "Øke", "arbeid", "Oslo", "Aa-gruppen"}
	var ms []*Measure
	for i, title := range titles {
		ms = append(ms, &Measure{ID: fmt.Sprintf("T%02d", i+1), Title: title})
	}
	Sort(ms, ByTitle, &Content{})
	var got []string
	for _, m := range ms {
		got = append(got, m.Title)
	}
	// Æ, Ø, Å come after Z; "Aa" is sorted as Å.
	want := "arbeid Oslo Zebra ærlig Øke Aa-gruppen Åpen arena"
	if strings.Join(got, " ") != want {
		t.Errorf("Sort(ByTitle) = %q, want %q", strings.Join(got, " "), want)
	}
}

func TestCompareIDs(t *testing.T) {
	ids := []string{"P-ny", "D02", "T100", "T10", "T02", "D01", "T37"}
	ms := make([]*Measure, len(ids))
	for i, id := range ids {
		ms[i] = &Measure{ID: id}
	}
	Sort(ms, ByID, &Content{})
	var got []string
	for _, m := range ms {
		got = append(got, m.ID)
	}
	if want := "T02 T10 T37 T100 D01 D02 P-ny"; strings.Join(got, " ") != want {
		t.Errorf("Sort(ByID) = %v, want %s", got, want)
	}
}

func TestFilter(t *testing.T) {
	c, err := Load(fixture(t))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		f    Filter
		want string
	}{
		{"all", Filter{}, "T01 T02 T10 D01"},
		{"status", Filter{Status: []Status{InProgress, Done}}, "T01 T10"},
		{"owner, not only lead", Filter{Owner: "hdir"}, "T01 T02 T10"},
		{"area", Filter{Area: "roles"}, "T02"},
		{"kind", Filter{Kind: KindRecommendation}, "D01"},
		{"text in body, any case", Filter{Text: "INDIVIDDATA"}, "D01"},
		{"text with æøå", Filter{Text: "ærlig"}, "T10"},
		{"combined", Filter{Owner: "nav", Status: []Status{Done}}, "T10"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, m := range c.Select(tt.f) {
				got = append(got, m.ID)
			}
			if strings.Join(got, " ") != tt.want {
				t.Errorf("Select(%+v) = %v, want %s", tt.f, got, tt.want)
			}
		})
	}
}

func TestStatusAndDates(t *testing.T) {
	if s, err := ParseStatus("pågår"); err != nil || s != InProgress {
		t.Errorf("ParseStatus(pågår) = %v, %v", s, err)
	}
	if _, err := ParseStatus("pagar"); err == nil {
		t.Error("ParseStatus(pagar) succeeded, want an error")
	}
	d, err := ParseDate("2026-11-22")
	if err != nil || d.Norwegian() != "22. november 2026" {
		t.Errorf("ParseDate(2026-11-22).Norwegian() = %q, %v", d.Norwegian(), err)
	}
	for _, bad := range []string{"2026-13-40", "2026-02-30", "26-1-1", "2026-1-01"} {
		if _, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) succeeded, want an error", bad)
		}
	}
	due := Date{2026, 1, 1}
	m := &Measure{Due: &due, Status: InProgress}
	if !m.Overdue(Date{2026, 1, 2}) || m.Overdue(Date{2026, 1, 1}) {
		t.Error("Overdue: want true the day after the due date and false on it")
	}
	m.Status = Done
	if m.Overdue(Date{2027, 1, 1}) {
		t.Error("Overdue: a done measure is never overdue")
	}
}

func TestFilterTextNFC(t *testing.T) {
	nfc, nfd := "Årsplan for året", "A\u030arsplan for a\u030aret"
	for _, tt := range []struct{ title, query string }{
		{nfd, "årsplan"}, {nfc, "a\u030arsplan"}, {nfd, "ÅRSPLAN"}, {nfc, "året"}, {nfd, "året"},
	} {
		m := &Measure{ID: "T01", Title: tt.title}
		if !(Filter{Text: tt.query}).Match(m) {
			t.Errorf("Filter{Text: %q}.Match(title %q) = false, want true", tt.query, tt.title)
		}
	}
	// Issue 15: one folding rule everywhere, å → a, so «arsplan» finds «Årsplan».
	if !(Filter{Text: "arsplan"}).Match(&Measure{ID: "T01", Title: nfd}) {
		t.Errorf("«arsplan» did not match «årsplan»: Fold writes å as a")
	}
}
