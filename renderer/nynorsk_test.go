package renderer

import (
	"github.com/samvirke/samvirke/internal/testutil"
	"regexp"
	"strings"
	"testing"

	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/renderer/lang"
	"golang.org/x/net/html"
)

// nnReport is the report of the golden fixture in nynorsk, with a baseline.
func nnReport(t *testing.T) *Report {
	c := load(t, "testdata/content")
	d := measures.Compare(fixtureBaseline(t), c)
	return NewReport(c, ReportOptions{
		DocOptions: DocOptions{Date: testDate, Version: "1a2b3c4", AsOf: measures.Date{Year: 2026, Month: 11, Day: 20}, Lang: lang.NN},
		Baseline: &Baseline{Label: "rapporten frå 20.\u00a0oktober\u00a02026 (versjon\u00a09f8e7d6)",
			Date: measures.Date{Year: 2026, Month: 10, Day: 20}, Diff: d},
	})
}

func nnStrategy(t *testing.T) *Strategy {
	c := load(t, "testdata/content")
	return NewStrategy(c, DocOptions{Date: testDate, Origin: "commit 1a2b3c4 (20. november 2026)", Lang: lang.NN})
}

func TestReportNynorskGolden(t *testing.T) {
	testutil.Golden(t, "testdata/report-nn.golden.md", reportMD(t, nnReport(t)))
	testutil.Golden(t, "testdata/report-nn.golden.html", reportHTML(t, nnReport(t)))
}

func TestStrategyNynorskGolden(t *testing.T) {
	testutil.Golden(t, "testdata/strategy-nn.golden.md", strategyMD(t, nnStrategy(t)))
	testutil.Golden(t, "testdata/strategy-nn.golden.html", strategyHTML(t, nnStrategy(t)))
}

// bokmaalInDocs are bokmål words that must not be in a nynorsk document's fixed texts;
// the fixture's content (titles, notes, inputs) is written without them.
var bokmaalInDocs = regexp.MustCompile(`\b(ikke|fra|ennå|uten|siden|innspill|endringer|notater|eier|Innhold|Sammendrag|forsinket|Sammenlignet|oppmerksomhet)\b`)

// anchors are the link targets of a Markdown document: (#ofo-uten-eier), <a id="…">.
var anchors = regexp.MustCompile(`\(#[^)]*\)|<a id="[^"]*">`)

// TestNynorskDocuments: the nynorsk documents say lang="nn", have the nynorsk status
// labels and headings, and no bokmål form of the fixed texts.
func TestNynorskDocuments(t *testing.T) {
	docs := map[string]string{
		"report.html":   reportHTML(t, nnReport(t)),
		"report.md":     reportMD(t, nnReport(t)),
		"strategy.html": strategyHTML(t, nnStrategy(t)),
		"strategy.md":   strategyMD(t, nnStrategy(t)),
	}
	c := load(t, "testdata/content")
	var content strings.Builder // what the fixture itself says, which stays as written
	for _, m := range c.Measures {
		content.WriteString(m.Title + " " + m.Text + " ")
		for _, e := range m.Log {
			content.WriteString(e.Note + " ")
		}
	}
	for _, g := range c.Groups {
		for _, it := range g.Items {
			content.WriteString(it.Text + " ")
		}
	}
	for _, ch := range c.Strategy {
		content.WriteString(ch.Title + " " + ch.Text + " ")
	}
	inContent := map[string]bool{}
	for _, w := range bokmaalInDocs.FindAllString(content.String(), -1) {
		inContent[w] = true
	}
	for name, doc := range docs {
		if strings.HasSuffix(name, ".html") && !strings.Contains(doc, `<html lang="nn">`) {
			t.Errorf("%s has no <html lang=\"nn\">", name)
		}
		text := anchors.ReplaceAllString(doc, "") // ids stay the same in both languages
		if strings.HasSuffix(name, ".html") {
			var b strings.Builder
			walk(dom(t, doc), func(x *html.Node) {
				if x.Type == html.TextNode {
					b.WriteString(x.Data + " ")
				}
			})
			text = b.String()
		}
		for _, w := range bokmaalInDocs.FindAllString(text, -1) {
			if !inContent[w] {
				t.Errorf("%s has the bokmål «%s»", name, w)
			}
		}
	}
	for _, want := range []string{"Til merksemd for fagrådet", "Samandrag", "forseinka", "ikkje vurdert", "Endringar sidan førre rapport", "2 statusendringar"} {
		if !strings.Contains(docs["report.html"], want) || !strings.Contains(docs["report.md"], want) {
			t.Errorf("the nynorsk report lacks «%s»", want)
		}
	}
	if !strings.Contains(docs["strategy.html"], "Innhald") || !strings.Contains(docs["strategy.md"], "## Innhald") {
		t.Errorf("the nynorsk strategy has no «Innhald»")
	}
}

// TestBokmaalIsDefault: the zero DocOptions write bokmål, lang="nb".
func TestBokmaalIsDefault(t *testing.T) {
	c := load(t, "testdata/content")
	doc := reportHTML(t, NewReport(c, ReportOptions{DocOptions: DocOptions{Date: testDate}}))
	if !strings.Contains(doc, `<html lang="nb">`) || !strings.Contains(doc, "Til fagrådets oppmerksomhet") {
		t.Errorf("the default report is not in bokmål")
	}
}
