package measures

import (
	"testing"
	"time"
)

func TestAttentionRules(t *testing.T) {
	today := Date{2026, 12, 1}
	due := func(y, m, d int) *Date { return &Date{y, time.Month(m), d} }
	note := func(y, m, d int) []LogEntry { return []LogEntry{{Date: Date{y, time.Month(m), d}, Note: "x"}} }
	tests := []struct {
		name                                             string
		m                                                Measure
		overdue, delayed, stale, noOwner, noDue, notAsse bool
	}{
		{"in progress, due passed, noted 2016", Measure{Status: InProgress, Owners: []string{"nav"}, Due: due(2026, 11, 15), Log: note(2016, 5, 1)},
			true, false, true, false, false, false},
		{"noted exactly six months ago", Measure{Status: InProgress, Owners: []string{"nav"}, Due: due(2027, 1, 1), Log: note(2026, 6, 1)},
			false, false, false, false, false, false},
		{"noted a day more than six months ago", Measure{Status: InProgress, Owners: []string{"nav"}, Due: due(2027, 1, 1), Log: note(2026, 5, 31)},
			false, false, true, false, false, false},
		{"delayed without notes", Measure{Status: Delayed, Owners: []string{"nav"}, Due: due(2027, 1, 1)},
			false, true, true, false, false, false},
		{"not assessed, nothing set", Measure{Status: NotAssessed},
			false, false, false, true, true, true},
		{"done long ago, no owner, no due", Measure{Status: Done, Log: note(2016, 1, 1)},
			false, false, false, false, false, false},
		{"due today is not overdue", Measure{Status: NotStarted, Owners: []string{"hdir"}, Due: due(2026, 12, 1), Log: note(2026, 11, 1)},
			false, false, false, false, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := tt.m
			for _, c := range []struct {
				rule      string
				got, want bool
			}{
				{"Overdue", m.Overdue(today), tt.overdue},
				{"IsDelayed", m.IsDelayed(), tt.delayed},
				{"Stale", m.Stale(today, DefaultStaleMonths), tt.stale},
				{"MissingOwner", m.MissingOwner(), tt.noOwner},
				{"MissingDue", m.MissingDue(), tt.noDue},
				{"NotYetAssessed", m.NotYetAssessed(), tt.notAsse},
			} {
				if c.got != c.want {
					t.Errorf("%s = %v, want %v", c.rule, c.got, c.want)
				}
			}
		})
	}
}

func TestNeedsAttentionLists(t *testing.T) {
	c := &Content{Measures: []*Measure{
		{ID: "T01", Status: Delayed, Owners: []string{"nav"}, Due: &Date{2026, 1, 1}},
		{ID: "T02", Status: NotAssessed},
	}}
	a := NeedsAttention(c, Date{2026, 12, 1}, 3)
	ids := func(ms []*Measure) (s []string) {
		for _, m := range ms {
			s = append(s, m.ID)
		}
		return s
	}
	for _, tt := range []struct {
		name string
		got  []string
		want string
	}{
		{"Overdue", ids(a.Overdue), "[T01]"}, {"Delayed", ids(a.Delayed), "[T01]"}, {"Stale", ids(a.Stale), "[T01]"},
		{"NoOwner", ids(a.NoOwner), "[T02]"}, {"NoDue", ids(a.NoDue), "[T02]"}, {"NotAssessed", ids(a.NotAssessed), "[T02]"},
	} {
		if got := fmtList(tt.got); got != tt.want {
			t.Errorf("%s = %s, want %s", tt.name, got, tt.want)
		}
	}
}

func fmtList(s []string) string {
	out := "["
	for i, v := range s {
		if i > 0 {
			out += " "
		}
		out += v
	}
	return out + "]"
}
