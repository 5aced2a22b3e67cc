package renderer

import (
	"strings"
	"testing"

	"github.com/samvirke/samvirke/internal/testutil"
	"github.com/samvirke/samvirke/measures"
)

// fixtureBaseline is the fixture as it was at an earlier report: T01 not started and
// with one note less, T02 not there yet, T03 not yet retired, and group 1.2 unknown.
func fixtureBaseline(t testing.TB) *measures.Content {
	old := load(t, "testdata/content")
	t01 := old.Measure("T01").Clone()
	t01.Status, t01.Log = measures.NotStarted, t01.Log[:1]
	old.Replace(t01)
	t03 := old.Measure("T03").Clone()
	t03.Revision, t03.Status, t03.Log = measures.RevisionKeep, measures.NotStarted, nil
	old.Replace(t03)
	old.Remove("T02")
	old.Groups = old.Groups[:1]
	old.Replace(old.Measure("T05")) // re-index after dropping the group
	return old
}

func TestReportMarkdownGolden(t *testing.T) {
	c := load(t, "testdata/content")
	d := measures.Compare(fixtureBaseline(t), c)
	r := NewReport(c, ReportOptions{
		DocOptions: DocOptions{Date: testDate, Version: "1a2b3c4", AsOf: measures.Date{Year: 2026, Month: 11, Day: 20}},
		Baseline: &Baseline{Label: "rapporten av 20.\u00a0oktober\u00a02026 (versjon\u00a09f8e7d6)",
			Date: measures.Date{Year: 2026, Month: 10, Day: 20}, Diff: d},
	})
	testutil.Golden(t, "testdata/report.golden.md", reportMD(t, r))
}

func TestReportMarkdownWithoutBaselineGolden(t *testing.T) {
	c := load(t, "testdata/content")
	r := NewReport(c, ReportOptions{DocOptions: DocOptions{Date: testDate},
		NoBaseline: "Ingen sammenligning: rapporten er laget fra innholdet som er bygd inn i samvirke."})
	testutil.Golden(t, "testdata/report-embedded.golden.md", reportMD(t, r))
}

func TestStrategyMarkdownGolden(t *testing.T) {
	c := load(t, "testdata/content")
	s := NewStrategy(c, DocOptions{Date: testDate, Origin: "commit 1a2b3c4 (20. november 2026)"})
	testutil.Golden(t, "testdata/strategy.golden.md", strategyMD(t, s))
}

// TestStrategyOwnWordingHTMLGolden: a ::: tiltak block with a body shows the chapter's own
// wording beside the measure's live data (linked id, title, status, revision mark).
func TestStrategyOwnWordingHTMLGolden(t *testing.T) {
	c := load(t, "testdata/content")
	doc := strategyHTML(t, NewStrategy(c, DocOptions{Date: testDate}))
	start := strings.Index(doc, `<article class="measure own-wording"`)
	if start < 0 {
		t.Fatalf("no own-wording block in the strategy:\n%s", doc)
	}
	end := strings.Index(doc[start:], "</article>") + len("</article>\n")
	testutil.Golden(t, "testdata/strategy-own-wording.golden.html", doc[start:start+end])
}
