package renderer

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// Escape makes untrusted text safe as inline Markdown and in a table cell: no HTML, no
// links, no emphasis, no line breaks (CR and LF become spaces) and no «::» a CI runner
// would read as a workflow command.
func Escape(s string) string {
	if !strings.ContainsAny(s, mdSpecial) {
		return s
	}
	t := &mdText{oneLine: true}
	t.text(s)
	return t.String()
}

// mdSpecial holds every character mdText.text does more with than copy it.
const mdSpecial = "\\`*_[]|~<>&:#!\r\n\u2028\u2029\u0085\x00"

// escapeHeading is Escape for the text of a heading, where # is escaped too.
func escapeHeading(s string) string {
	t := &mdText{oneLine: true, heading: true}
	t.text(s)
	return t.String()
}

// mdText builds inline Markdown: text from content goes in through text, escaped; the
// Markdown samvirke makes around it through raw.
type mdText struct {
	b         strings.Builder
	lineStart bool // nothing but blanks written on this line yet
	oneLine   bool // a line break becomes a space (headings, table cells, fields)
	heading   bool // escape # too
	cell      bool // escape | inside code too
	colon     bool // a : next would make the footnote reference at the line's start a definition
}

func (t *mdText) String() string { return t.b.String() }

func (t *mdText) last() byte {
	if t.b.Len() == 0 {
		return 0
	}
	return t.b.String()[t.b.Len()-1]
}

// raw writes Markdown samvirke made.
func (t *mdText) raw(s string) {
	t.colon = false
	if strings.HasPrefix(s, "[") && t.last() == '!' { // text's «!» would make a link an image
		done := t.b.String()
		t.b.Reset()
		t.b.WriteString(done[:len(done)-1] + `\!`)
	}
	if s != "" {
		t.b.WriteString(s)
		t.lineStart = strings.HasSuffix(s, "\n")
	}
}

// lineBreak ends the line (a soft break), or writes a space on one line.
func (t *mdText) lineBreak() {
	if t.oneLine {
		t.b.WriteByte(' ')
		t.lineStart = false
		return
	}
	t.b.WriteByte('\n')
	t.lineStart = true
}

// text writes s escaped: every character that Markdown or HTML would act on is
// backslash-escaped or an entity, blanks at a line's start are dropped, and a line
// cannot start a block (#, -, +, =, 1.) nor anything start a workflow command (::).
func (t *mdText) text(s string) {
	defer func() { t.colon = false }()
	if s != "" && !t.lineStart && !t.colon && !strings.ContainsAny(s, mdSpecial) {
		t.b.WriteString(s)
		return
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\r' && strings.HasPrefix(s[i+1:], "\n"):
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' || r == '\u0085':
			t.lineBreak()
		case t.lineStart && (r == ' ' || r == '\t'):
		case t.lineStart && strings.ContainsRune("#-+=", r):
			t.b.WriteString(`\` + string(r))
			t.lineStart = false
		case t.lineStart && r >= '0' && r <= '9':
			j := i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			t.b.WriteString(s[i:j])
			if j < len(s) && (s[j] == '.' || s[j] == ')') {
				t.b.WriteString(`\` + s[j:j+1])
				j++
			}
			t.lineStart = false
			i = j
			continue
		default:
			t.rune(r)
			t.lineStart = false
		}
		i += size
	}
}

// bytes is text for a []byte, copied without a conversion when nothing needs escaping.
func (t *mdText) bytes(b []byte) {
	if len(b) > 0 && !t.lineStart && !t.colon && !bytes.ContainsAny(b, mdSpecial) {
		t.b.Write(b)
		return
	}
	t.text(string(b))
}

// rune writes one character of text escaped.
func (t *mdText) rune(r rune) {
	switch {
	case strings.ContainsRune("\\`*_[]|~", r), r == '#' && t.heading,
		r == ':' && (t.last() == ':' || t.colon):
		t.b.WriteByte('\\')
		t.b.WriteRune(r)
	case r == '<':
		t.b.WriteString("&lt;")
	case r == '>':
		t.b.WriteString("&gt;")
	case r == '&':
		t.b.WriteString("&amp;")
	case r == 0:
		t.b.WriteRune(utf8.RuneError)
	default:
		t.b.WriteRune(r)
	}
}

// code writes s as a code span, fenced with more backticks than it holds in a row.
func (t *mdText) code(s string) {
	s = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
	if t.cell {
		s = strings.ReplaceAll(s, "|", `\|`)
	}
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") || (strings.HasPrefix(s, " ") && strings.HasSuffix(s, " ") && strings.TrimSpace(s) != "") {
		s = " " + s + " "
	}
	fence := strings.Repeat("`", longestRun(s, '`')+1)
	t.raw(fence + s + fence)
}

// codeSpan is s as a code span on one line.
func codeSpan(s string) string {
	t := &mdText{oneLine: true}
	t.code(s)
	return t.String()
}
