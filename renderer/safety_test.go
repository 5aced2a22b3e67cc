package renderer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/samvirke/samvirke/measures"

	"golang.org/x/net/html"
)

const hostile = `"><img src=x onerror=alert(1)>`

// unsafeParts lists what must never be in a document made from untrusted content:
// script elements, img elements (we make none; content images would fetch), event
// handler attributes, and link or source targets with a scheme other than http, https
// or mailto.
func unsafeParts(doc *html.Node) []string {
	var bad []string
	walk(doc, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		switch n.Data {
		case "script", "img", "iframe", "object", "embed":
			bad = append(bad, "<"+n.Data+">")
		}
		for _, a := range n.Attr {
			k := strings.ToLower(a.Key)
			if strings.HasPrefix(k, "on") {
				bad = append(bad, "<"+n.Data+" "+a.Key+"=…>")
			}
			if (k == "href" || k == "src" || k == "xlink:href" || k == "action") && !SafeURL(a.Val) {
				bad = append(bad, "<"+n.Data+" "+a.Key+"="+a.Val+">")
			}
		}
	})
	return bad
}

func TestHostileContentStaysText(t *testing.T) {
	c := load(t, "testdata/hostile/content")
	r := NewReport(c, ReportOptions{DocOptions: DocOptions{Date: testDate, Origin: hostile}, NoBaseline: hostile})
	s := NewStrategy(c, DocOptions{Date: testDate, Origin: hostile})
	docs := []struct {
		name, html string
		// wantText must show up as text a reader sees, so the check above is not
		// vacuous: the hostile strings are there, only harmless.
		wantText []string
	}{
		{"report.html", reportHTML(t, r), []string{"T01 " + hostile, hostile + " (ansvarlig)", "[x](javascript:alert(1)) <script>alert(1)</script>", "'" + hostile + "'"}},
		{"strategy.html", strategyHTML(t, s), []string{"1. " + hostile, "T01 " + hostile, "'" + hostile + "'", "Tekst med lenke og"}},
	}
	for _, d := range docs {
		t.Run(d.name, func(t *testing.T) { checkHostileHTML(t, d.name, d.html, d.wantText) })
	}
}

// hostileMarkdown is every Markdown output samvirke makes, from the hostile fixture:
// the report, the strategy, show --format md of each measure and a diff summary whose
// ids, titles and changes hold line breaks, pipes and workflow commands.
func hostileMarkdown(t testing.TB) []mdDoc {
	c := load(t, "testdata/hostile/content")
	r := NewReport(c, ReportOptions{DocOptions: DocOptions{Date: testDate, Origin: hostile}, NoBaseline: hostile})
	s := NewStrategy(c, DocOptions{Date: testDate, Origin: hostile})
	docs := []mdDoc{
		{"report.md", reportMD(t, r), []string{"T01 " + hostile, "[x](javascript:alert(1)) <script>alert(1)</script>"}},
		{"strategy.md", strategyMD(t, s), []string{"1. " + hostile, "<script>alert(1)</script>", "Tekst med lenke og",
			"og javascript:alert(1) og", "Referanse her og der og kort og trygg.", "::error file=x::fra teksten", "Se d og e.",
			"Egen ordlyd: <script>alert(4)</script> o r4 <img src=x onerror=alert(4)>"}},
	}
	for _, m := range c.Measures {
		var b strings.Builder
		MeasureMarkdown(&b, c, m)
		want := []string{m.ID + " " + m.Title}
		if m.ID == "T03" {
			want = append(want, "Referanse her og der og kort og trygg.", "<iframe src=", "<svg onload=alert(3)>", "::error file=x::fra teksten",
				"sitat <script>alert(3)</script>", "punkt <img src=x onerror=alert(3)>")
		}
		docs = append(docs, mdDoc{"show-" + m.ID + ".md", b.String(), want})
	}
	var b strings.Builder
	DiffMarkdown(&b, hostileDiff(c), "main\n::error::x", "")
	docs = append(docs, mdDoc{"diff.md", b.String(), []string{"T01 " + hostile, "tittel\r\n::error::endret | x"}})
	return docs
}

type mdDoc struct {
	name, md string
	wantText []string
}

