package measures

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	yaml "go.yaml.in/yaml/v4"
)

// FuzzParseMeasure feeds arbitrary files to the front-matter parser: it must never panic,
// and whatever it accepts must encode to a canonical form that parses back to itself.
func FuzzParseMeasure(f *testing.F) {
	files, _ := filepath.Glob("testdata/parse/*.md")
	fmtFiles, _ := filepath.Glob("testdata/fmt/*.md")
	for _, p := range append(files, fmtFiles...) {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("---\n---\n"))
	f.Add([]byte("---\nlog: [{date: 2026-01-01, note: \"a\\nb\"}]\n---\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := ParseMeasure("content/measures/T14.md", data)
		if err != nil {
			return
		}
		enc := m.Encode()
		m2, err := ParseMeasure("content/measures/T14.md", enc)
		if err != nil {
			t.Fatalf("canonical form of an accepted file does not parse: %v\n%s", err, enc)
		}
		if enc2 := m2.Encode(); !bytes.Equal(enc, enc2) {
			t.Fatalf("canonical form is not stable:\n%s\n---\n%s", enc, enc2)
		}
	})
}

// FuzzParseGroup does the same for input group files.
func FuzzParseGroup(f *testing.F) {
	data, _ := os.ReadFile("testdata/fmt/group.in.md")
	f.Add(data)
	f.Add([]byte("---\nid: aa2020-1.3\nevent: aa2020\ntitle: x\nday: 1\nsession: 1\n---\n1. a\n   b\n2. c\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := ParseGroup("content/inputs/aa2020/1.3.md", data)
		if err != nil {
			return
		}
		enc := g.Encode()
		g2, err := ParseGroup("content/inputs/aa2020/1.3.md", enc)
		if err != nil {
			t.Fatalf("canonical form of an accepted group does not parse: %v\n%s", err, enc)
		}
		if !bytes.Equal(enc, g2.Encode()) || len(g.Items) != len(g2.Items) {
			t.Fatalf("canonical form is not stable:\n%s", enc)
		}
	})
}

// FuzzFastYAML checks the fast front-matter path against go-yaml: whatever the fast path
// accepts, go-yaml must load to the very same node tree.
func FuzzFastYAML(f *testing.F) {
	files, _ := filepath.Glob("testdata/parse/*.md")
	more, _ := filepath.Glob("testdata/fmt/*.md")
	files = append(files, more...)
	more, _ = filepath.Glob("testdata/content/*/*.md")
	files = append(files, more...)
	more, _ = filepath.Glob("testdata/content/*/*/*.md")
	files = append(files, more...)
	more, _ = filepath.Glob("testdata/content/*.yaml")
	files = append(files, more...)
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		if fm, ok := frontMatterOf(data); ok {
			f.Add(fm)
		} else {
			f.Add(data)
		}
	}
	for _, s := range []string{
		"a: 1\na: 2\n", "a: True\nb: ~\nc: 2026-02-30\nd: 2026-2-3\ne: 007\n",
		"a:\n  - x\n  - 'it''s'\n  - \"q\\\"\"\n  - a [b], {c}\n  - k: x\n    l: |\n      one\n\n      two\n",
		"note: |-\n  a\n   b\n\n  c\nby: x\n", "- id: a\n  name: b\n- id: c\n", "owners:\n  - id: a\n    name: b\n  - id: c\n",
		"title: a #b\n", "title: x:y\n", "title: \"a\"b\n", "é: x\n", "a:\n- b\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fast, ok := fastYAML(string(data))
		if !ok {
			return
		}
		var doc yaml.Node
		if err := yaml.Load(data, &doc); err != nil {
			t.Fatalf("fast path accepted what go-yaml rejects (%v):\n%s", err, data)
		}
		if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
			t.Fatalf("go-yaml gives no single document:\n%s", data)
		}
		if !reflect.DeepEqual(fast, doc.Content[0]) {
			t.Fatalf("fast path and go-yaml differ on\n%s\nfast:\n%s\ngo-yaml:\n%s", data, nodeString(fast), nodeString(doc.Content[0]))
		}
	})
}

