package measures

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v4"
)

// MaxFileSize is the largest content file samvirke reads.
const MaxFileSize = 1 << 20

var bom = []byte("\xef\xbb\xbf")

// document is a content file split into its front matter and body.
type document struct {
	root     *yaml.Node // the front matter mapping; nil if it did not parse
	body     string     // Markdown body, LF line endings
	bodyLine int        // line of the file where the body starts (1-based)
}

// normalize checks size and encoding, drops a BOM and turns CRLF into LF.
func normalize(c *errs, data []byte) ([]byte, bool) {
	if len(data) > MaxFileSize {
		c.add(ErrTooLarge, Pos{}, "", "filen er %d byte; største tillatte størrelse er %d byte (1 MiB)", len(data), MaxFileSize)
		return nil, false
	}
	data = bytes.TrimPrefix(data, bom)
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:firstInvalid(data)], []byte("\n"))
		c.add(ErrEncoding, Pos{Line: line}, "", "filen er ikke gyldig UTF-8; lagre den som UTF-8")
		return nil, false
	}
	if bytes.Contains(data, []byte("\r")) {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	}
	if !checkConflictMarkers(c, data) {
		return nil, false
	}
	return data, true
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// parseDocument is the steps every Markdown file of content/ is parsed in: split the
// front matter from the body, then decode the two into a record; every error found on
// the way is returned together, each with its file and position.
func parseDocument(file string, data []byte, decode func(*errs, document)) error {
	c := &errs{file: file}
	if doc, ok := splitDocument(c, data); ok {
		decode(c, doc)
	}
	return c.result()
}

// splitDocument parses front matter between two --- lines and returns the document.
// Line numbers of YAML errors are shifted by the opening --- line.
func splitDocument(c *errs, data []byte) (document, bool) {
	data, ok := normalize(c, data)
	if !ok {
		return document{}, false
	}
	s := string(data)
	if !strings.HasPrefix(s, "---\n") {
		c.add(ErrSyntax, Pos{Line: 1, Col: 1}, "", "filen må begynne med en linje «---» (front matter)")
		return document{}, false
	}
	rest := s[4:]
	var body string
	end := -1
	if strings.HasPrefix(rest, "---\n") || rest == "---" {
		end = 0
	} else if i := strings.Index(rest, "\n---\n"); i >= 0 {
		end = i + 1
	} else if strings.HasSuffix(rest, "\n---") {
		end = len(rest) - 3
	}
	if end < 0 {
		c.add(ErrSyntax, Pos{Line: 1, Col: 1}, "", "front matter avsluttes ikke: mangler en linje «---» etter nøklene")
		return document{}, false
	}
	fm := rest[:end]
	body = strings.TrimPrefix(rest[end:], "---")
	body = strings.TrimPrefix(body, "\n")
	bodyLine := 2 + strings.Count(fm, "\n") + 1
	c.offset = 1
	checkBody(c, body, bodyLine)
	fm, hits := scanUnsafe(fm)
	var n *yaml.Node
	ok = false
	if fastFrontMatter {
		n, ok = fastYAML(fm)
	}
	if !ok {
		n, ok = loadYAML(c, []byte(fm))
	}
	if !ok {
		checkYAMLText(c, nil, hits)
		return document{body: body, bodyLine: bodyLine}, false
	}
	checkYAMLText(c, n, hits)
	doc := document{body: body, bodyLine: bodyLine}
	if n.Kind == 0 {
		n = &yaml.Node{Kind: yaml.MappingNode, Line: 1, Column: 1}
	}
	if n.Kind != yaml.MappingNode {
		c.add(ErrSyntax, Pos{Line: n.Line, Col: n.Column}, "", "front matter må være nøkler med verdier (key: value)")
		return doc, false
	}
	doc.root = n
	return doc, true
}

// mapping reads the keys of one YAML mapping against a fixed key set, reporting unknown
// and duplicate keys, so the typed getters see each known key once.
type mapping struct {
	c      *errs
	prefix string
	node   *yaml.Node
	vals   map[string]*yaml.Node
}

func readMapping(c *errs, n *yaml.Node, prefix string, known []string) *mapping {
	m := &mapping{c: c, prefix: prefix, node: n, vals: map[string]*yaml.Node{}}
	if n.Kind != yaml.MappingNode {
		c.add(ErrInvalidValue, posOf(n), strings.TrimSuffix(prefix, "."), "forventet nøkler med verdier (key: value)")
		return m
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		name := k.Value
		if !contains(known, name) {
			c.add(ErrUnknownKey, posOf(k), prefix+name, "ukjent nøkkel%s Gyldige nøkler: %s", didYouMeanKey(name, known), strings.Join(known, ", "))
			continue
		}
		if _, dup := m.vals[name]; dup {
			c.add(ErrDuplicate, posOf(k), prefix+name, "nøkkelen står to ganger")
			continue
		}
		m.vals[name] = v
	}
	return m
}

