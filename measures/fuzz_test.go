package measures

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
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
