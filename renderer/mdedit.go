package renderer

import (
	"bytes"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// rawEscaper escapes raw HTML for Markdown output, keeping line breaks.
var rawEscaper = strings.NewReplacer(`\`, `\\`, "<", "&lt;", ">", "&gt;", "[", `\[`, "]", `\]`,
	"*", `\*`, "_", `\_`, "`", "\\`", "|", `\|`, "&", "&amp;")

// edit replaces src[start:end] with text when the Markdown is written out.
type edit struct {
	start, end int
	text       string
}

// mdHooks say what a rewritten Markdown text holds in place of the samvirke nodes.
type mdHooks struct {
	ref       func(n *MeasureRef) string
	directive func(n *MeasureList) string
	shift     int    // heading levels to add (ATX headings)
	footnote  string // prefix for footnote labels, so the chapters of one file keep theirs apart
}

// markdown writes p back as GFM for GitHub and GitLab, rewritten from the parse tree:
// [[T14]] and ::: tiltak become what hooks return, headings move down by hooks.shift,
// footnote labels get hooks.footnote in front, raw HTML is escaped so it shows as text,
// and the links, images and autolinks NewSafeLinks took apart lose their link syntax
// (their opening bracket is escaped). All else is the source as written.
func (p parsed) markdown(h mdHooks) string {
	src := p.src
	var edits []edit
	// Raw HTML becomes text: every character Markdown or HTML would act on is escaped,
	// so neither the tag nor a link written inside it comes alive once it is not HTML.
	escapeRaw := func(seg text.Segment) {
		edits = append(edits, edit{seg.Start, seg.Stop, rawEscaper.Replace(string(seg.Value(src)))})
	}
	ast.Walk(p.doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		pos := n.Pos()
		switch n := n.(type) {
		case *MeasureRef:
			if pos >= 0 && h.ref != nil {
				edits = append(edits, edit{pos, pos + n.Len, h.ref(n)})
			}
		case *MeasureList:
			if pos >= 0 && h.directive != nil {
				edits = append(edits, edit{pos, pos + n.Len, h.directive(n)})
			}
		case *ast.Heading:
			if pos >= 0 && pos < len(src) && src[pos] == '#' {
				id, _ := n.AttributeString("id")
				idb, _ := id.([]byte)
				if ins := gitlabAnchor(string(idb)) + strings.Repeat("#", h.shift); ins != "" {
					edits = append(edits, edit{pos, pos, ins})
				}
			}
		case *ast.RawHTML:
			for i := 0; i < n.Segments.Len(); i++ {
				escapeRaw(n.Segments.At(i))
			}
		case *ast.HTMLBlock:
			lines := n.Lines()
			for i := 0; i < lines.Len(); i++ {
				escapeRaw(lines.At(i))
			}
			if n.HasClosure() {
				escapeRaw(n.ClosureLine)
			}
		case *east.FootnoteLink, *east.Footnote:
			if h.footnote != "" && pos >= 0 && bytes.HasPrefix(src[pos:], []byte("[^")) {
				edits = append(edits, edit{pos + 2, pos + 2, h.footnote})
			}
		}
		return ast.WalkContinue, nil
	})
	unlinked, _ := p.doc.Meta()[metaUnlinked].([]int)
	for _, pos := range unlinked {
		if pos >= 0 && pos < len(src) && src[pos] == '!' {
			pos++
		}
		if pos >= 0 && pos < len(src) && (src[pos] == '[' || src[pos] == '<') {
			edits = append(edits, edit{pos, pos, `\`})
		}
	}
	pictures, _ := p.doc.Meta()[metaPictures].([]int)
	for _, pos := range pictures {
		if pos >= 0 && pos < len(src) && src[pos] == '!' {
			edits = append(edits, edit{pos, pos + 1, ""})
		}
	}
	slices.SortStableFunc(edits, func(a, b edit) int { return a.start - b.start })
	var b strings.Builder
	at := 0
	for _, e := range edits {
		if e.start < at || e.start < 0 {
			continue // overlapping or without position: keep the source
		}
		b.Write(src[at:e.start])
		b.WriteString(e.text)
		at = e.end
	}
	b.Write(src[at:])
	return b.String()
}
