package renderer

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/samvirke/samvirke/measures"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"golang.org/x/net/html"
)

// testDate is the fixed date of the documents in tests, so goldens are stable.
var testDate = measures.Date{Year: 2026, Month: 11, Day: 22}

func load(t testing.TB, dir string) *measures.Content {
	t.Helper()
	c, err := measures.Load(os.DirFS(dir))
	if err != nil {
		t.Fatalf("load %s: %v", dir, err)
	}
	return c
}

func reportHTML(t testing.TB, r *Report) string {
	t.Helper()
	var b bytes.Buffer
	if err := r.HTML(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func reportMD(t testing.TB, r *Report) string {
	t.Helper()
	var b bytes.Buffer
	if err := r.Markdown(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func strategyHTML(t testing.TB, s *Strategy) string {
	t.Helper()
	var b bytes.Buffer
	if err := s.HTML(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func strategyMD(t testing.TB, s *Strategy) string {
	t.Helper()
	var b bytes.Buffer
	if err := s.Markdown(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// dom parses an HTML document.
func dom(t testing.TB, doc string) *html.Node {
	t.Helper()
	n, err := html.Parse(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// walk calls fn for every node of n.
func walk(n *html.Node, fn func(*html.Node)) {
	fn(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

// textOf returns the text content of n.
func textOf(n *html.Node) string {
	var b strings.Builder
	walk(n, func(x *html.Node) {
		if x.Type == html.TextNode {
			b.WriteString(x.Data)
		}
	})
	return b.String()
}

// markdownRenderer turns GFM into HTML.
type markdownRenderer func(t testing.TB, md string) string

// markdownRenderers returns the renderers the Markdown outputs must be safe in, each
// keeping raw HTML and every link: goldmark, and GitHub's cmark-gfm when it is
// installed (Debian's cmark-gfm; required when SAMVIRKE_BROWSER=1).
func markdownRenderers(t testing.TB) map[string]markdownRenderer {
	t.Helper()
	rs := map[string]markdownRenderer{"goldmark": markdownAsHTML}
	path, err := exec.LookPath("cmark-gfm")
	if err != nil {
		if browserRequired() {
			t.Fatalf("cmark-gfm not installed (apt-get install cmark-gfm): %v", err)
		}
		t.Logf("cmark-gfm not installed; checking with goldmark only")
		return rs
	}
	rs["cmark-gfm"] = func(t testing.TB, md string) string {
		t.Helper()
		cmd := exec.Command(path, "--unsafe", "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tasklist", "-e", "footnotes")
		cmd.Stdin = strings.NewReader(md)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("cmark-gfm: %v", err)
		}
		return string(out)
	}
	return rs
}

// markdownAsHTML renders GFM the way a careless renderer would: raw HTML kept. What our
// Markdown output must survive is stricter than GitHub, which sanitizes as well.
func markdownAsHTML(t testing.TB, md string) string {
	t.Helper()
	var b bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote),
		goldmark.WithRendererOptions(gmhtml.WithUnsafe())).Convert([]byte(md), &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}
