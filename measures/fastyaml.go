package measures

import (
	"strings"
	"time"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v4"
)

// fastFrontMatter turns the fast path on; tests turn it off to compare.
var fastFrontMatter = true

// fastYAML is a fast path for front matter in the canonical form [Measure.Encode] and
// friends write: block mappings and sequences indented with spaces, plain scalars that
// plainly are strings, integers or dates, double- and single-quoted one-line strings, and
// literal blocks (| and |-). It builds the same yaml.Node tree go-yaml's Load would, with
// the same kinds, styles, tags, values, lines and columns, about four times faster and
// with a tenth of the allocations (BenchmarkFrontMatter). On anything else (comments,
// flow collections, anchors, tags, folded or multi-line scalars, tabs, unusual
// characters, empty values, syntax errors) it reports false and the caller uses go-yaml,
// which also gives the error messages. FuzzFastYAML checks it against go-yaml: the same
// tree, or a fallback.
func fastYAML(src string) (*yaml.Node, bool) {
	if !fastChars(src) || src == "" || !strings.HasSuffix(src, "\n") {
		return nil, false
	}
	p := &fastParser{lines: strings.Split(src[:len(src)-1], "\n")}
	p.slab = make([]yaml.Node, 0, 2*len(p.lines)+8)
	n, ok := p.mapping(0, p.lines[0])
	if !ok || p.i != len(p.lines) {
		return nil, false
	}
	return n, true
}

// fastChars rejects what the fast path does not handle: control characters and tabs,
// the line breaks YAML knows besides LF (NEL, LS, PS), BOMs and non-characters.
func fastChars(s string) bool {
	for i := 0; i < len(s); i++ {
		b := s[i]
		switch {
		case b < 0x20 && b != '\n', b == 0x7f:
			return false
		case b == 0xc2:
			if i+1 < len(s) && s[i+1] < 0xa0 {
				return false // C1 controls, NEL
			}
		case b == 0xe2:
			if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xa8 || s[i+2] == 0xa9) {
				return false // LS, PS
			}
		case b == 0xef:
			if i+2 < len(s) && ((s[i+1] == 0xbb && s[i+2] == 0xbf) || (s[i+1] == 0xbf && s[i+2] >= 0xbe)) {
				return false // BOM, U+FFFE, U+FFFF
			}
		}
	}
	return utf8.ValidString(s)
}

type fastParser struct {
	lines []string
	i     int         // the next line to read
	slab  []yaml.Node // nodes are allocated from here, a few allocations per file
}

func (p *fastParser) node(n yaml.Node) *yaml.Node {
	if len(p.slab) == cap(p.slab) {
		p.slab = make([]yaml.Node, 0, cap(p.slab))
	}
	p.slab = append(p.slab, n)
	return &p.slab[len(p.slab)-1]
}

func indentOf(line string) int {
	n := 0
	for n < len(line) && line[n] == ' ' {
		n++
	}
	return n
}

// mapping reads a block mapping whose keys start at column ind (0-based). Its first
// entry is first, which is the rest of line p.i from column ind (after "- " when the
// mapping is a sequence item).
func (p *fastParser) mapping(ind int, first string) (*yaml.Node, bool) {
	m := p.node(yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: p.i + 1, Column: ind + 1})
	text := first
	for {
		key, rest, ok := splitKey(text)
		if !ok {
			return nil, false
		}
		line := p.i + 1
		k := p.node(yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key, Line: line, Column: ind + 1})
		p.i++
		var v *yaml.Node
		col := ind + len(key) + 2 // 0-based column of the value
		switch {
		case rest == "":
			// A block collection on the following lines; only sequences are fast.
			if p.i >= len(p.lines) {
				return nil, false
			}
			next := p.lines[p.i]
			ni := indentOf(next)
			if ni <= ind || !strings.HasPrefix(next[ni:], "- ") {
				return nil, false
			}
			if v, ok = p.sequence(ni); !ok {
				return nil, false
			}
		case rest == " |" || rest == " |-":
			if v, ok = p.literal(ind, rest == " |-", line, col); !ok {
				return nil, false
			}
		case rest[0] == ' ':
			if v, ok = p.scalar(rest[1:], line, col); !ok {
				return nil, false
			}
		default:
			return nil, false
		}
		m.Content = append(m.Content, k, v)
		if p.i >= len(p.lines) {
			return m, true
		}
		next := p.lines[p.i]
		ni := indentOf(next)
		if ni < ind {
			return m, true
		}
		if ni > ind {
			return nil, false
		}
		text = next[ind:]
	}
}

// splitKey splits "key: rest" or "key:" into the key and what follows the colon. Keys
// are plain ASCII words of letters, digits, _ and -, not starting with a digit or -
// (ASCII, so byte and character columns agree).
func splitKey(text string) (key, rest string, ok bool) {
	colon := strings.IndexByte(text, ':')
	if colon <= 0 {
		return "", "", false
	}
	key, rest = text[:colon], text[colon+1:]
	if rest != "" && rest[0] != ' ' {
		return "", "", false
	}
	for i := 0; i < len(key); i++ {
		b := key[i]
		switch {
		case b >= 'a' && b <= 'z', b >= 'A' && b <= 'Z', b == '_':
		case (b >= '0' && b <= '9' || b == '-') && i > 0:
		default:
			return "", "", false
		}
	}
	if specialWord(key) {
		return "", "", false
	}
	return key, rest, true
}

