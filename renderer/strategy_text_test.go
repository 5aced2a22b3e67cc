package renderer

import (
	"errors"
	"io/fs"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/samvirke/samvirke/content"
	"github.com/samvirke/samvirke/measures"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"golang.org/x/net/html"
)

// editedFixture is the renderer's fixture content with each file of edits (a path under
// content/) changed: the first occurrence of from replaced by to.
func editedFixture(t *testing.T, edits ...[3]string) *measures.Content {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS("testdata/content"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(os.DirFS("testdata/content"), p)
		m[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range edits {
		old := string(m[e[0]].Data)
		if !strings.Contains(old, e[1]) {
			t.Fatalf("%s does not contain %q", e[0], e[1])
		}
		m[e[0]] = &fstest.MapFile{Data: []byte(strings.Replace(old, e[1], e[2], 1))}
	}
	c, err := measures.Load(m)
	if c == nil {
		t.Fatal(err)
	}
	return c
}

// TestStrategyRefusesUnknownRefs: a reference to a measure that does not exist, in a
// chapter or in a measure's text, fails both formats with the file, line and id, and
// nothing is written.
func TestStrategyRefusesUnknownRefs(t *testing.T) {
	tests := []struct {
		name, file, from, to, want string
	}{
		{"chapter", "strategy/01-summary.md", "[[T01]]", "[[T99]]", "content/strategy/01-summary.md:6:38: henvisningen til «T99» peker ikke på noe tiltak"},
		{"directive", "strategy/01-summary.md", "::: tiltak T02 T03", "::: tiltak T02 T77", "content/strategy/01-summary.md:8:16: henvisningen til «T77»"},
		{"measure text", "measures/T02.md", "se [[T01]]", "se [[T98]]", "content/measures/T02.md:20:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := NewStrategy(editedFixture(t, [3]string{tt.file, tt.from, tt.to}), DocOptions{Date: testDate})
			for format, write := range map[string]func(*strings.Builder) error{
				"html": func(b *strings.Builder) error { return s.HTML(b) },
				"md":   func(b *strings.Builder) error { return s.Markdown(b) },
			} {
				var b strings.Builder
				err := write(&b)
				if err == nil || !errors.Is(err, measures.ErrReference) || !strings.Contains(err.Error(), tt.want) {
					t.Errorf("%s: err = %v, want an ErrReference naming %q", format, err, tt.want)
				}
				if b.Len() != 0 {
					t.Errorf("%s: wrote %d bytes of a document with a dead reference", format, b.Len())
				}
			}
		})
	}
}

// TestLeadInsStayWithTheirMeasures: a paragraph right before a ::: tiltak block is one
// element with it; one that stops mid-sentence gets a colon, in HTML and Markdown.
func TestLeadInsStayWithTheirMeasures(t *testing.T) {
	tests := []struct {
		name, lead, wantHTML, wantMD string
	}{
		{"foreslås", "For å styrke samarbeidet foreslås", "<p class=\"lead-in-text\">For å styrke samarbeidet foreslås:</p>\n<div class=\"measures\">", "For å styrke samarbeidet foreslås:\n"},
		{"infinitive", "Med dette som utgangspunkt foreslår arbeidsgruppen å", "foreslår arbeidsgruppen å:</p>\n<div class=\"measures\">", "foreslår arbeidsgruppen å:\n"},
		{"colon kept", "Direktoratene vil:", "<p class=\"lead-in-text\">Direktoratene vil:</p>", "Direktoratene vil:\n"},
		{"a full sentence", "Dette er tiltakene.", "<p class=\"lead-in-text\">Dette er tiltakene.</p>", "Dette er tiltakene.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := editedFixture(t, [3]string{"strategy/01-summary.md", "Arbeidsgruppen foreslår blant annet [[T01]] og dette[^1]:", tt.lead})
			h := strategyHTML(t, NewStrategy(c, DocOptions{Date: testDate}))
			if !strings.Contains(h, "<div class=\"lead-in\">\n"+"<p class=\"lead-in-text\">") || !strings.Contains(h, tt.wantHTML) {
				t.Errorf("HTML lacks the lead-in group %q:\n%s", tt.wantHTML, section(t, h, "<h2 id=\"1-", "</section>"))
			}
			if i := strings.Index(h, "<div class=\"lead-in\">"); i < 0 || !strings.Contains(h[i:], "</article>\n</div>\n</div>") {
				t.Errorf("the lead-in's group does not hold its measures")
			}
			md := strategyMD(t, NewStrategy(c, DocOptions{Date: testDate}))
			if !strings.Contains(md, tt.wantMD) {
				t.Errorf("Markdown lacks %q", tt.wantMD)
			}
		})
	}
}

