package renderer

import (
	"bytes"
	"html"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// SafeURL reports whether a link target from content may appear in a document: a
// fragment, a relative path, or an http, https or mailto URL. Anything else
// (javascript:, vbscript:, data:, file: …) is refused, whatever its case or the
// control characters and spaces a browser would skip.
func SafeURL(dest string) bool {
	d := strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f {
			return -1 // browsers ignore these inside a scheme: "java\tscript:"
		}
		return r
	}, html.UnescapeString(dest)) // goldmark resolves &#106; and the like in targets
	d = strings.ToLower(d)
	i := strings.IndexAny(d, ":/?#")
	if i < 0 || d[i] != ':' {
		return true // no scheme: fragment or relative path
	}
	switch d[:i] {
	case "http", "https", "mailto":
		return true
	}
	return false
}

// safeLinks is an AST transformer that keeps untrusted Markdown from reaching outside
// the document: a link or autolink with an unsafe target becomes its plain text, and an
// image becomes a link to it (or its text, when unsafe or inside a link), since a
// self-contained document makes no request of its own and shows no picture it did not
// make itself. Raw HTML needs no transformer: goldmark's HTML drops it (WithUnsafe is
// never set), and the Markdown writer escapes it (parsed.markdown).
type safeLinks struct{}

// NewSafeLinks returns the extension that installs the safeLinks transformer.
func NewSafeLinks() goldmark.Extender { return safeLinks{} }

func (safeLinks) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(safeLinks{}, 0)))
}

func (safeLinks) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	var unwrap, images []ast.Node
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			if !SafeURL(string(n.Destination)) {
				unwrap = append(unwrap, n)
			}
		case *ast.AutoLink:
			if !SafeURL(string(n.URL(src))) {
				unwrap = append(unwrap, n)
			}
		case *ast.Image:
			images = append(images, n)
		}
		return ast.WalkContinue, nil
	})
	for _, n := range images {
		img := n.(*ast.Image)
		var repl ast.Node
		if SafeURL(string(img.Destination)) && !insideLink(img) {
			l := ast.NewLink()
			l.Destination, l.Title = img.Destination, img.Title
			repl = l
		} else {
			repl = ast.NewEmphasis(1)
		}
		repl.AppendChild(repl, ast.NewString([]byte("bilde: ")))
		moveChildren(repl, img)
		img.Parent().ReplaceChild(img.Parent(), img, repl)
	}
	for _, n := range unwrap {
		parent := n.Parent()
		if parent == nil {
			continue
		}
		if al, ok := n.(*ast.AutoLink); ok {
			s := ast.NewString(bytes.Clone(al.Label(src)))
			parent.ReplaceChild(parent, n, s)
			continue
		}
		for c := n.FirstChild(); c != nil; {
			next := c.NextSibling()
			parent.InsertBefore(parent, n, c)
			c = next
		}
		parent.RemoveChild(parent, n)
	}
}

// insideLink reports whether n is inside a link, where it cannot become one itself.
func insideLink(n ast.Node) bool {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if _, ok := p.(*ast.Link); ok {
			return true
		}
	}
	return false
}

// moveChildren moves every child of from to the end of to.
func moveChildren(to, from ast.Node) {
	for c := from.FirstChild(); c != nil; {
		next := c.NextSibling()
		to.AppendChild(to, c)
		c = next
	}
}
