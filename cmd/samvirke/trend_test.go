package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestReportTrendAcrossTags: the report reads the content at every rapport/ tag from git
// and shows the status counts at each, oldest first, then today's.
func TestReportTrendAcrossTags(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "strategi")
	if _, _, err := run(t, false, nil, "init", dir, "--author", kari); err != nil {
		t.Fatal(err)
	}
	steps := [][]string{
		{"report", "-o", filepath.Join(t.TempDir(), "1.md"), "--tag", "2026-10", "--author", kari},
		{"set", "T14", "--status", "pågår", "--author", kari},
		{"report", "-o", filepath.Join(t.TempDir(), "2.md"), "--tag", "2026-11", "--author", kari},
		{"set", "T15", "--status", "forsinket", "--author", kari},
	}
	for _, args := range steps {
		if _, _, err := run(t, false, nil, append([]string{"--repo", dir}, args...)...); err != nil {
			t.Fatalf("%v: %v", args, err)
		}
	}
	out, _, err := run(t, false, nil, "--repo", dir, "report")
	if err != nil {
		t.Fatal(err)
	}
	trend := out[strings.Index(out, "### Utviklingen over rapportene"):]
	trend = trend[:strings.Index(trend, "\n## ")]
	rows := []string{"(2026-10) | 43 | 1 | 0 | 44 |", "(2026-11) | 42 | 2 | 0 | 44 |", "| 41 | 2 | 1 | 44 |"}
	last := -1
	for _, want := range rows {
		i := strings.Index(trend, want)
		if i < 0 || i < last {
			t.Errorf("trend lacks %q after the row before:\n%s", want, trend)
		}
		last = i
	}
}
