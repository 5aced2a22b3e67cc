package measures

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestUnsafeCharactersRejected parses hostile files (testdata/hostile): control
// characters and bidi overrides, raw or written as YAML escapes, in front-matter values,
// in bodies and in the YAML files, each reported with file, line, column and key.
func TestUnsafeCharactersRejected(t *testing.T) {
	tests := []struct {
		file    string // in testdata/hostile
		name    string // the path it is parsed as
		line    int
		col     int
		key     string
		msgPart string
	}{
		{"raw-esc-title.md", "content/measures/T14.md", 3, 18, "title", "styretegnet U+001B (ESC)"},
		{"osc52-escaped-title.md", "content/measures/T14.md", 3, 8, "title", "U+001B (ESC), som kan styre terminalen eller regnearket til den som leser (og 1 slikt tegn til)"},
		{"bel-note.md", "content/measures/T14.md", 19, 31, "log[0].note", "U+0007 (BEL)"},
		{"nul-body.md", "content/measures/T14.md", 22, 15, "text", "U+0000 (NUL)"},
		{"bidi-owner.md", "content/measures/T14.md", 8, 8, "owners[1]", "retningstegnet U+202E (RLO)"},
		{"c1-source.md", "content/measures/T14.md", 13, 20, "source", "U+009B (CSI)"},
		{"bidi-body.md", "content/measures/T14.md", 23, 8, "text", "U+2066 (LRI), som kan vise teksten i en annen rekkefølge"},
		{"cr-body.md", "content/measures/T14.md", 22, 12, "text", "U+000D (CR)"},
		{"escaped-bidi-input.md", "content/measures/T14.md", 15, 5, "inputs[0]", "U+202E (RLO)"},
		{"owners.yaml", "content/owners.yaml", 6, 9, "name", "U+001B (ESC)"},
		{"events.yaml", "content/events.yaml", 2, 20, "title", "U+0007 (BEL)"},
		{"areas.yaml", "content/areas.yaml", 7, 19, "areas[1].title", "U+202E (RLO)"},
		{"aa2020/1.1.md", "content/inputs/aa2020/1.1.md", 12, 10, "text", "U+001B (ESC)"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			err := parseAny(t, tt.file, tt.name)
			var found *Error
			for _, e := range AsErrors(err) {
				if errors.Is(e, ErrUnsafeText) {
					if found != nil {
						t.Errorf("a second unsafe-character error: %v", e)
					}
					found = e
				}
			}
			if found == nil {
				t.Fatalf("parse %s = %v, want an ErrUnsafeText error", tt.file, err)
			}
			if found.File != tt.name || found.Line != tt.line || found.Col != tt.col || found.Key != tt.key {
				t.Errorf("error at %s:%d:%d key %q, want %s:%d:%d key %q", found.File, found.Line, found.Col, found.Key,
					tt.name, tt.line, tt.col, tt.key)
			}
			if !strings.Contains(found.Msg, tt.msgPart) {
				t.Errorf("message = %q, want it to contain %q", found.Msg, tt.msgPart)
			}
			if Code(found) != "unsafe-character" {
				t.Errorf("Code = %q, want unsafe-character", Code(found))
			}
		})
	}
}

func parseAny(t *testing.T, file, name string) error {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "hostile", file))
	if err != nil {
		t.Fatal(err)
	}
	switch {
	case strings.HasSuffix(name, "owners.yaml"):
		_, err = ParseOwners(name, data)
	case strings.HasSuffix(name, "events.yaml"):
		_, err = ParseEvents(name, data)
	case strings.HasSuffix(name, "areas.yaml"):
		_, _, err = ParseAreas(name, data)
	case strings.Contains(name, "/inputs/"):
		_, err = ParseGroup(name, data)
	default:
		_, err = ParseMeasure(name, data)
	}
	return err
}