// FuzzFastYAMLEncoded does the same for canonical files with arbitrary values, as
// Encode writes them (quoted, literal blocks, plain), where the fast path must be right.
func FuzzFastYAMLEncoded(f *testing.F) {
	f.Add("Tittel", "Linje en\nlinje to", "hdir", "Kari", 50)
	f.Add("«Arbeid og helse» – et tettere samvirke", "  innrykk\n\n  mer", "true", "2026-01-01", 0)
	f.Add("a: b #c", "x\u2028y", "- x", "'q'", 100)
	f.Fuzz(func(t *testing.T, title, note, owner, by string, progress int) {
		m := &Measure{ID: "T14", Title: title, Kind: KindMeasure, Area: "roles", Owners: []string{"hdir", owner},
			Status: InProgress, Progress: &progress, Source: by, Inputs: []string{owner},
			Log: []LogEntry{{Date: Date{2026, 1, 5}, Note: note, By: by}, {Date: Date{2026, 2, 5}, Note: title}}}
		fm, ok := frontMatterOf(m.Encode())
		if !ok {
			t.Fatalf("no front matter in\n%s", m.Encode())
		}
		fast, ok := fastYAML(string(fm))
		if !ok {
			return
		}
		var doc yaml.Node
		if err := yaml.Load(fm, &doc); err != nil {
			t.Fatalf("fast path accepted what go-yaml rejects (%v):\n%s", err, fm)
		}
		if !reflect.DeepEqual(fast, doc.Content[0]) {
			t.Fatalf("fast path and go-yaml differ on\n%s\nfast:\n%s\ngo-yaml:\n%s", fm, nodeString(fast), nodeString(doc.Content[0]))
		}
	})
}

// frontMatterOf returns the YAML between the --- lines of a content file.
func frontMatterOf(data []byte) ([]byte, bool) {
	s := string(data)
	if !strings.HasPrefix(s, "---\n") {
		return nil, false
	}
	end := strings.Index(s[4:], "\n---")
	if end < 0 {
		return nil, false
	}
	return []byte(s[4 : 4+end+1]), true
}

func nodeString(n *yaml.Node) string {
	var b strings.Builder
	var walk func(n *yaml.Node, ind string)
	walk = func(n *yaml.Node, ind string) {
		c := *n
		c.Content = nil
		fmt.Fprintf(&b, "%s%+v\n", ind, c)
		for _, c := range n.Content {
			walk(c, ind+"  ")
		}
	}
	walk(n, "")
	return b.String()
}

// TestFastYAMLTakesCanonicalForm: the fast path must take what Encode writes, or it is
// no fast path at all.
func TestFastYAMLTakesCanonicalForm(t *testing.T) {
	dir := writeGenerated(t, t.TempDir(), 30, 5)
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.md"))
	more, _ := filepath.Glob(filepath.Join(dir, "*", "*", "*.md"))
	more2, _ := filepath.Glob("testdata/fmt/*.golden")
	files = append(append(files, more...), more2...)
	if len(files) < 30 {
		t.Fatalf("found %d files", len(files))
	}
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		fm, ok := frontMatterOf(data)
		if !ok {
			t.Fatalf("%s: no front matter", p)
		}
		if _, ok := fastYAML(string(fm)); !ok {
			t.Errorf("%s: the fast path falls back on canonical front matter:\n%s", p, fm)
		}
	}
}

// TestFastPathSameResult loads the real content, the test content and every parse and
// fmt test file with and without the fast path: the same records, the same errors.
func TestFastPathSameResult(t *testing.T) {
	load := func(fast bool) (*Content, error) {
		fastFrontMatter = fast
		defer func() { fastFrontMatter = true }()
		return Load(os.DirFS("../content"))
	}
	c1, err1 := load(true)
	c2, err2 := load(false)
	if !reflect.DeepEqual(c1, c2) || !reflect.DeepEqual(err1, err2) {
		t.Errorf("content/ loads differently with the fast path (errors %v / %v)", err1, err2)
	}
	if len(c1.Measures) < 36 {
		t.Fatalf("content/ has %d measures", len(c1.Measures))
	}
	files, _ := filepath.Glob("testdata/*/*.md")
	more, _ := filepath.Glob("testdata/content/*/*.md")
	more2, _ := filepath.Glob("testdata/content/*/*/*.md")
	files = append(append(files, more...), more2...)
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		parse := func(fast bool) (any, any, any, error, error, error) {
			fastFrontMatter = fast
			defer func() { fastFrontMatter = true }()
			m, em := ParseMeasure("content/measures/T14.md", data)
			g, eg := ParseGroup("content/inputs/aa2020/1.3.md", data)
			ch, ec := ParseChapter("content/strategy/01-summary.md", data)
			return m, g, ch, em, eg, ec
		}
		m1, g1, ch1, em1, eg1, ec1 := parse(true)
		m2, g2, ch2, em2, eg2, ec2 := parse(false)
		if !reflect.DeepEqual(m1, m2) || !reflect.DeepEqual(g1, g2) || !reflect.DeepEqual(ch1, ch2) ||
			!reflect.DeepEqual(em1, em2) || !reflect.DeepEqual(eg1, eg2) || !reflect.DeepEqual(ec1, ec2) {
			t.Errorf("%s parses differently with the fast path:\n%v\n%v", p, em1, em2)
		}
	}
}
