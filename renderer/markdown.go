package renderer

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/samvirke/samvirke/measures"
)

// Field is a labelled value of a measure, in Norwegian.
type Field struct{ Label, Value string }

// Fields returns the measure's fields as a reader sees them: kind, status, area, chapter,
// owners (lead marked), progress, due date, revision, source.
func Fields(c *measures.Content, m *measures.Measure) []Field {
	area := m.Area
	if a := c.Area(m.Area); a != nil {
		area = fmt.Sprintf("%d. %s", a.Number, a.Title)
	}
	fs := []Field{{"Type", m.Kind.Label()}, {"Status", m.Status.Label()}, {"Innsatsområde", area}}
	if ch := c.ChapterRef(m.Chapter); ch != nil {
		fs = append(fs, Field{"Kapittel", fmt.Sprintf("%d. %s", ch.Number, ch.Title)})
	}
	fs = append(fs, Field{"Eiere", OwnerNames(c, m.Owners)})
	if m.Progress != nil {
		fs = append(fs, Field{"Framdrift", strconv.Itoa(*m.Progress) + " %"})
	}
	if m.Due != nil {
		fs = append(fs, Field{"Frist", m.Due.Norwegian()})
	}
	if m.Revision != "" {
		fs = append(fs, Field{"Revisjon", m.Revision.Label()})
	}
	if m.Source != "" {
		fs = append(fs, Field{"Kilde", m.Source})
	}
	return fs
}

// OwnerNames lists the owners' full names, the lead marked «(ansvarlig)».
func OwnerNames(c *measures.Content, ids []string) string {
	var names []string
	for i, id := range ids {
		name := id
		if o := c.Owner(id); o != nil {
			name = o.Name
		}
		if i == 0 && len(ids) > 1 {
			name += " (ansvarlig)"
		}
		names = append(names, name)
	}
	return strings.Join(names, ", ")
}

// ItemText returns an input item's text on one line, or «(finnes ikke)».
func ItemText(c *measures.Content, id string) string {
	if it := c.Item(id); it != nil {
		return strings.ReplaceAll(it.Text, "\n", " ")
	}
	return "(finnes ikke)"
}

// LogLine formats a log entry's heading: date, new status, author.
func LogLine(e measures.LogEntry) string {
	s := e.Date.Norwegian()
	if e.Status != "" {
		s += " – status: " + e.Status.Label()
	}
	if e.By != "" {
		s += " (" + e.By + ")"
	}
	return s
}

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

// MeasureMarkdown writes one measure as GFM: heading, a field table, the text, the log
// and the linked inputs with their text. The measure's own Markdown body is written out
// again from its parse tree as the strategy's is (see parsed.markdown), its headings
// under the measure's; titles, fields, notes and input texts are escaped.
func MeasureMarkdown(w io.Writer, c *measures.Content, m *measures.Measure) {
	fmt.Fprintf(w, "## %s %s\n\n", escapeHeading(m.ID), escapeHeading(m.Title))
	fmt.Fprintln(w, "| Felt | Verdi |\n|---|---|")
	for _, f := range Fields(c, m) {
		fmt.Fprintf(w, "| %s | %s |\n", f.Label, Escape(f.Value))
	}
	body := parse(newMarkdown(c, nil), m.Text, newHeadingIDs(), "")
	body.shiftHeadings(2)
	fmt.Fprintf(w, "\n%s\n", body.markdown(mdHooks{ref: func(n *MeasureRef) string { return plainRef(c, n.ID) }}))
	if len(m.Log) > 0 {
		fmt.Fprintln(w, "\n### Logg")
		fmt.Fprintln(w)
		for _, e := range m.Log {
			fmt.Fprintf(w, "- **%s**: %s\n", Escape(LogLine(e)), Escape(e.Note))
		}
	}
	if len(m.Inputs) > 0 {
		fmt.Fprintln(w, "\n### Innspill fra Åpen arena")
		fmt.Fprintln(w)
		for _, id := range m.Inputs {
			fmt.Fprintf(w, "- %s %s\n", codeSpan(id), Escape(ItemText(c, id)))
		}
	}
}

// plainRef is a [[T14]] reference as text: the measure's id and title, or the
// reference as written when there is no such measure.
func plainRef(c *measures.Content, id string) string {
	if m := c.Measure(id); m != nil {
		return Escape(m.ID + " " + m.Title)
	}
	return Escape("[[" + id + "]]")
}

// DiffMarkdown writes a diff as a GFM summary for a pull-request comment; since and
// until are the revisions compared, "" for until the working tree.
func DiffMarkdown(w io.Writer, d *measures.Diff, since, until string) {
	to := "arbeidskopien"
	if until != "" {
		to = codeSpan(until)
	}
	fmt.Fprintf(w, "### Endringer fra %s til %s\n\n", codeSpan(since), to)
	if d.Empty() {
		fmt.Fprintln(w, "Ingen endringer i innholdet.")
		return
	}
	if len(d.Added)+len(d.Removed)+len(d.Renamed) > 0 {
		fmt.Fprintln(w, "| | Tiltak | Tittel | Status |\n|---|---|---|---|")
		for _, m := range d.Added {
			fmt.Fprintf(w, "| nytt | %s | %s | %s |\n", Escape(m.ID), Escape(m.Title), m.Status.Label())
		}
		for _, m := range d.Removed {
			fmt.Fprintf(w, "| fjernet | %s | %s | %s |\n", Escape(m.ID), Escape(m.Title), m.Status.Label())
		}
		for _, r := range d.Renamed {
			fmt.Fprintf(w, "| ny id | %s → %s | | |\n", Escape(r.From), Escape(r.To))
		}
		fmt.Fprintln(w)
	}
	if len(d.Changed) > 0 {
		fmt.Fprintln(w, "| Tiltak | Tittel | Endringer |\n|---|---|---|")
		for _, c := range d.Changed {
			fmt.Fprintf(w, "| %s | %s | %s |\n", Escape(c.ID), Escape(c.Title), Escape(strings.Join(c.Changes, ", ")))
		}
		fmt.Fprintln(w)
	}
	for _, g := range d.Groups {
		state := "endret"
		if g.New {
			state = "ny"
		} else if g.Removed {
			state = "fjernet"
		}
		fmt.Fprintf(w, "- Innspillsgruppe %s (%s): %s\n", Escape(g.ID), state, Escape(g.Title))
	}
}
