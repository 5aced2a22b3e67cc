package renderer

import (
	"html"

	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/renderer/lang"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindMeasureRef is the node kind of an inline [[T14]] reference.
var KindMeasureRef = ast.NewNodeKind("MeasureRef")

// MeasureRef is an inline reference to a measure, written [[T14]] in the strategy text.
// It renders as a link to the measure's anchor with its current title.
type MeasureRef struct {
	ast.BaseInline
	ID string
	// Len is the length of the reference in the source, from Pos().
	Len int
}

// Kind implements ast.Node.
func (n *MeasureRef) Kind() ast.NodeKind { return KindMeasureRef }

// Dump implements ast.Node.
func (n *MeasureRef) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"ID": n.ID}, nil)
}

// refParser parses [[ID]] with measures.RefPattern. It is triggered by '[' and runs
// before goldmark's link parser (priority 200), which would otherwise take the outer
// brackets for a link.
type refParser struct{}

func (refParser) Trigger() []byte { return []byte{'['} }

func (refParser) Parse(_ ast.Node, block text.Reader, _ parser.Context) ast.Node {
	line, _ := block.PeekLine()
	m := measures.RefPattern.FindSubmatchIndex(line)
	if m == nil || m[0] != 0 {
		return nil
	}
	block.Advance(m[1])
	return &MeasureRef{ID: string(line[m[2]:m[3]]), Len: m[1]}
}

// refHTML renders a MeasureRef as a link to the measure that names it in lower case, as
// it stands mid-sentence: <a href="#T14">tiltak T14 («Title»)</a> (see refWords), or as
// the marked reference text when the content has no such measure (validate reports it;
// the strategy refuses it). With pages, the link holds an empty page number that the
// printed PDF fills in (see PDF): «tiltak T14 («Title», side 23)».
type refHTML struct {
	c     *measures.Content
	t     *lang.Texts
	pages bool
}

func (r refHTML) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindMeasureRef, r.render)
}

func (r refHTML) render(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*MeasureRef)
	m := r.c.Measure(n.ID)
	if m == nil {
		w.WriteString(`<span class="ref-missing" title="Ukjent tiltak">[[`)
		w.WriteString(html.EscapeString(n.ID))
		w.WriteString(`]]</span>`)
		return ast.WalkSkipChildren, nil
	}
	noun, title := refWords(r.t, m)
	w.WriteString(`<a class="ref" href="#`)
	w.WriteString(html.EscapeString(anchorOf(m)))
	w.WriteString(`">`)
	w.WriteString(html.EscapeString(noun + " (" + title))
	if r.pages {
		w.WriteString(`<span class="ref-page">` + html.EscapeString(r.t.Strategy.RefPage) + `<span data-toc-page="` + html.EscapeString(anchorOf(m)) + `"></span></span>`)
	}
	w.WriteString(`)</a>`)
	return ast.WalkSkipChildren, nil
}

// refWords are the two parts of a reference to m, lower case first as it stands
// mid-sentence: «tiltak T14» (or «anbefaling D03») and the title in quotes, «Title».
func refWords(t *lang.Texts, m *measures.Measure) (noun, title string) {
	kind := t.Strategy.RefMeasure
	if m.Kind == measures.KindRecommendation {
		kind = t.Strategy.RefRecommendation
	}
	return kind + "\u00a0" + m.ID, "«" + m.Title + "»"
}

// anchorOf is a measure's stable anchor: its id (#T14). An id that is not valid (content
// with errors is still rendered) gets a slug, so an anchor never needs escaping.
func anchorOf(m *measures.Measure) string { return anchorOfID(m.ID) }

func anchorOfID(id string) string {
	if measures.ValidMeasureID(id) {
		return id
	}
	return "tiltak-" + slug(id)
}

type measureRefs struct {
	c     *measures.Content
	t     *lang.Texts
	pages bool
}

// NewMeasureRefs returns the extension for [[T14]] references to the measures of c.
func NewMeasureRefs(c *measures.Content) goldmark.Extender {
	return measureRefs{c: c, t: lang.NB.Texts()}
}

func (e measureRefs) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(refParser{}, 199)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(refHTML(e), 500)))
}