// hostileDiff is a diff whose every field is hostile, line breaks included.
func hostileDiff(c *measures.Content) *measures.Diff {
	nl := "\r\n::error::"
	return &measures.Diff{
		Added:   []*measures.Measure{c.Measure("T01")},
		Removed: []*measures.Measure{{ID: "T09" + nl + "id", Title: "fjernet" + nl + "x |"}},
		Renamed: []measures.Rename{{From: "P-a" + nl + "fra", To: "T10\n::warning::til"}},
		Changed: []measures.MeasureChange{{ID: "T02" + nl + "id", Title: "tittel" + nl + "endret | x",
			Changes: []string{"status" + nl + "a", hostile}}},
		Groups: []measures.GroupChange{{ID: "aa2020-1.1" + nl + "g", Title: hostile + "\r\n| x", New: true}},
	}
}

func TestHostileMarkdownStaysText(t *testing.T) {
	renderers := markdownRenderers(t)
	for _, d := range hostileMarkdown(t) {
		t.Run(d.name, func(t *testing.T) {
			checkLines(t, d.name, d.md)
			for name, render := range renderers {
				checkHostileHTML(t, d.name+" ("+name+")", render(t, d.md), d.wantText)
			}
		})
	}
}

// checkLines fails when a line of out starts a GitHub Actions workflow command (::),
// which a runner obeys in any log it prints.
func checkLines(t *testing.T, name, out string) {
	t.Helper()
	for i, line := range strings.FieldsFunc(out, func(r rune) bool { return r == '\n' || r == '\r' }) {
		if strings.HasPrefix(strings.TrimSpace(line), "::") {
			t.Errorf("%s line %d starts a workflow command: %q", name, i+1, line)
		}
	}
}

func checkHostileHTML(t *testing.T, name, doc string, wantText []string) {
	t.Helper()
	root := dom(t, doc)
	if bad := unsafeParts(root); len(bad) > 0 {
		t.Errorf("%s has unsafe parts %q", name, bad)
	}
	txt := strings.Join(strings.Fields(textOf(root)), " ")
	for _, want := range wantText {
		if !strings.Contains(txt, strings.Join(strings.Fields(want), " ")) {
			t.Errorf("%s does not show %q as text:\n%s", name, want, txt)
		}
	}
}

func TestSafeURL(t *testing.T) {
	tests := []struct {
		url  string
		want bool
	}{
		{"https://www.nav.no/", true},
		{"http://example.com/x?y#z", true},
		{"mailto:post@helsedir.no", true},
		{"#T14", true},
		{"kapittel/2", true},
		{"javascript:alert(1)", false},
		{"JaVaScRiPt:alert(1)", false},
		{" javascript:alert(1)", false},
		{"java\tscript:alert(1)", false},
		{"&#106;avascript:alert(1)", false},
		{"vbscript:x", false},
		{"data:text/html;base64,PHNjcmlwdD4=", false},
		{"data:image/png;base64,AAAA", false},
		{"file:///etc/passwd", false},
	}
	for _, tt := range tests {
		if got := SafeURL(tt.url); got != tt.want {
			t.Errorf("SafeURL(%q) = %v, want %v", tt.url, got, tt.want)
		}
	}
}

// TestDiffMarkdownKeepsItsRows: line breaks and pipes in ids, titles and changes stay
// inside their cell, in every renderer.
func TestDiffMarkdownKeepsItsRows(t *testing.T) {
	c := load(t, "testdata/hostile/content")
	var b strings.Builder
	DiffMarkdown(&b, hostileDiff(c), "main", "")
	want := [][][]string{
		{{"nytt", "T01", hostile, "pågår"}, {"fjernet", "T09 ::error::id", "fjernet ::error::x |", ""},
			{"ny id", "P-a ::error::fra → T10 ::warning::til", "", ""}},
		{{"T02 ::error::id", "tittel ::error::endret | x", "status ::error::a, " + hostile}},
	}
	for name, render := range markdownRenderers(t) {
		got := tableCells(dom(t, render(t, b.String())))
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: the diff's tables are\n%q, want\n%q\n%s", name, got, want, b.String())
		}
	}
}

// tableCells returns the text of the body cells of every table in doc.
func tableCells(doc *html.Node) [][][]string {
	var tables [][][]string
	walk(doc, func(n *html.Node) {
		if n.Type != html.ElementNode || n.Data != "table" {
			return
		}
		var rows [][]string
		walk(n, func(r *html.Node) {
			if r.Type != html.ElementNode || r.Data != "tr" || r.Parent == nil || r.Parent.Data != "tbody" {
				return
			}
			var cells []string
			for c := r.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode && c.Data == "td" {
					cells = append(cells, strings.Join(strings.Fields(textOf(c)), " "))
				}
			}
			rows = append(rows, cells)
		})
		tables = append(tables, rows)
	})
	return tables
}
