package renderer

import (
	"net/url"
	"strings"
	"testing"

	"github.com/samvirke/samvirke/measures"
	"golang.org/x/net/html"
)

func TestHeadingIDsKeepNorwegianLetters(t *testing.T) {
	ids := newHeadingIDs()
	tests := []struct{ in, want string }{
		{"Mål og økonomi", "mål-og-økonomi"},
		{"Ærlig talt", "ærlig-talt"},
		{"1. Sammendrag – anbefalinger", "1-sammendrag--anbefalinger"},
		{"2.1 Arbeidsgruppens mandat", "21-arbeidsgruppens-mandat"},
		{"Mål og økonomi", "mål-og-økonomi-1"},
		{"Mål og økonomi", "mål-og-økonomi-2"},
		{"«»!?", "avsnitt"},
	}
	for _, tt := range tests {
		if got := string(ids.Generate([]byte(tt.in), 0)); got != tt.want {
			t.Errorf("Generate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func fixture(t *testing.T) *measures.Content { return load(t, "testdata/content") }

// convert renders one Markdown text with the document converter of c.
func convert(t *testing.T, c *measures.Content, src string) string {
	t.Helper()
	md := newMarkdown(c, nil)
	out, err := parse(md, src, newHeadingIDs(), "").html(md)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestMeasureRefs(t *testing.T) {
	c := fixture(t)
	tests := []struct{ name, in, want string }{
		{"reference", "Se [[T01]].", "<p>Se <a class=\"ref\" href=\"#T01\">tiltak\u00a0T01 («Øke kunnskapen om effekter»)</a>.</p>"},
		{"two", "[[T02]] og [[D01]]", "<a class=\"ref\" href=\"#T02\">tiltak\u00a0T02 («Avklare roller mellom sektorene»)</a> og <a class=\"ref\" href=\"#D01\">anbefaling\u00a0D01 («Åpne for deling av data»)</a>"},
		{"unknown", "Se [[T99]].", `<span class="ref-missing" title="Ukjent tiltak">[[T99]]</span>`},
		{"in a code span", "`[[T01]]`", `<code>[[T01]]</code>`},
		{"ordinary link still works", "[lenke](https://nav.no) [[T01]]", `<a href="https://nav.no">lenke</a> <a class="ref" href="#T01">`},
		{"single brackets are not a reference", "[T01]", `<p>[T01]</p>`},
		{"typographer quotes", `"sitat" -- 'indre'`, `«sitat» – ‘indre’`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := convert(t, c, tt.in)
			if strings.Contains(tt.name, "typographer") {
				got = html.UnescapeString(got)
			}
			if !strings.Contains(got, tt.want) {
				t.Errorf("convert(%q) = %q, want it to contain %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestMeasureDirective(t *testing.T) {
	c := fixture(t)
	tests := []struct {
		name, in string
		want     []string // ids in order
	}{
		{"ids in the given order", "::: tiltak T02 T01", []string{"T02", "T01"}},
		{"area", "::: tiltak area=roles", []string{"T02", "T03"}},
		{"chapter", "::: tiltak chapter=knowledge", []string{"T01", "T04"}},
		{"after a paragraph without a blank line", "Tekst\n::: tiltak T05", []string{"T05"}},
		{"unknown ids left out", "::: tiltak T99 D01", []string{"D01"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := convert(t, c, tt.in)
			var ids []string
			for _, part := range strings.Split(got, `<li><a href="#`)[1:] {
				ids = append(ids, part[:strings.IndexByte(part, '"')])
			}
			if strings.Join(ids, " ") != strings.Join(tt.want, " ") {
				t.Errorf("convert(%q) lists %v, want %v:\n%s", tt.in, ids, tt.want, got)
			}
		})
	}
	if got := convert(t, c, "```\n::: tiltak T01\n```"); strings.Contains(got, "measure-list") {
		t.Errorf("a directive in a code block was expanded: %s", got)
	}
	if got := convert(t, c, "::: tiltakene T01"); strings.Contains(got, "measure-list") {
		t.Errorf("«::: tiltakene» was taken for a directive: %s", got)
	}
}

// ids returns every id attribute of a document with its count.
func ids(doc *html.Node) map[string]int {
	out := map[string]int{}
	walk(doc, func(n *html.Node) {
		for _, a := range n.Attr {
			if a.Key == "id" {
				out[a.Val]++
			}
		}
	})
	return out
}

// links returns every href="#…" target of a document.
func links(doc *html.Node) []string {
	var out []string
	walk(doc, func(n *html.Node) {
		for _, a := range n.Attr {
			if a.Key == "href" && strings.HasPrefix(a.Val, "#") {
				// html/template percent-encodes æøå in a URL; browsers decode the
				// fragment before they look for the id.
				id, err := url.PathUnescape(a.Val[1:])
				if err != nil {
					id = a.Val[1:]
				}
				out = append(out, id)
			}
		}
	})
	return out
}

func TestStrategyHTMLStructure(t *testing.T) {
	c := fixture(t)
	root := dom(t, strategyHTML(t, NewStrategy(c, DocOptions{Date: testDate})))
	idc := ids(root)
	for id, n := range idc {
		if n > 1 {
			t.Errorf("id %q appears %d times", id, n)
		}
	}
	for _, m := range c.Measures {
		if idc[m.ID] != 1 {
			t.Errorf("measure %s has no anchor #%s", m.ID, m.ID)
		}
	}
	for _, l := range links(root) {
		if idc[l] == 0 {
			t.Errorf("link to #%s has no target", l)
		}
	}
	var h2 []string
	walk(root, func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "h2" {
			h2 = append(h2, textOf(n))
		}
	})
	if want := "Innhold|1. Sammendrag – anbefalinger|2. Mål og økonomi|Vedlegg: Tiltak som utgår"; strings.Join(h2, "|") != want {
		t.Errorf("chapter headings = %q, want %q", strings.Join(h2, "|"), want)
	}
	txt := strings.Join(strings.Fields(textOf(root)), " ")
	for _, want := range []string{
		"T02 Avklare roller mellom sektorene Nytt",   // new marked
		"T01 Øke kunnskapen om effekter Revidert",    // revised marked
		"T03 Felles nettside Utgår – se vedlegget",   // retired: a pointer in the text
		"Siste notat (15. april 2026): Erstattet av", // and its last note in the appendix
		"Videreføres i T01 Øke kunnskapen om effekter",
		"aa2020-1.2/1 Felles budsjett for arbeid og helse", // inputs under the measure
		"«effekter» av tiltak – og dele det",               // typographer in measure text
	} {
		if !strings.Contains(txt, want) {
			t.Errorf("strategy lacks %q", want)
		}
	}
	if idc["kap-summary-fn:1"] != 1 || idc["kap-knowledge-fn:1"] != 1 {
		t.Errorf("footnote ids are not kept apart per chapter: %v", idc)
	}
}

func TestReportHTMLStructure(t *testing.T) {
	c := fixture(t)
	r := NewReport(c, ReportOptions{DocOptions: DocOptions{Date: testDate}, Baseline: &Baseline{Label: "x", Diff: measures.Compare(fixtureBaseline(t), c)}})
	doc := reportHTML(t, r)
	root := dom(t, doc)
	idc := ids(root)
	for id, n := range idc {
		if n > 1 {
			t.Errorf("id %q appears %d times", id, n)
		}
	}
	for _, l := range links(root) {
		if idc[l] == 0 {
			t.Errorf("link to #%s has no target", l)
		}
	}
	var svgs, titled int
	walk(root, func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "svg" {
			svgs++
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode && c.Data == "title" && textOf(c) != "" {
					titled++
				}
			}
		}
	})
	if svgs != 3 || titled != 3 {
		t.Errorf("report has %d charts, %d with a <title>; want 3 and 3", svgs, titled)
	}
	for _, want := range []string{`<html lang="nb">`, "Tiltak etter status. ikke vurdert: 0; foreslått: 1; ikke startet: 1; pågår: 1",
		`<span class="badge overdue">forfalt</span>`, `@media print`, `break-inside: avoid`} {
		if !strings.Contains(doc, want) {
			t.Errorf("report HTML lacks %q", want)
		}
	}
	for _, bad := range []string{"<script", "http://", "https://", "<link", "@import", "url("} {
		if strings.Contains(strings.ReplaceAll(doc, `xmlns="http://www.w3.org/2000/svg"`, ""), bad) {
			t.Errorf("report HTML contains %q: it must be self-contained", bad)
		}
	}
}

// TestMeasureDirectiveBody: a ::: tiltak line closed by «:::» carries the chapter's own
// wording; a line without a closing «:::» stands alone as before.
func TestMeasureDirectiveBody(t *testing.T) {
	c := fixture(t)
	tests := []struct {
		name, in  string
		body      string // the own-wording text, "" for none
		paragraph string // a paragraph that must stay outside the directive
	}{
		{"body", "::: tiltak T01\nKapittelets ordlyd.\n:::\n\nEtter.", "Kapittelets ordlyd.", "<p>Etter.</p>"},
		{"several paragraphs", "::: tiltak T01\nFørste.\n\nAndre.\n:::", "Første.\n\nAndre.", ""},
		{"a line alone, text right after", "::: tiltak T01\nTekst rett etter.", "", "<p>Tekst rett etter.</p>"},
		{"the closing line after another directive", "::: tiltak T01\nMellom.\n::: tiltak T02\nEgen.\n:::", "Egen.", "<p>Mellom.</p>"},
		{"a closing line in a code block does not count", "::: tiltak T01\n```\n:::\n```", "", "<code>:::"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := convert(t, c, tt.in)
			hasBody := strings.Contains(got, `class="own-wording"`)
			if hasBody != (tt.body != "") || (hasBody && !strings.Contains(got, html.EscapeString(tt.body))) {
				t.Errorf("convert(%q): own wording %v, want %q:\n%s", tt.in, hasBody, tt.body, got)
			}
			if tt.paragraph != "" && !strings.Contains(got, tt.paragraph) {
				t.Errorf("convert(%q) lost %q:\n%s", tt.in, tt.paragraph, got)
			}
			if strings.Contains(got, "<p>:::</p>") {
				t.Errorf("convert(%q) shows the closing line:\n%s", tt.in, got)
			}
		})
	}
}

// TestOwnWordingHome: a measure shown elsewhere with its own text keeps its anchor there;
// one shown only in the chapter's wording gets its anchor on that block.
func TestOwnWordingHome(t *testing.T) {
	c := fixture(t)
	doc := strategyHTML(t, NewStrategy(c, DocOptions{Date: testDate}))
	if strings.Contains(doc, `<article class="measure own-wording" id=`) {
		t.Errorf("the own-wording block took T01's anchor from the block with its text")
	}
	for _, ch := range c.Strategy {
		if ch.ID == "knowledge" {
			ch.Text = "::: tiltak T05\nBare kapittelets ordlyd.\n:::"
		}
	}
	doc = strategyHTML(t, NewStrategy(c, DocOptions{Date: testDate}))
	if !strings.Contains(doc, `<article class="measure own-wording" id="T05">`) {
		t.Errorf("T05, shown only in the chapter's wording, has no anchor there:\n%s", doc)
	}
	if n := strings.Count(doc, `id="T05"`); n != 1 {
		t.Errorf("%d anchors T05, want 1", n)
	}
}
