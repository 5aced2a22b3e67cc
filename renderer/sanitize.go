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
// image becomes a link to it (or its text), since a self-contained document makes no
// request of its own and shows no picture it did not make itself. Raw HTML needs no
// transformer: goldmark drops it unless WithUnsafe is set, which samvirke never sets.
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
	var unlinked, pictures []int
	for _, n := range images {
		img := n.(*ast.Image)
		var repl ast.Node
		if SafeURL(string(img.Destination)) {
			l := ast.NewLink()
			l.Destination, l.Title = img.Destination, img.Title
			repl = l
			pictures = append(pictures, img.Pos())
		} else {
			repl = ast.NewEmphasis(1)
			unlinked = append(unlinked, img.Pos())
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
		unlinked = append(unlinked, n.Pos())
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
	doc.AddMeta(metaUnlinked, unlinked)
	doc.AddMeta(metaPictures, pictures)
}

// metaPictures lists the positions of the images with safe targets that safeLinks made
// links, so the Markdown writer drops their «!» as well.
const metaPictures = "samvirke-pictures"

// metaUnlinked is the document meta key listing the source positions of the links,
// images and autolinks safeLinks took apart, so the Markdown writer escapes them too.
const metaUnlinked = "samvirke-unlinked"

// moveChildren moves every child of from to the end of to.
func moveChildren(to, from ast.Node) {
	for c := from.FirstChild(); c != nil; {
		next := c.NextSibling()
		to.AppendChild(to, c)
		c = next
	}
}
