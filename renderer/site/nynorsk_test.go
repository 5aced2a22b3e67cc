package site

import (
	"regexp"
	"strings"
	"testing"

	"github.com/samvirke/samvirke/content"
	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/renderer/lang"
	"golang.org/x/net/html"
)

// bokmaalFixed are the bokmål forms of the site's fixed texts; the content's own words
// (titles, notes, inputs) are left out of the check by taking only the texts of the
// elements samvirke writes.
var bokmaalFixed = regexp.MustCompile(`\b(Eiere|Endringer|Hovedmeny|Ansvarlig|forfalt|Forfalte|endringer|ennå|Kilde|Innspill fra|Innspillene|Eierne|anbefalinger|Laget fra|svarer på dem)\b`)

// TestSiteNynorsk: with Lang nn every page says lang="nn" and its fixed texts (menu,
// headings, table heads, labels, footer) are nynorsk; the default is bokmål.
func TestSiteNynorsk(t *testing.T) {
	c, err := measures.Load(content.FS())
	if err != nil && c == nil {
		t.Fatal(err)
	}
	s, err := Build(c, Options{Today: today, Origin: "commit 1a2b3c4 (1. desember 2026)", Lang: lang.NN})
	if err != nil {
		t.Fatal(err)
	}
	pages := 0
	for p, data := range s.Files {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		pages++
		doc := string(data)
		if !strings.Contains(doc, `<html lang="nn">`) {
			t.Errorf("%s has no lang=\"nn\"", p)
		}
		n, err := html.Parse(strings.NewReader(doc))
		if err != nil {
			t.Fatal(err)
		}
		for _, txt := range fixedTexts(n) {
			if w := bokmaalFixed.FindString(txt); w != "" {
				t.Errorf("%s has the bokmål «%s» in «%s»", p, w, txt)
			}
		}
	}
	if pages < 10 {
		t.Fatalf("only %d pages", pages)
	}
	front := string(s.Files["index.html"])
	for _, want := range []string{"Oppfølginga av «Arbeid og helse – eit tettare samvirke»", "Eigarar", "Siste endringar", "Laga frå commit 1a2b3c4"} {
		if !strings.Contains(front, want) {
			t.Errorf("the nynorsk front page lacks «%s»", want)
		}
	}
	if f := string(s.Files["endringer.xml"]); !strings.Contains(f, `xml:lang="nn"`) || !strings.Contains(f, "Endringar i oppfølginga av") {
		t.Errorf("the nynorsk Atom feed is not nynorsk:\n%.400s", f)
	}
	if f := string(s.Files["frister.ics"]); !strings.Contains(f, "Fristar i «Arbeid og helse – eit tettare samvirke»") {
		t.Errorf("the nynorsk calendar is not nynorsk:\n%.400s", f)
	}
	nb, err := Build(c, Options{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if f := string(nb.Files["index.html"]); !strings.Contains(f, `<html lang="nb">`) || !strings.Contains(f, "Siste endringer") {
		t.Errorf("the default site is not bokmål")
	}
}

// fixedTexts are the texts of the elements whose text samvirke writes: headings, table
// heads, terms, the menu, the footer and the page title.
func fixedTexts(n *html.Node) []string {
	var out []string
	var walk func(*html.Node, bool)
	walk = func(n *html.Node, fixed bool) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "th", "dt", "nav", "footer", "caption", "strong", "h2", "title":
				fixed = true
			}
			for _, a := range n.Attr {
				if a.Key == "aria-label" || a.Key == "title" {
					out = append(out, a.Val)
				}
			}
		}
		if n.Type == html.TextNode && fixed {
			out = append(out, n.Data)
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch, fixed)
		}
	}
	walk(n, false)
	return out
}
