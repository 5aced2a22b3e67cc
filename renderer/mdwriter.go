package renderer

import (
	"bytes"
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// mdHooks say what a rewritten Markdown text holds in place of the samvirke nodes.
type mdHooks struct {
	ref       func(n *MeasureRef) string  // [[T14]]; nil: the reference as text
	directive func(n *MeasureList) string // ::: tiltak; nil: the line as text
	footnote  string                      // prefix for footnote labels, so the chapters of one file keep theirs apart
}

// markdown writes p out again as GFM for GitHub and GitLab, from the parse tree and
// never from the source: every text is escaped (so nothing in it becomes HTML, a link,
// emphasis, a block or a workflow command), raw HTML shows as text, links are written
// inline with a target SafeURL accepts (link reference definitions are dropped; the
// links NewSafeLinks took apart are plain text), [[T14]] and ::: tiltak become what
// hooks return, footnote labels get hooks.footnote in front, and each heading is written
// at its level with the GitLab anchor it needs. This is the one place Markdown from
// content is written; every Markdown output goes through it or through Escape.
func (p parsed) markdown(h mdHooks) string {
	h.footnote = strings.Map(func(r rune) rune { // it holds ids from content
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' {
			return r
		}
		return -1
	}, h.footnote)
	w := &mdWriter{src: p.src, h: h, notes: map[int]string{}}
	ast.Walk(p.doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if fn, ok := n.(*east.Footnote); ok && entering {
			w.notes[fn.Index] = footnoteLabel(fn.Ref, fn.Index)
		}
		return ast.WalkContinue, nil
	})
	return w.blocks(p.doc, "\n\n")
}

// mdWriter writes the blocks of one parsed text.
type mdWriter struct {
	src   []byte
	h     mdHooks
	notes map[int]string // footnote index → label
}

// blocks writes the children of n, sep between them.
func (w *mdWriter) blocks(n ast.Node, sep string) string {
	var parts []string
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if s := w.block(c); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, sep)
}

func (w *mdWriter) block(n ast.Node) string {
	if n.Type() == ast.TypeInline { // a footnote's back link after a block that is no paragraph
		t := &mdText{}
		w.inline(t, n)
		return t.String()
	}
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		return w.inlines(n, inlineBlock)
	case *ast.Heading:
		id, _ := n.AttributeString("id")
		idb, _ := id.([]byte)
		return strings.TrimRight(gitlabAnchor(string(idb))+strings.Repeat("#", n.Level)+" "+w.inlines(n, inlineHeading), " ")
	case *ast.ThematicBreak:
		return "---"
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		return w.code(n)
	case *ast.Blockquote:
		return prefixLines(w.blocks(n, "\n\n"), "> ", "> ")
	case *ast.List:
		return w.list(n)
	case *ast.HTMLBlock:
		return w.rawBlock(n)
	case *ast.LinkReferenceDefinition:
		return "" // every link is written inline
	case *east.Table:
		return w.table(n)
	case *east.FootnoteList:
		return w.footnotes(n)
	case *MeasureList:
		if w.h.directive != nil {
			return w.h.directive(n)
		}
		if p := n.Pos(); p >= 0 && p+n.Len <= len(w.src) {
			t := &mdText{lineStart: true}
			t.text(string(w.src[p : p+n.Len]))
			return t.String()
		}
		return ""
	}
	if n.HasChildren() {
		return w.blocks(n, "\n\n")
	}
	return w.rawBlock(n)
}

// rawBlock writes the source lines of a block (raw HTML, or a block samvirke has no
// Markdown for) as escaped text, a paragraph per run of non-blank lines.
func (w *mdWriter) rawBlock(n ast.Node) string {
	var lines []string
	add := func(s string) {
		lines = append(lines, strings.Split(strings.TrimRight(s, "\r\n"), "\n")...)
	}
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		add(string(seg.Value(w.src)))
	}
	if hb, ok := n.(*ast.HTMLBlock); ok && hb.HasClosure() {
		add(string(hb.ClosureLine.Value(w.src)))
	}
	var paras []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, strings.Join(cur, "\n"))
			cur = nil
		}
	}
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			flush()
			continue
		}
		t := &mdText{lineStart: true}
		t.text(l)
		cur = append(cur, t.String())
	}
	flush()
	return strings.Join(paras, "\n\n")
}

