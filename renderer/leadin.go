package renderer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// KindLeadIn is the node kind of a lead-in and the measures it leads into.
var KindLeadIn = ast.NewNodeKind("LeadIn")

// LeadIn holds a lead-in paragraph («For å styrke samarbeidet … foreslås:») and the
// ::: tiltak block after it, so they are one element: a page break never falls between
// the start of a sentence and the measures that end it.
type LeadIn struct{ ast.BaseBlock }

// Kind implements ast.Node.
func (n *LeadIn) Kind() ast.NodeKind { return KindLeadIn }

// Dump implements ast.Node.
func (n *LeadIn) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// groupLeadIns puts every paragraph that leads into the ::: tiltak block right after it
// into a LeadIn with that block. A lead-in that stops mid-sentence («… foreslår
// arbeidsgruppen å», «… foreslås») gets a colon, so the measures that follow read as
// its list and no box continues a sentence.
func groupLeadIns(p parsed) {
	var pairs [][2]ast.Node
	for n := p.doc.FirstChild(); n != nil; n = n.NextSibling() {
		para, ok := n.(*ast.Paragraph)
		if !ok {
			continue
		}
		if list, ok := n.NextSibling().(*MeasureList); ok {
			pairs = append(pairs, [2]ast.Node{para, list})
		}
	}
	for _, pr := range pairs {
		para := pr[0].(*ast.Paragraph)
		last := strings.TrimRightFunc(string(para.Lines().Value(p.src)), unicode.IsSpace)
		if !endsSentence(last) {
			para.AppendChild(para, ast.NewString([]byte(":")))
		}
		para.SetAttributeString("class", []byte("lead-in-text"))
		group := &LeadIn{}
		p.doc.InsertBefore(p.doc, para, group)
		group.AppendChild(group, para) // AppendChild takes each node out of the document first
		group.AppendChild(group, pr[1])
	}
}

// endsSentence reports whether a lead-in's text ends as a sentence or a list's
// introduction does: a colon, a full stop, a question or exclamation mark, an ellipsis or
// a closing quote or bracket after one.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "»\"')]*_")
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(":.!?…;", r)
}

// leadInHTML renders a LeadIn as <div class="lead-in">.
type leadInHTML struct{}

func (leadInHTML) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindLeadIn, func(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			w.WriteString("<div class=\"lead-in\">\n")
		} else {
			w.WriteString("</div>\n")
		}
		return ast.WalkContinue, nil
	})
}

// listMarkerLen is the length of the marker of a list item at the start of a text: «- », «* », «1. ».
func listMarkerLen(s string) int {
	switch {
	case len(s) > 1 && strings.ContainsRune("-*+", rune(s[0])) && s[1] == ' ':
		return 2
	}
	i := 0
	for i < len(s) && i < 9 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && s[i+1] == ' ' {
		return i + 2
	}
	return 0
}

// boxStart gives a text that stands in a box of its own a capital first letter (after
// a list marker): the chapter's own wording of a measure was often written as an item of
// a list after «Direktoratene skal:» («- legge til rette for …»), but in its box it
// starts a sentence.
func boxStart(text string) string {
	i := listMarkerLen(text)
	r, size := utf8.DecodeRuneInString(text[i:])
	if !unicode.IsLower(r) {
		return text
	}
	return text[:i] + string(unicode.ToUpper(r)) + text[i+size:]
}
