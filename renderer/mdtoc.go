package renderer

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// tocMarkdown is the parser that reads a finished Markdown document back for its table of
// contents: GFM with heading ids made as GitHub makes them (see headingIDs).
var tocMarkdown = goldmark.New(goldmark.WithExtensions(extension.GFM),
	goldmark.WithParserOptions(parser.WithAutoHeadingID()))

// withMarkdownTOC puts a table of contents («## Innhold») before the first second-level
// heading of md: a link to every ## heading, and to the ### headings under those ##
// headings that nested names. The anchors are those GitHub makes from the headings in the
// document's order, the contents' own heading first; a heading whose GitHub anchor GitLab
// makes otherwise gets an <a id> with it (see gitlabAnchor), so every link works on both.
func withMarkdownTOC(md, heading string, nested func(h2 string) bool) string {
	src := []byte(md)
	ids := newHeadingIDs()
	ids.Put([]byte(idTOC))
	doc := tocMarkdown.Parser().Parse(text.NewReader(src), parser.WithContext(parser.NewContext(parser.WithIDs(ids))))
	var toc strings.Builder
	var anchors []int // line starts where a GitLab anchor goes, in order
	var anchorIDs []string
	first, under := -1, false
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		h, ok := n.(*ast.Heading)
		if !ok || h.Level < 2 || h.Level > 3 || h.Lines().Len() == 0 {
			continue
		}
		label := headingText(h, src)
		v, _ := h.AttributeString("id")
		id, _ := v.([]byte)
		start := lineStart(src, h.Lines().At(0).Start)
		if h.Level == 2 {
			if first < 0 {
				first = start
			}
			under = nested(label)
			fmt.Fprintf(&toc, "- [%s](#%s)\n", Escape(label), id)
		} else if under {
			fmt.Fprintf(&toc, "  - [%s](#%s)\n", Escape(label), id)
		} else {
			continue
		}
		if g := gitlabAnchor(string(id)); g != "" && !bytes.HasSuffix(src[:start], []byte(g)) {
			anchors, anchorIDs = append(anchors, start), append(anchorIDs, g)
		}
	}
	if first < 0 {
		return md
	}
	// The contents go in at the first heading, before its anchor if it has one; the
	// anchors are in document order, so one pass writes it all.
	var b strings.Builder
	b.WriteString(md[:first])
	b.WriteString("## " + heading + "\n\n" + toc.String() + "\n")
	last := first
	for i, at := range anchors {
		b.WriteString(md[last:at] + anchorIDs[i])
		last = at
	}
	b.WriteString(md[last:])
	return b.String()
}

// lineStart is the offset of the start of the line that holds offset i.
func lineStart(src []byte, i int) int {
	for i > 0 && src[i-1] != '\n' {
		i--
	}
	return i
}
