package measures

import (
	"iter"
	"path"
	"regexp"
	"strings"
)

// Chapter is one chapter of the strategy text in content/strategy, in the order of its
// file name (00-foreword.md, 01-summary.md …).
type Chapter struct {
	ID     string `json:"id"`
	Number int    `json:"number"` // 0 for an unnumbered chapter such as the foreword
	Title  string `json:"title"`
	Text   string `json:"text"` // Markdown, with [[T14]] references and ::: tiltak directives
	File   string `json:"-"`
	// BodyLine is the line of the file where Text starts.
	BodyLine int `json:"-"`
	pos      map[string]Pos
}

// Reference syntax in the strategy text, shared with the renderer.
var (
	// RefPattern matches an inline measure reference such as [[T14]].
	RefPattern = regexp.MustCompile(`\[\[([A-Za-z0-9-]+)\]\]`)
	// DirectivePattern matches a block directive line: ::: tiltak T02 T03 | area=<id> | chapter=<id>.
	DirectivePattern = regexp.MustCompile(`^::: *tiltak((?: +\S+)*) *$`)
)

// Directive is a parsed ::: tiltak line: either explicit ids, or a selection by area or chapter.
type Directive struct {
	IDs     []string
	Area    string
	Chapter string
}

// ParseDirective parses the argument list of a ::: tiltak line.
func ParseDirective(line string) (Directive, bool) {
	m := DirectivePattern.FindStringSubmatch(strings.TrimSpace(line))
	if m == nil {
		return Directive{}, false
	}
	var d Directive
	for _, f := range strings.Fields(m[1]) {
		switch {
		case strings.HasPrefix(f, "area="):
			d.Area = strings.TrimPrefix(f, "area=")
		case strings.HasPrefix(f, "chapter="):
			d.Chapter = strings.TrimPrefix(f, "chapter=")
		default:
			d.IDs = append(d.IDs, f)
		}
	}
	return d, true
}

// DirectiveBody reports whether the ::: tiltak line that rest follows opens a block with
// its own text: the lines of rest up to a line that is only «:::», with no other ::: tiltak
// line before it (lines in fenced code blocks do not count). body is that text, the
// chapter's own wording for the measures the line names; end is the offset in rest just
// past the closing line. A ::: tiltak line without a closing «:::» stands alone, as before.
func DirectiveBody(rest string) (body string, end int, ok bool) {
	fence := false
	for at := 0; at < len(rest); {
		next := len(rest)
		if i := strings.IndexByte(rest[at:], '\n'); i >= 0 {
			next = at + i + 1
		}
		t := strings.TrimSpace(rest[at:next])
		switch {
		case strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~"):
			fence = !fence
		case fence:
		case t == ":::":
			return rest[:at], next, true
		case DirectivePattern.MatchString(t):
			return "", 0, false
		}
		at = next
	}
	return "", 0, false
}

// Select returns the measures the directive names, in the directive's order for explicit
// ids and in id order for area and chapter selections.
func (d Directive) Select(c *Content) []*Measure {
	var out []*Measure
	for _, id := range d.IDs {
		if m := c.Measure(id); m != nil {
			out = append(out, m)
		}
	}
	if d.Area != "" || d.Chapter != "" {
		for _, m := range c.Measures {
			if (d.Area == "" || m.Area == d.Area) && (d.Chapter == "" || m.Chapter == d.Chapter) {
				out = append(out, m)
			}
		}
	}
	return out
}

var chapterKeys = []string{"id", "number", "title"}
var chapterFileRe = regexp.MustCompile(`^(\d{2})-([a-z0-9-]+)\.md$`)

// ParseChapter parses a strategy chapter file.
func ParseChapter(file string, data []byte) (*Chapter, error) {
	ch := &Chapter{File: file, pos: map[string]Pos{}}
	return ch, parseDocument(file, data, func(c *errs, doc document) { decodeChapter(c, doc, ch) })
}

func decodeChapter(c *errs, doc document, ch *Chapter) {
	f := readMapping(c, doc.root, "", chapterKeys)
	for k := range f.vals {
		ch.pos[k] = f.filePos(k)
	}
	ch.ID = f.str("id", true)
	ch.Number, _ = f.integer("number", true, 0, 1000)
	ch.Title = f.str("title", true)
	ch.Text = strings.TrimSpace(doc.body)
	ch.BodyLine = textLine(doc)
	if m := chapterFileRe.FindStringSubmatch(path.Base(ch.File)); m == nil {
		c.add(ErrFileName, Pos{Line: 1}, "", "kapittelfiler heter NN-<id>.md, f.eks. 03-public-health.md")
	} else if ch.ID != "" && m[2] != ch.ID {
		c.add(ErrFileName, f.pos("id"), "id", "id «%s» stemmer ikke med filnavnet «%s»", ch.ID, path.Base(ch.File))
	}
}

// outsideFences yields the lines (and their index) that are not in a fenced code block
// nor a fence line, where [[T14]] and ::: tiltak mean something.
func outsideFences(lines []string) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		fence := false
		for i, line := range lines {
			t := strings.TrimSpace(line)
			if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
				fence = !fence
				continue
			}
			if !fence && !yield(i, line) {
				return
			}
		}
	}
}

// scanRefs calls fn for each measure reference and directive id in the chapter text,
// with its line in the file. Fenced code blocks are skipped.
func (ch *Chapter) scanRefs(fn func(id string, line, col int, directive *Directive)) {
	for i, line := range outsideFences(strings.Split(ch.Text, "\n")) {
		lineNo := ch.BodyLine + i
		if d, ok := ParseDirective(strings.TrimSpace(line)); ok {
			for _, id := range d.IDs {
				fn(id, lineNo, strings.Index(line, id)+1, &d)
			}
			if d.Area != "" || d.Chapter != "" || len(d.IDs) == 0 {
				fn("", lineNo, 1, &d)
			}
			continue
		}
		for _, m := range RefPattern.FindAllStringSubmatchIndex(line, -1) {
			fn(line[m[2]:m[3]], lineNo, m[0]+1, nil)
		}
	}
}
