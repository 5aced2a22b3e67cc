package renderer

import (
	"bytes"
	"html"
	"strings"

	"github.com/samvirke/samvirke/measures"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindMeasureList is the node kind of a ::: tiltak block.
var KindMeasureList = ast.NewNodeKind("MeasureList")

// MeasureList is a ::: tiltak block directive in the strategy text: it stands for the
// current list of the measures it names, or of an area's or a chapter's measures, with
// their current wording. A directive closed by a line «:::» has a Body: the chapter's own
// wording for those measures, shown instead of theirs beside their live data.
type MeasureList struct {
	ast.BaseBlock
	Directive measures.Directive
	// Body is the Markdown between the directive line and its closing «:::», or empty.
	Body string
	// Len is the length of the block in the source (the directive line, or through the
	// closing «:::»), from Pos().
	Len int
	// closeAt and closeEnd are the source offsets of the closing line; 0 without a body.
	closeAt, closeEnd int
}

// Kind implements ast.Node.
func (n *MeasureList) Kind() ast.NodeKind { return KindMeasureList }

// Dump implements ast.Node.
func (n *MeasureList) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"IDs": string(bytes.Join(toBytes(n.Directive.IDs), []byte(" "))),
		"Area": n.Directive.Area, "Chapter": n.Directive.Chapter}, nil)
}

func toBytes(ss []string) [][]byte {
	out := make([][]byte, len(ss))
	for i, s := range ss {
		out[i] = []byte(s)
	}
	return out
}

// directiveParser parses a ::: tiltak line with measures.ParseDirective, and its body up
// to a closing «:::» line when measures.DirectiveBody finds one. The block has no children:
// the body is kept as text and rendered by the MeasureWriter.
type directiveParser struct{}

func (directiveParser) Trigger() []byte { return []byte{':'} }

func (directiveParser) Open(_ ast.Node, reader text.Reader, _ parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	d, ok := measures.ParseDirective(string(line))
	if !ok {
		return nil, parser.NoChildren
	}
	n := &MeasureList{Directive: d, Len: len(bytes.TrimRight(line, "\r\n")) + seg.Padding}
	if body, end, ok := measures.DirectiveBody(string(reader.Source()[seg.Stop:])); ok {
		n.Body = body
		n.closeAt, n.closeEnd = seg.Stop+len(body), seg.Stop+end
		closing := reader.Source()[n.closeAt:n.closeEnd]
		n.Len += len(line) - len(bytes.TrimRight(line, "\r\n")) + len(body) + len(bytes.TrimRight(closing, "\r\n"))
	}
	reader.AdvanceToEOL()
	return n, parser.NoChildren
}

// Continue consumes the body lines of a directive with a body, through the closing «:::».
func (directiveParser) Continue(node ast.Node, reader text.Reader, _ parser.Context) parser.State {
	n := node.(*MeasureList)
	_, seg := reader.PeekLine()
	if n.closeEnd == 0 || seg.Start >= n.closeEnd {
		return parser.Close
	}
	reader.AdvanceToEOL()
	if seg.Start >= n.closeAt {
		return parser.Close
	}
	return parser.Continue | parser.NoChildren
}
func (directiveParser) Close(ast.Node, text.Reader, parser.Context) {}
func (directiveParser) CanInterruptParagraph() bool                 { return true }
func (directiveParser) CanAcceptIndentedLine() bool                 { return false }

// MeasureWriter writes the HTML of the measures a directive selects.
type MeasureWriter func(w util.BufWriter, n *MeasureList, ms []*measures.Measure)

// directiveHTML renders a MeasureList with write, or as a plain list of links.
type directiveHTML struct {
	c     *measures.Content
	write MeasureWriter
}

func (r directiveHTML) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindMeasureList, r.render)
}

func (r directiveHTML) render(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*MeasureList)
	ms := n.Directive.Select(r.c)
	if r.write != nil {
		r.write(w, n, ms)
		return ast.WalkSkipChildren, nil
	}
	w.WriteString("<ul class=\"measure-list\">\n")
	for _, m := range ms {
		w.WriteString(`<li><a href="#` + html.EscapeString(anchorOf(m)) + `">` + html.EscapeString(m.ID+" "+m.Title) + "</a></li>\n")
	}
	w.WriteString("</ul>\n")
	if n.Body != "" {
		w.WriteString("<blockquote class=\"own-wording\"><p>" + html.EscapeString(strings.TrimSpace(n.Body)) + "</p></blockquote>\n")
	}
	return ast.WalkSkipChildren, nil
}

type measureDirective struct {
	c     *measures.Content
	write MeasureWriter
}

// NewMeasureDirective returns the extension for ::: tiltak blocks selecting measures of
// c. write renders the selected measures; nil renders a list of links to them.
func NewMeasureDirective(c *measures.Content, write MeasureWriter) goldmark.Extender {
	return measureDirective{c, write}
}

func (e measureDirective) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithBlockParsers(util.Prioritized(directiveParser{}, 150)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(directiveHTML(e), 500)))
}
