package measures

import (
	"fmt"
	"strings"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v4"
)

// UnsafeRune reports whether r may not appear in content, because a terminal, a
// spreadsheet or a text viewer acts on it instead of showing it: the C0 controls
// U+0000–U+001F other than tab and line feed (so a lone carriage return too; CRLF line
// ends are turned into LF before the check), DEL U+007F, the C1 controls U+0080–U+009F,
// and the bidirectional embeddings, overrides and isolates U+202A–U+202E and
// U+2066–U+2069 («Trojan Source»). The same set is what [Inert] makes visible.
func UnsafeRune(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return false
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// Inert returns s with every [UnsafeRune] replaced by a visible escape (\x1b, \u202e),
// so text from content, which comes from pull requests, can be printed to a terminal, a
// CSV file or a log without acting on it. Tab and line feed are kept; invalid UTF-8
// becomes U+FFFD.
func Inert(s string) string {
	if !strings.ContainsFunc(s, UnsafeRune) && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		switch {
		case !UnsafeRune(r):
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	return b.String()
}

var unsafeNames = map[rune]string{
	0x00: "NUL", 0x07: "BEL", 0x08: "BS", 0x0b: "VT", 0x0c: "FF", 0x0d: "CR", 0x1b: "ESC",
	0x7f: "DEL", 0x85: "NEL", 0x9b: "CSI", 0x9d: "OSC",
	0x202a: "LRE", 0x202b: "RLE", 0x202c: "PDF", 0x202d: "LRO", 0x202e: "RLO",
	0x2066: "LRI", 0x2067: "RLI", 0x2068: "FSI", 0x2069: "PDI",
}

// unsafeMsg explains in Norwegian why r is refused; more is how many other unsafe
// characters follow in the same value or line.
func unsafeMsg(r rune, more int) string {
	name := fmt.Sprintf("U+%04X", r)
	if n, ok := unsafeNames[r]; ok {
		name += " (" + n + ")"
	}
	var msg string
	if r >= 0x202a {
		msg = "inneholder retningstegnet " + name + ", som kan vise teksten i en annen rekkefølge enn den står i filen"
	} else {
		msg = "inneholder styretegnet " + name + ", som kan styre terminalen eller regnearket til den som leser"
	}
	switch {
	case more == 1:
		msg += " (og 1 slikt tegn til)"
	case more > 1:
		msg += fmt.Sprintf(" (og %d slike tegn til)", more)
	}
	return msg + "; fjern det (tabulator og linjeskift er tillatt)"
}

// maxUnsafeReports caps the errors one file gets for unsafe characters: a file full of
// them gets this many and a summary, not one error per character.
const maxUnsafeReports = 10

// unsafeHit is an unsafe character in a file: where, which, and how many more follow on
// its line.
type unsafeHit struct {
	Pos
	r    rune
	more int
}

// scanUnsafe finds the unsafe characters of src (one hit per line, positions 1-based
// in runes, as go-yaml counts columns) and returns src with each replaced by U+FFFD, so
// a parser reads on and the file's other problems are reported too.
func scanUnsafe(src string) (string, []unsafeHit) {
	if !strings.ContainsFunc(src, UnsafeRune) {
		return src, nil
	}
	var hits []unsafeHit
	lines := strings.SplitAfter(src, "\n")
	for i, line := range lines {
		col := 0
		for _, r := range line {
			col++
			if !UnsafeRune(r) {
				continue
			}
			if n := len(hits); n > 0 && hits[n-1].Line == i+1 {
				hits[n-1].more++
				continue
			}
			hits = append(hits, unsafeHit{Pos: Pos{Line: i + 1, Col: col}, r: r})
		}
	}
	clean := strings.Map(func(r rune) rune {
		if UnsafeRune(r) {
			return '\uFFFD'
		}
		return r
	}, src)
	return clean, hits
}

// reportHits adds an error for each hit (capped at maxUnsafeReports), at pos(hit) with
// the key key(hit).
func reportHits(c *errs, hits []unsafeHit, relative bool, key func(Pos) string) {
	for i, h := range hits {
		if i == maxUnsafeReports {
			c.addAt(ErrUnsafeText, Pos{}, "", "%s til har styretegn eller retningstegn", plural(len(hits)-i, "linje", "linjer"))
			return
		}
		p := h.Pos
		if relative && c.offset > 0 {
			p.Line += c.offset
		}
		c.addAt(ErrUnsafeText, p, key(h.Pos), "%s", unsafeMsg(h.r, h.more))
	}
}

// checkBody reports the unsafe characters of a Markdown body that starts on line
// bodyLine of the file.
func checkBody(c *errs, body string, bodyLine int) {
	_, hits := scanUnsafe(body)
	for i := range hits {
		hits[i].Line += bodyLine - 1
	}
	reportHits(c, hits, false, func(Pos) string { return "text" })
}

// checkYAMLText reports the unsafe characters of YAML: hits, found in the raw text by
// scanUnsafe, named by the key they stand under in root; and characters written as
// escapes ("\e", "\u202e") in quoted scalars, found in root's decoded values. root may
// be nil when the YAML did not parse.
func checkYAMLText(c *errs, root *yaml.Node, hits []unsafeHit) {
	if len(hits) == 0 && (root == nil || !hasUnsafeValue(root)) {
		return // the common case: nothing to name, so no key paths to build
	}
	var nodes []keyedNode
	if root != nil {
		nodes = walkYAML(root, "", nil)
	}
	reportHits(c, hits, true, func(p Pos) string { return keyAt(nodes, p) })
	reported := 0
	for _, kn := range nodes {
		i := strings.IndexFunc(kn.n.Value, UnsafeRune)
		if kn.n.Kind != yaml.ScalarNode || i < 0 {
			continue
		}
		if reported++; reported > maxUnsafeReports {
			return
		}
		r, _ := utf8.DecodeRuneInString(kn.n.Value[i:])
		c.add(ErrUnsafeText, posOf(kn.n), kn.key, "%s", unsafeMsg(r, countUnsafe(kn.n.Value)-1))
	}
}

// hasUnsafeValue reports whether a scalar under n holds an unsafe rune.
func hasUnsafeValue(n *yaml.Node) bool {
	if n.Kind == yaml.ScalarNode && strings.ContainsFunc(n.Value, UnsafeRune) {
		return true
	}
	for _, ch := range n.Content {
		if hasUnsafeValue(ch) {
			return true
		}
	}
	return false
}

func countUnsafe(s string) int {
	n := 0
	for _, r := range s {
		if UnsafeRune(r) {
			n++
		}
	}
	return n
}

// keyedNode is a YAML node with the path of the key it stands under (title,
// log[2].note, owners[0]).
type keyedNode struct {
	key string
	n   *yaml.Node
}

// walkYAML lists the nodes under n in document order, keys and values alike. The items
// of a top-level list (owners.yaml, events.yaml) get no index: the line tells which.
func walkYAML(n *yaml.Node, key string, out []keyedNode) []keyedNode {
	switch n.Kind {
	case yaml.DocumentNode:
		for _, ch := range n.Content {
			out = walkYAML(ch, key, out)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i].Value
			if key != "" {
				k = key + "." + k
			}
			out = append(out, keyedNode{k, n.Content[i]})
			out = walkYAML(n.Content[i+1], k, out)
		}
	case yaml.SequenceNode:
		for i, ch := range n.Content {
			k := ""
			if key != "" {
				k = fmt.Sprintf("%s[%d]", key, i)
			}
			out = walkYAML(ch, k, out)
		}
	default:
		out = append(out, keyedNode{key, n})
	}
	return out
}

// keyAt returns the key of the last node that starts at or before p.
func keyAt(nodes []keyedNode, p Pos) string {
	key := ""
	for _, kn := range nodes {
		if kn.n.Line > p.Line || (kn.n.Line == p.Line && kn.n.Column > p.Col) {
			break
		}
		key = kn.key
	}
	return key
}

// plural writes n with the singular or plural noun: «1 linje», «2 linjer».
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// FormulaSafe returns s for a CSV cell, as OWASP's «CSV Injection» advises: Inert, and
// led by a single quote when it starts with a character a spreadsheet reads as the start
// of a formula (= + - @, tab, carriage return, and the full-width ＝ ＋ － ＠), so the
// cell shows as text and runs nothing. The quote is visible in the sheet.
func FormulaSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r＝＋－＠", []rune(s)[0]) {
		s = "'" + s
	}
	return Inert(s)
}