// TestBoxStart: a chapter's own wording in a box starts with a capital letter, after its
// list marker; other texts are left as written.
func TestBoxStart(t *testing.T) {
	tests := []struct{ in, want string }{
		{"- legge til rette for et formalisert samarbeid", "- Legge til rette for et formalisert samarbeid"},
		{"legge til rette", "Legge til rette"},
		{"1. øke kunnskapen", "1. Øke kunnskapen"},
		{"- I de to veilederne", "- I de to veilederne"},
		{"**viktig** tekst", "**viktig** tekst"},
		{"[[T14]] først", "[[T14]] først"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := boxStart(tt.in); got != tt.want {
			t.Errorf("boxStart(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestMeasureShownOnceInFull: a measure listed by two ::: tiltak blocks stands in full
// (text and inputs) at its home only; the other block has a line that links there.
func TestMeasureShownOnceInFull(t *testing.T) {
	c := editedFixture(t, [3]string{"strategy/02-knowledge.md", "Kapittelet sier det med egne ord:", "Se også:\n\n::: tiltak T02\n\nKapittelet sier det med egne ord:"})
	const text = "Ta initiativ til en samlet gjennomgang av roller og ansvar"
	h := strategyHTML(t, NewStrategy(c, DocOptions{Date: testDate}))
	if n := strings.Count(h, text); n != 1 {
		t.Errorf("HTML shows T02's text %d times, want once", n)
	}
	if n := strings.Count(h, "Tverrfaglige kommunale arbeid og helsesenter"); n != 1 {
		t.Errorf("HTML shows T02's input %d times, want once", n)
	}
	want := `<p class="measure-head see-home"><span class="mid"><a href="#T02">T02</a></span> <strong>Avklare roller mellom sektorene</strong> – <a href="#T02">se hele tiltaket<span class="ref-page">, side` + "\u00a0" + `<span data-toc-page="T02"></span></span></a></p>`
	if !strings.Contains(h, want) {
		t.Errorf("HTML lacks the line pointing to T02:\n%s", section(t, h, "Se også:", "</section>"))
	}
	md := strategyMD(t, NewStrategy(c, DocOptions{Date: testDate}))
	if n := strings.Count(md, text); n != 1 {
		t.Errorf("Markdown shows T02's text %d times, want once", n)
	}
	if !strings.Contains(md, "**T02 Avklare roller mellom sektorene** – [se hele tiltaket](#T02)") {
		t.Errorf("Markdown lacks the line pointing to T02:\n%s", md)
	}
}

// mdAnchors are the ids a Markdown document's links can point to on GitHub and on GitLab:
// each heading's anchor as the host makes it (GitLab folds a run of hyphens into one),
// numbered on repeats, and every <a id="…">.
func mdAnchors(t *testing.T, md string) (github, gitlab map[string]bool) {
	t.Helper()
	github, gitlab = map[string]bool{}, map[string]bool{}
	gh, gl := newHeadingIDs(), newHeadingIDs()
	doc := tocMarkdown.Parser().Parse(text.NewReader([]byte(md)))
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			label := headingText(h, []byte(md))
			github[gh.unique(slug(label))] = true
			gitlab[gl.unique(regexp.MustCompile(`-+`).ReplaceAllString(slug(label), "-"))] = true
		}
		return ast.WalkContinue, nil
	})
	for _, m := range regexp.MustCompile(`<a id="([^"]+)"></a>`).FindAllStringSubmatch(md, -1) {
		github[m[1]], gitlab[m[1]] = true, true
	}
	return github, gitlab
}

// TestMarkdownContents: the report and the strategy in Markdown open with a table of
// contents whose every link, like every other in-page link, works on GitHub and GitLab;
// the report has the same sections as its HTML; no table has an empty header cell.
func TestMarkdownContents(t *testing.T) {
	c := fixture(t)
	r := NewReport(c, ReportOptions{DocOptions: DocOptions{Date: testDate}, Baseline: &Baseline{Label: "x", Diff: measures.Compare(fixtureBaseline(t), c)}})
	docs := map[string]string{
		"rapport":  reportMD(t, r),
		"strategi": strategyMD(t, NewStrategy(c, DocOptions{Date: testDate})),
	}
	for name, md := range docs {
		t.Run(name, func(t *testing.T) {
			toc := strings.Index(md, "\n## Innhold\n")
			if toc < 0 || strings.Index(md, "\n## ") != toc {
				t.Fatalf("the contents are not the first section:\n%.600s", md)
			}
			github, gitlab := mdAnchors(t, md)
			links := regexp.MustCompile(`\]\(#([^)]+)\)`).FindAllStringSubmatch(md, -1)
			for _, l := range links {
				if !github[l[1]] || !gitlab[l[1]] {
					t.Errorf("link #%s: on GitHub %v, on GitLab %v", l[1], github[l[1]], gitlab[l[1]])
				}
			}
			for _, line := range strings.Split(md, "\n") {
				if strings.HasPrefix(line, "|") && regexp.MustCompile(`\|\s*\|`).MatchString(line) {
					t.Errorf("a table row with an empty cell: %q", line)
				}
			}
		})
	}
	rep := docs["rapport"]
	contents := rep[strings.Index(rep, "## Innhold"):strings.Index(rep, "## Til fagrådets")]
	for _, want := range []string{"[Til fagrådets oppmerksomhet](#til-fagrådets-oppmerksomhet)", "[Sammendrag](#sammendrag)",
		"[Tiltakene etter innsatsområde](#tiltakene-etter-innsatsområde)", "  - [1. Rydde i roller og ansvar]", "[Vedlegg: Alle tiltak](#vedlegg-alle-tiltak)"} {
		if !strings.Contains(contents, want) {
			t.Errorf("the report's contents lack %q:\n%s", want, contents)
		}
	}
	for _, want := range []string{"## Til fagrådets oppmerksomhet", "### Utviklingen over rapportene", "## Dekning av innspillene fra Åpen arena"} {
		if !strings.Contains(rep, want) {
			t.Errorf("the report in Markdown lacks %q", want)
		}
	}
}

// TestDiffMarkdownHeads: the diff's table of added and removed measures names every column.
func TestDiffMarkdownHeads(t *testing.T) {
	var b strings.Builder
	DiffMarkdown(&b, measures.Compare(fixtureBaseline(t), fixture(t)), "v1", "")
	if !strings.Contains(b.String(), "| Endring | Tiltak | Tittel | Status |") {
		t.Errorf("diff table heads:\n%s", b.String())
	}
}

// breakingSpace finds a space where a line must not break: inside a date («1. mars
// 2016»), before a per cent sign, between «tiltak» and its id.
var breakingSpace = regexp.MustCompile(`\d{1,2}\. (januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember)|(januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember) \d{4}|\d %|(tiltak|anbefaling) [TD]\d\d`)

// TestNoBreakInDatesAndIDs: in the text of the report and the strategy (not the <title>),
// dates, per cents and referenced ids hold together with non-breaking spaces, also in
// the chapters' own prose.
func TestNoBreakInDatesAndIDs(t *testing.T) {
	c := fixture(t)
	r := NewReport(c, ReportOptions{DocOptions: DocOptions{Date: testDate}, Baseline: &Baseline{Label: "x", Diff: measures.Compare(fixtureBaseline(t), c)}})
	embedded, err := measures.Load(content.FS())
	if err != nil {
		t.Fatal(err)
	}
	for name, doc := range map[string]string{"rapport": reportHTML(t, r), "strategi": strategyHTML(t, NewStrategy(c, DocOptions{Date: testDate})),
		"strategien som følger med": strategyHTML(t, NewStrategy(embedded, DocOptions{Date: testDate}))} { // dates in the chapters' prose
		var body *html.Node
		walk(dom(t, doc), func(n *html.Node) {
			if n.Type == html.ElementNode && n.Data == "body" {
				body = n
			}
		})
		walk(body, func(n *html.Node) {
			if n.Type == html.TextNode {
				if m := breakingSpace.FindString(n.Data); m != "" {
					t.Errorf("%s: a breaking space in %q (in %q)", name, m, n.Data)
				}
			}
		})
	}
}