// sequence reads a block sequence whose dashes are at column ind.
func (p *fastParser) sequence(ind int) (*yaml.Node, bool) {
	s := p.node(yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: p.i + 1, Column: ind + 1})
	for p.i < len(p.lines) {
		line := p.lines[p.i]
		li := indentOf(line)
		if li < ind {
			break
		}
		if li > ind || !strings.HasPrefix(line[li:], "- ") {
			return nil, false
		}
		item := line[ind+2:]
		var v *yaml.Node
		var ok bool
		if isKeyStart(item) {
			v, ok = p.mapping(ind+2, item)
		} else {
			v, ok = p.scalar(item, p.i+1, ind+2)
			p.i++
		}
		if !ok {
			return nil, false
		}
		s.Content = append(s.Content, v)
	}
	return s, true
}

// isKeyStart reports whether a sequence item starts a mapping ("key: …" or "key:").
func isKeyStart(item string) bool {
	_, _, ok := splitKey(item)
	return ok
}

// literal reads the lines of a literal block scalar (| or |-) under a key at column ind.
func (p *fastParser) literal(ind int, strip bool, line, col int) (*yaml.Node, bool) {
	if p.i >= len(p.lines) {
		return nil, false
	}
	bi := indentOf(p.lines[p.i])
	if bi <= ind || bi == len(p.lines[p.i]) {
		return nil, false // no content, or a leading blank line: let go-yaml decide
	}
	var b strings.Builder
	for p.i < len(p.lines) {
		l := p.lines[p.i]
		li := indentOf(l)
		if l != "" && li == len(l) {
			return nil, false // a line of spaces only
		}
		if l != "" && li < bi {
			break
		}
		if l != "" {
			b.WriteString(l[bi:])
		}
		b.WriteByte('\n')
		p.i++
	}
	v := strings.TrimRight(b.String(), "\n")
	if !strip {
		v += "\n"
	}
	return p.node(yaml.Node{Kind: yaml.ScalarNode, Style: yaml.LiteralStyle, Tag: "!!str", Value: v, Line: line, Column: col + 1}), true
}

// scalar reads a one-line scalar starting at 0-based column col of line line.
func (p *fastParser) scalar(s string, line, col int) (*yaml.Node, bool) {
	if s == "" {
		return nil, false
	}
	n := yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Line: line, Column: col + 1}
	var ok bool
	switch s[0] {
	case '"':
		n.Style = yaml.DoubleQuotedStyle
		n.Value, ok = doubleQuoted(s)
	case '\'':
		n.Style = yaml.SingleQuotedStyle
		n.Value, ok = singleQuoted(s)
	default:
		n.Value = s
		n.Tag, ok = plainTag(s)
	}
	if !ok {
		return nil, false
	}
	return p.node(n), true
}

func doubleQuoted(s string) (string, bool) {
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch c {
		case '"':
			if i != len(s)-1 {
				return "", false
			}
			return b.String(), true
		case '\\':
			if i+1 >= len(s) {
				return "", false
			}
			i++
			switch s[i] {
			case '"', '\\', '/':
				b.WriteByte(s[i])
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			default:
				return "", false
			}
		default:
			b.WriteByte(c)
		}
	}
	return "", false
}

func singleQuoted(s string) (string, bool) {
	if len(s) < 2 || s[len(s)-1] != '\'' {
		return "", false
	}
	inner := s[1 : len(s)-1]
	for i := 0; i < len(inner); i++ {
		if inner[i] == '\'' {
			if i+1 >= len(inner) || inner[i+1] != '\'' {
				return "", false
			}
			i++
		}
	}
	return strings.ReplaceAll(inner, "''", "'"), true
}

// plainTag returns the tag go-yaml resolves a plain scalar to, for the scalars the fast
// path takes: words (starting with a letter) are strings, digits are integers, and
// YYYY-MM-DD is a timestamp when it is a valid date.
func plainTag(s string) (string, bool) {
	if s[len(s)-1] == ' ' || s[len(s)-1] == ':' || strings.Contains(s, ": ") || strings.Contains(s, " #") {
		return "", false
	}
	c := s[0]
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= 0x80:
		if specialWord(s) {
			return "", false
		}
		return "!!str", true
	case c >= '1' && c <= '9' || s == "0":
		if allDigits(s) && len(s) <= 18 {
			return "!!int", true
		}
		if len(s) == 10 && s[4] == '-' && s[7] == '-' && allDigits(s[:4]) && allDigits(s[5:7]) && allDigits(s[8:]) {
			if _, err := time.Parse("2006-01-02", s); err == nil {
				return "!!timestamp", true
			}
			return "!!str", true
		}
	}
	return "", false
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// specialWord reports words YAML may resolve to something other than a string.
func specialWord(s string) bool {
	if len(s) > 5 {
		return false
	}
	switch strings.ToLower(s) {
	case "true", "false", "null", "yes", "no", "on", "off", "y", "n", "nan", "inf":
		return true
	}
	return false
}
