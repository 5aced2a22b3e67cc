package renderer

import (
	"strings"
	"testing"

	"github.com/samvirke/samvirke/measures"
)

// TestTrendAcrossReports: each earlier report is a row of status counts, oldest first,
// named by its date and tag, followed by today's; in the HTML as a stacked chart in the
// status colours with the numbers as text, and in the Markdown as a table.
func TestTrendAcrossReports(t *testing.T) {
	c := fixture(t)
	oct, sep := fixtureBaseline(t), load(t, "testdata/content")
	for _, m := range sep.Measures {
		n := m.Clone()
		n.Status = measures.NotAssessed
		sep.Replace(n)
	}
	r := NewReport(c, ReportOptions{DocOptions: DocOptions{Date: testDate}, Trend: []TrendPoint{
		{Name: "2026-10", Date: measures.Date{Year: 2026, Month: 10, Day: 20}, Content: oct},
		{Name: "2026-09", Date: measures.Date{Year: 2026, Month: 9, Day: 15}, Content: sep},
	}})
	md := reportMD(t, r)
	for _, want := range []string{
		"| Rapport | ikke vurdert | foreslått | ikke startet | pågår | forsinket | gjennomført | avsluttet | I alt |",
		"| Rapporten av 15.\u00a0september\u00a02026 (2026-09) | 6 | 0 | 0 | 0 | 0 | 0 | 0 | 6 |",
		"| Rapporten av 20.\u00a0oktober\u00a02026 (2026-10) | 0 | 1 | 3 | 0 | 1 | 0 | 0 | 5 |",
		"| Nå, 22.\u00a0november\u00a02026 | 0 | 1 | 1 | 1 | 1 | 1 | 1 | 6 |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown trend lacks %q:\n%s", want, section(t, md, "### Utviklingen", "\n## "))
		}
	}
	if strings.Index(md, "(2026-09)") > strings.Index(md, "(2026-10)") {
		t.Error("the trend is not oldest first")
	}
	doc := reportHTML(t, r)
	chart := section(t, doc, `<h3 id="utvikling">`, "</table>")
	for _, want := range []string{`fill="#c9c9c4"`, `fill="#a4161a"`, `>6</text>`, `<th scope="row">Nå, 22.`} {
		if !strings.Contains(chart, want) {
			t.Errorf("HTML trend lacks %q:\n%s", want, chart)
		}
	}
}

// TestStatusByAreaAndOwner: the stacked charts count each area's and each lead owner's
// measures by status, and only the statuses in use get a column.
func TestStatusByAreaAndOwner(t *testing.T) {
	md := reportMD(t, NewReport(fixture(t), ReportOptions{DocOptions: DocOptions{Date: testDate}}))
	for _, want := range []string{
		"| Innsatsområde | foreslått | ikke startet | pågår | forsinket | gjennomført | avsluttet | I alt |",
		"| 1. Rydde i roller og ansvar | 0 | 0 | 0 | 0 | 1 | 1 | 2 |",
		"| Helsedirektoratet | 1 | 0 | 0 | 1 | 1 | 0 | 3 |",
		"| 2. Styrke kunnskapsgrunnlaget | 1\u00a0av\u00a04 | 50\u00a0% |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("report lacks %q:\n%s", want, section(t, md, "### Status etter innsatsområde", "\n## "))
		}
	}
}