// code writes a code block fenced with more backticks than its text holds in a row.
func (w *mdWriter) code(n ast.Node) string {
	var body strings.Builder
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		body.Write(seg.Value(w.src))
	}
	text := strings.TrimRight(body.String(), "\n")
	fence := strings.Repeat("`", max(3, longestRun(text, '`')+1))
	info := ""
	if f, ok := n.(*ast.FencedCodeBlock); ok && f.Info != nil {
		info = strings.Map(func(r rune) rune {
			if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("+-_.", r)) {
				return r
			}
			return -1
		}, string(f.Language(w.src)))
	}
	if text == "" {
		return fence + info + "\n" + fence
	}
	return fence + info + "\n" + text + "\n" + fence
}

func (w *mdWriter) list(n *ast.List) string {
	sep, inner := "\n\n", "\n\n"
	if n.IsTight {
		sep, inner = "\n", "\n"
	}
	var items []string
	i := 0
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		marker := string(n.Marker)
		if n.IsOrdered() {
			marker = strconv.Itoa(n.Start+i) + marker
		}
		i++
		body := w.blocks(c, inner)
		if body == "" {
			items = append(items, marker)
			continue
		}
		items = append(items, prefixLines(body, marker+" ", strings.Repeat(" ", len(marker)+1)))
	}
	return strings.Join(items, sep)
}

func (w *mdWriter) table(n *east.Table) string {
	var rows []string
	for r := n.FirstChild(); r != nil; r = r.NextSibling() {
		var cells []string
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, w.inlines(c, inlineCell))
		}
		rows = append(rows, "| "+strings.Join(cells, " | ")+" |")
		if _, ok := r.(*east.TableHeader); ok {
			var delims []string
			for _, a := range n.Alignments {
				delims = append(delims, delimiter(a))
			}
			rows = append(rows, "|"+strings.Join(delims, "|")+"|")
		}
	}
	return strings.Join(rows, "\n")
}

// delimiter is a table's delimiter cell for an alignment.
func delimiter(a east.Alignment) string {
	switch a {
	case east.AlignLeft:
		return ":---"
	case east.AlignRight:
		return "---:"
	case east.AlignCenter:
		return ":---:"
	}
	return "---"
}

func (w *mdWriter) footnotes(n *east.FootnoteList) string {
	var out []string
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		fn, ok := c.(*east.Footnote)
		if !ok {
			continue
		}
		head := "[^" + w.h.footnote + w.notes[fn.Index] + "]: "
		out = append(out, strings.TrimRight(prefixLines(w.blocks(fn, "\n\n"), head, "    "), " "))
	}
	return strings.Join(out, "\n\n")
}

// footnoteLabel keeps a footnote's label when it is letters, digits, - and _ only.
func footnoteLabel(ref []byte, index int) string {
	ok := len(ref) > 0
	for _, r := range string(ref) {
		ok = ok && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_')
	}
	if ok {
		return string(ref)
	}
	return "n" + strconv.Itoa(index)
}

// prefixLines puts first before the first line of s and rest before every other
// non-blank one (a blank line inside a quote gets a bare «>»).
func prefixLines(s, first, rest string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		p := rest
		if i == 0 {
			p = first
		}
		if l == "" {
			p = strings.TrimRight(p, " ")
		}
		lines[i] = p + l
	}
	return strings.Join(lines, "\n")
}

func longestRun(s string, c byte) int {
	best, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			run++
			best = max(best, run)
		} else {
			run = 0
		}
	}
	return best
}

// Where inline content is written: a paragraph's lines, a heading or a table cell (both
// one line, and a cell escapes | even inside code).
const (
	inlineBlock = iota
	inlineHeading
	inlineCell
)