func didYouMeanKey(name string, known []string) string {
	if s := suggest(name, known); s != "" {
		return "; mente du «" + s + "»?"
	}
	return "."
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func posOf(n *yaml.Node) Pos { return Pos{Line: n.Line, Col: n.Column} }

// keyPos returns the position of the value of key, or of the mapping when absent.
func (m *mapping) pos(key string) Pos {
	if v, ok := m.vals[key]; ok {
		return posOf(v)
	}
	return posOf(m.node)
}

func isNull(v *yaml.Node) bool {
	return v.Kind == yaml.ScalarNode && (v.Tag == "!!null" || (v.Value == "" && v.Style == 0 && v.Tag != "!!str"))
}

func (m *mapping) scalar(key string) (*yaml.Node, bool) {
	v, ok := m.vals[key]
	if !ok || isNull(v) {
		return nil, false
	}
	if v.Kind != yaml.ScalarNode {
		m.c.add(ErrInvalidValue, posOf(v), m.prefix+key, "forventet en enkelt verdi, ikke en liste eller tabell")
		return nil, false
	}
	return v, true
}

// str returns a string value; required keys must be present and non-empty.
func (m *mapping) str(key string, required bool) string {
	v, ok := m.scalar(key)
	if !ok {
		if required {
			if _, present := m.vals[key]; present {
				m.c.add(ErrMissingKey, m.pos(key), m.prefix+key, "verdien mangler")
			} else {
				m.c.add(ErrMissingKey, m.pos(key), m.prefix+key, "nøkkelen mangler")
			}
		}
		return ""
	}
	s := strings.TrimSpace(v.Value)
	if s == "" && required {
		m.c.add(ErrMissingKey, posOf(v), m.prefix+key, "verdien er tom")
	}
	return s
}

// integer returns an int value within [lo, hi]; ok is false when absent or invalid.
func (m *mapping) integer(key string, required bool, lo, hi int) (int, bool) {
	v, ok := m.scalar(key)
	if !ok {
		if required {
			m.c.add(ErrMissingKey, m.pos(key), m.prefix+key, "nøkkelen mangler")
		}
		return 0, false
	}
	n, err := strconv.Atoi(v.Value)
	if err != nil || v.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		m.c.add(ErrInvalidValue, posOf(v), m.prefix+key, "«%s» er ikke et heltall", v.Value)
		return 0, false
	}
	if n < lo || n > hi {
		m.c.add(ErrInvalidValue, posOf(v), m.prefix+key, "%d er utenfor tillatt område %d–%d", n, lo, hi)
		return 0, false
	}
	return n, true
}

// date returns a YYYY-MM-DD value.
func (m *mapping) date(key string, required bool) (Date, bool) {
	v, ok := m.scalar(key)
	if !ok {
		if required {
			m.c.add(ErrMissingKey, m.pos(key), m.prefix+key, "nøkkelen mangler")
		}
		return Date{}, false
	}
	d, err := ParseDate(v.Value)
	if err != nil {
		m.c.add(ErrInvalidValue, posOf(v), m.prefix+key, "«%s» er ikke en gyldig dato; skriv ÅÅÅÅ-MM-DD, f.eks. 2026-03-01", v.Value)
		return Date{}, false
	}
	return d, true
}

// list returns the items of a sequence value; a single scalar is accepted as a
// one-element list.
func (m *mapping) list(key string) []*yaml.Node {
	v, ok := m.vals[key]
	if !ok || isNull(v) {
		return nil
	}
	switch v.Kind {
	case yaml.SequenceNode:
		return v.Content
	case yaml.ScalarNode:
		return []*yaml.Node{v}
	}
	m.c.add(ErrInvalidValue, posOf(v), m.prefix+key, "forventet en liste")
	return nil
}

// filePos returns the position of key's value in the file (front matter lines shifted).
func (m *mapping) filePos(key string) Pos {
	p := m.pos(key)
	if p.Line > 0 {
		p.Line += m.c.offset
	}
	return p
}

// strList returns a list of strings with their positions in the file.
func (m *mapping) strList(key string) ([]string, []Pos) {
	var out []string
	var pos []Pos
	for i, n := range m.list(key) {
		if n.Kind != yaml.ScalarNode || strings.TrimSpace(n.Value) == "" {
			m.c.add(ErrInvalidValue, posOf(n), fmt.Sprintf("%s%s[%d]", m.prefix, key, i), "forventet en tekstverdi")
			continue
		}
		out = append(out, strings.TrimSpace(n.Value))
		p := posOf(n)
		p.Line += m.c.offset
		pos = append(pos, p)
	}
	return out, pos
}
