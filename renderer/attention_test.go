package renderer

import (
	"strings"
	"testing"

	"github.com/samvirke/samvirke/internal/testutil"
	"github.com/samvirke/samvirke/measures"
)

// attentionFixture is the fixture with one more measure, T06, not assessed and with
// neither owner nor due date, compared with fixtureBaseline: T01 is overdue, stale (last
// noted in January 2025) and changed status; T04 is delayed and overdue.
func attentionFixture(t *testing.T) *Report {
	c := load(t, "testdata/content")
	t06 := c.Measure("T05").Clone()
	t06.ID, t06.File, t06.Title, t06.Status, t06.Owners = "T06", "content/measures/T06.md", "Kartlegge behovet", measures.NotAssessed, nil
	c.Replace(t06)
	d := measures.Compare(fixtureBaseline(t), c)
	return NewReport(c, ReportOptions{
		DocOptions: DocOptions{Date: testDate, Origin: "commit 1a2b3c4 (20. november 2026)", Version: "1a2b3c4", AsOf: measures.Date{Year: 2026, Month: 11, Day: 20}},
		Baseline:   &Baseline{Label: "rapporten av 20. oktober 2026 (versjon 9f8e7d6)", Date: measures.Date{Year: 2026, Month: 10, Day: 20}, Diff: d},
	})
}

// section cuts the chapter that starts at start out of doc, up to the next at end.
func section(t *testing.T, doc, start, end string) string {
	t.Helper()
	i := strings.Index(doc, start)
	if i < 0 {
		t.Fatalf("no %q in:\n%s", start, doc)
	}
	j := strings.Index(doc[i+len(start):], end)
	if j < 0 {
		return doc[i:]
	}
	return doc[i : i+len(start)+j]
}

func TestAttentionMarkdownGolden(t *testing.T) {
	md := reportMD(t, attentionFixture(t))
	testutil.Golden(t, "testdata/attention.golden.md", section(t, md, "## Til fagrådets oppmerksomhet", "\n## "))
}

func TestAttentionHTMLGolden(t *testing.T) {
	doc := reportHTML(t, attentionFixture(t))
	testutil.Golden(t, "testdata/attention.golden.html", section(t, doc, `<section class="chapter attention"`, "</section>"))
}

// TestAttentionComesFirst: the chapter is the first in the report and in its contents.
func TestAttentionComesFirst(t *testing.T) {
	r := attentionFixture(t)
	for name, doc := range map[string]string{"html": reportHTML(t, r), "md": reportMD(t, r)} {
		a, s := strings.Index(doc, "Til fagrådets oppmerksomhet"), strings.Index(doc, "Sammendrag")
		if a < 0 || s < 0 || a > s {
			t.Errorf("%s: «Til fagrådets oppmerksomhet» at %d, «Sammendrag» at %d", name, a, s)
		}
	}
}

// TestAttentionStaleMonths: a longer period lists fewer stale measures.
func TestAttentionStaleMonths(t *testing.T) {
	c := load(t, "testdata/content")
	for _, tt := range []struct {
		months int
		want   string
	}{{6, "<strong>4</strong> uten nytt notat på 6\u00a0måneder"}, {24, "<strong>3</strong> uten nytt notat på 24\u00a0måneder"}} {
		doc := reportHTML(t, NewReport(c, ReportOptions{DocOptions: DocOptions{Date: testDate}, StaleMonths: tt.months}))
		if !strings.Contains(doc, tt.want) {
			t.Errorf("StaleMonths %d: no %q in the report", tt.months, tt.want)
		}
	}
}
