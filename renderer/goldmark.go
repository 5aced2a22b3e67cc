package renderer

import (
	"bytes"
	"fmt"
	"html"

	"github.com/samvirke/samvirke/measures"
	"github.com/samvirke/samvirke/renderer/lang"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// metaPrefix is the document meta key holding the prefix that keeps footnote ids of
// one chapter or measure apart from those of the others in the same HTML page.
const metaPrefix = "samvirke-prefix"

// norwegianQuotes are the typographer's substitutions: «» for double quotes, ‘’ inside
// them, – and — for -- and ---, … for three dots.
var norwegianQuotes = map[extension.TypographicPunctuation]string{
	extension.LeftDoubleQuote:  "&laquo;",
	extension.RightDoubleQuote: "&raquo;",
	extension.LeftSingleQuote:  "&lsquo;",
	extension.RightSingleQuote: "&rsquo;",
}

// newMarkdown builds the goldmark converter for the documents of c: GFM (tables,
// strikethrough, task lists, autolinks), footnotes, the typographer with Norwegian
// quotes, heading ids, [[T14]] references and ::: tiltak blocks rendered by write. Raw
// HTML is dropped (goldmark's default; html.WithUnsafe is never set) and unsafe link
// targets are removed by NewSafeLinks.
func newMarkdown(c *measures.Content, write MeasureWriter) goldmark.Markdown {
	return newMarkdownRefs(c, lang.NB.Texts(), write, false)
}

// newMarkdownRefs is newMarkdown whose [[T14]] links hold the page number a printed
// document fills in, when pages is set (see refHTML).
func newMarkdownRefs(c *measures.Content, t *lang.Texts, write MeasureWriter, pages bool) goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(
			extension.GFM,
			extension.NewFootnote(extension.WithFootnoteIDPrefixFunction(func(n ast.Node) []byte {
				if doc := n.OwnerDocument(); doc != nil {
					if p, ok := doc.Meta()[metaPrefix].(string); ok {
						return []byte(p)
					}
				}
				return nil
			})),
			extension.NewTypographer(extension.WithTypographicSubstitutions(norwegianQuotes)),
			NewSafeLinks(),
			measureRefs{c, t, pages},
			leadIns{},
			NewMeasureDirective(c, write),
		),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
		goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(nbspTransformer{}, 999))),
	)
}

// parsed is a Markdown text parsed once, to be rendered as HTML or rewritten as Markdown.
type parsed struct {
	src []byte
	doc *ast.Document
}

// parse parses src with md, drawing heading ids from ids and prefixing footnote ids.
func parse(md goldmark.Markdown, src string, ids parser.IDs, prefix string) parsed {
	b := []byte(src)
	ctx := parser.NewContext(parser.WithIDs(ids))
	doc := md.Parser().Parse(text.NewReader(b), parser.WithContext(ctx)).(*ast.Document)
	doc.AddMeta(metaPrefix, prefix)
	return parsed{src: b, doc: doc}
}

// shiftHeadings moves every heading of p down by levels (## → ### for 1), at most to h6,
// so a chapter's own headings sit under the chapter title.
func (p parsed) shiftHeadings(levels int) {
	ast.Walk(p.doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			h.Level = min(h.Level+levels, 6)
		}
		return ast.WalkContinue, nil
	})
}

// html renders p.
func (p parsed) html(md goldmark.Markdown) (string, error) {
	var b bytes.Buffer
	if err := md.Renderer().Render(&b, p.src, p.doc); err != nil {
		return "", fmt.Errorf("render markdown: %w", err)
	}
	return b.String(), nil
}

// headingText returns the plain text of a heading.
func headingText(h *ast.Heading, src []byte) string {
	var b bytes.Buffer
	ast.Walk(h, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := n.(type) {
		case *ast.Text:
			b.Write(t.Value(src))
			if t.SoftLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.WriteString(html.UnescapeString(string(t.Value))) // typographer entities
		case *MeasureRef:
			b.WriteString(t.ID)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// leadIns renders the LeadIn nodes that groupLeadIns makes.
type leadIns struct{}

func (leadIns) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(leadInHTML{}, 500)))
}