// inlines writes the inline children of n.
func (w *mdWriter) inlines(n ast.Node, where int) string {
	t := &mdText{lineStart: where == inlineBlock, oneLine: where != inlineBlock, heading: where == inlineHeading,
		cell: where == inlineCell}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.inline(t, c)
	}
	out := t.String()
	for {
		switch {
		case strings.HasSuffix(out, "\\\n"): // a hard break ends nothing
			out = out[:len(out)-2]
		case strings.HasSuffix(out, "\n"), strings.HasSuffix(out, " "):
			out = out[:len(out)-1]
		default:
			return out
		}
	}
}

func (w *mdWriter) inline(t *mdText, n ast.Node) {
	switch n := n.(type) {
	case *ast.Text:
		t.bytes(unescape(n.Segment.Value(w.src)))
		switch {
		case n.HardLineBreak() && !t.oneLine:
			t.raw("\\\n")
		case n.SoftLineBreak() || n.HardLineBreak():
			t.lineBreak()
		}
	case *ast.String:
		t.bytes(unescape(n.Value))
	case *ast.CodeSpan:
		var b strings.Builder
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				b.Write(c.Segment.Value(w.src))
			case *ast.String:
				b.Write(c.Value)
			}
		}
		t.code(b.String())
	case *ast.Emphasis:
		d := strings.Repeat("*", n.Level)
		t.raw(d)
		w.children(t, n)
		t.raw(d)
	case *east.Strikethrough:
		t.raw("~~")
		w.children(t, n)
		t.raw("~~")
	case *ast.Link:
		w.link(t, func() { w.children(t, n) }, string(util.URLEscape(n.Destination, true)), n.Title)
	case *ast.AutoLink:
		url := string(n.URL(w.src))
		if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(url), "mailto:") {
			url = "mailto:" + url
		}
		label := string(n.Label(w.src))
		w.link(t, func() { t.text(label) }, string(util.URLEscape([]byte(url), false)), nil)
	case *ast.RawHTML:
		for i := 0; i < n.Segments.Len(); i++ {
			seg := n.Segments.At(i)
			t.text(string(seg.Value(w.src)))
		}
	case *east.TaskCheckBox:
		if n.IsChecked {
			t.raw("[x] ")
		} else {
			t.raw("[ ] ")
		}
	case *east.FootnoteLink:
		start := t.lineStart
		t.raw("[^" + w.h.footnote + w.notes[n.Index] + "]")
		t.colon = start
	case *east.FootnoteBacklink:
	case *MeasureRef:
		if w.h.ref != nil {
			t.raw(w.h.ref(n))
		} else {
			t.text("[[" + n.ID + "]]")
		}
	default: // an image NewSafeLinks left, or a node samvirke does not know: its text
		if n.HasChildren() {
			w.children(t, n)
		}
	}
}

func (w *mdWriter) children(t *mdText, n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.inline(t, c)
	}
}

// link writes [text](dest "title"), or only the text when dest is not safe.
func (w *mdWriter) link(t *mdText, text func(), dest string, title []byte) {
	if !SafeURL(dest) {
		text()
		return
	}
	t.raw("[")
	text()
	d := destEscaper.Replace(dest)
	if strings.ContainsAny(d, "()") {
		d = "<" + d + ">" // parentheses stay as they are between brackets
	}
	t.raw("](" + d)
	if len(title) > 0 {
		t.raw(` "` + titleEscaper.Replace(string(unescape(title))) + `"`)
	}
	t.raw(")")
}

var (
	// destEscaper percent-encodes what would end or change a link destination; & becomes
	// an entity, so a reader resolves it back to the very URL SafeURL accepted.
	destEscaper = strings.NewReplacer(" ", "%20", "<", "%3C", ">", "%3E", `\`, "%5C", `"`, "%22",
		"|", "%7C", "`", "%60", "&", "&amp;", "\n", "", "\r", "")
	titleEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "&", "&amp;", "<", "&lt;", ">", "&gt;", "\n", " ", "\r", " ")
)

// unescape resolves backslash escapes and character references as a renderer does.
func unescape(b []byte) []byte {
	if bytes.IndexByte(b, '\\') < 0 && bytes.IndexByte(b, '&') < 0 {
		return b
	}
	return util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(b)))
}