func TestUnsafeCharactersKeepTheRest(t *testing.T) {
	// A raw ESC would stop go-yaml; the other problems of the file are still found, and
	// the value is read with U+FFFD in its place.
	data, _ := os.ReadFile("testdata/hostile/raw-esc-title.md")
	m, err := ParseMeasure("content/measures/T14.md", []byte(strings.Replace(string(data), "status: in-progress", "status: pagar", 1)))
	es := AsErrors(err)
	if len(es) != 2 || !errors.Is(es[0], ErrUnsafeText) || !errors.Is(es[1], ErrInvalidValue) {
		t.Errorf("errors = %v, want the ESC and the bad status", err)
	}
	if m.Title != "Undersøke \uFFFD[2J taushetsplikten" {
		t.Errorf("title = %q", m.Title)
	}
}

func TestTabsAndCRLFAreFine(t *testing.T) {
	data, _ := os.ReadFile("testdata/hostile/crlf-tab.md")
	m, err := ParseMeasure("content/measures/T14.md", data)
	if err != nil || m.Title != "Undersøke\ttaushetsplikten" {
		t.Errorf("ParseMeasure(CRLF, tab) = %q, %v; want no error", m.Title, err)
	}
}

func TestUnsafeReportsAreCapped(t *testing.T) {
	data, _ := os.ReadFile("testdata/hostile/many.md")
	_, err := ParseMeasure("content/measures/T14.md", data)
	es := AsErrors(err)
	if len(es) != maxUnsafeReports+1 || !strings.Contains(es[len(es)-1].Msg, "20 linjer til") {
		t.Errorf("30 lines with ESC gave %d errors (last %v), want %d and a summary", len(es), es[len(es)-1], maxUnsafeReports+1)
	}
}

func TestUnsafeRune(t *testing.T) {
	for _, tt := range []struct {
		r    rune
		want bool
	}{
		{'\t', false}, {'\n', false}, {' ', false}, {'å', false}, {'\u00a0', false}, {'\u200e', false}, {'\u2028', false},
		{0, true}, {'\a', true}, {'\b', true}, {'\r', true}, {0x1b, true}, {0x1f, true}, {0x7f, true},
		{0x80, true}, {0x9b, true}, {0x9f, true}, {0x202a, true}, {0x202e, true}, {0x2066, true}, {0x2069, true},
		{0x2029, false}, {0x202f, false}, {0x2065, false}, {0x206a, false},
	} {
		if got := UnsafeRune(tt.r); got != tt.want {
			t.Errorf("UnsafeRune(%U) = %v, want %v", tt.r, got, tt.want)
		}
	}
}

func TestInert(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Øke kunnskapen", "Øke kunnskapen"},
		{"a\tb\nc", "a\tb\nc"},
		{"\x1b]52;c;aGFjaw==\x07", `\x1b]52;c;aGFjaw==\x07`},
		{"\x1b[2J\x00\r\x7f", `\x1b[2J\x00\x0d\x7f`},
		{"\u009b31m", `\x9b31m`},
		{"abc\u202edef\u2066", `abc\u202edef\u2066`},
		{"bad \xff utf-8", "bad \uFFFD utf-8"},
	} {
		if got := Inert(tt.in); got != tt.want {
			t.Errorf("Inert(%q) = %q, want %q", tt.in, got, tt.want)
		}
		for _, r := range Inert(tt.in) {
			if UnsafeRune(r) {
				t.Errorf("Inert(%q) still has %U", tt.in, r)
			}
		}
	}
}

func TestLoadedContentHasNoUnsafeCharacters(t *testing.T) {
	// The repository's own content and the fixture pass.
	for _, dir := range []string{"testdata/content", "../content"} {
		if _, err := Load(os.DirFS(dir)); err != nil {
			t.Errorf("Load(%s) = %v", dir, err)
		}
	}
}

func FuzzInert(f *testing.F) {
	for _, s := range []string{"", "Øke", "\x1b]52;c;aGFjaw==\x07", "a\u202eb", "\xff\xfe", "\u009b2J"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Inert(s)
		if strings.ContainsFunc(out, UnsafeRune) || !utf8.ValidString(out) {
			t.Errorf("Inert(%q) = %q keeps an unsafe character or invalid UTF-8", s, out)
		}
	})
}
