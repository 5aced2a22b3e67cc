package measures

import (
	"errors"
	"strings"
	"testing"
)

func TestCheckDates(t *testing.T) {
	fs := fixture(t)
	// T01's only entry is dated 2025-01-10, on line 18.
	tests := []struct {
		name  string
		today string
		want  string // "" for no error
	}{
		{"same day", "2025-01-10", ""},
		{"later", "2026-12-01", ""},
		{"the day before", "2025-01-09", "content/measures/T01.md:18:11: log[0].date: datoen 2025-01-10 er etter i dag (2025-01-09)"},
		{"a year before", "2024-01-10", "log[0].date: datoen 2025-01-10 er etter i dag (2024-01-10)"},
	}
	c, err := Load(fs)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			today, _ := ParseDate(tt.today)
			es := c.CheckDates(today)
			switch {
			case tt.want == "" && len(es) != 0:
				t.Errorf("CheckDates(%s) = %v, want none", tt.today, es)
			case tt.want != "" && (len(es) != 1 || !strings.Contains(es[0].Error(), tt.want) || !errors.Is(es[0], ErrFutureDate)):
				t.Errorf("CheckDates(%s) = %v, want one ErrFutureDate containing %q", tt.today, es, tt.want)
			}
		})
	}
}

func TestAddLog(t *testing.T) {
	c, err := Load(fixture(t))
	if err != nil {
		t.Fatal(err)
	}
	day := func(s string) Date { d, _ := ParseDate(s); return d }
	// A note is dated today, whatever date the caller put in it.
	m := c.Measure("T01").Clone()
	if err := m.AddLog(LogEntry{Date: day("2030-01-01"), Note: "x"}, day("2026-12-01")); err != nil || m.LastLog().Date != day("2026-12-01") || len(m.Log) != 2 {
		t.Errorf("AddLog = %v, log %v; want a second entry dated 2026-12-01", err, m.Log)
	}
	// Before the last entry's day: refused, naming the entry (its position survives Clone).
	m = c.Measure("T01").Clone()
	err = m.AddLog(LogEntry{Note: "x"}, day("2024-06-01"))
	if !errors.Is(err, ErrFutureDate) || !strings.Contains(err.Error(), "T01.md:18:11: log[0].date: datoen 2025-01-10 er etter i dag (2024-06-01)") ||
		!strings.Contains(err.Error(), "rett datoen før du legger til et nytt notat") || len(m.Log) != 1 {
		t.Errorf("AddLog before the last entry = %v, log %v; want ErrFutureDate and the log unchanged", err, m.Log)
	}
}
