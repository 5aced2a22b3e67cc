package measures

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseMeasureErrors(t *testing.T) {
	tests := []struct {
		file    string // in testdata/parse
		name    string // the path the file is parsed as
		kind    error
		line    int
		col     int
		key     string
		msgPart string
	}{
		{"unknown-key.md", "content/measures/T14.md", ErrUnknownKey, 3, 1, "titel", "mente du «title»"},
		{"bad-status.md", "content/measures/T14.md", ErrInvalidValue, 7, 9, "status", "ukjent verdi «pagar»"},
		{"bad-date.md", "content/measures/T14.md", ErrInvalidValue, 8, 6, "due", "«2026-13-40» er ikke en gyldig dato"},
		{"missing-title.md", "content/measures/T14.md", ErrMissingKey, 2, 1, "title", "nøkkelen mangler"},
		{"no-front-matter.md", "content/measures/T14.md", ErrSyntax, 1, 1, "", "«---»"},
		{"unterminated.md", "content/measures/T14.md", ErrSyntax, 1, 1, "", "avsluttes ikke"},
		{"bad-yaml.md", "content/measures/T14.md", ErrSyntax, 4, 5, "", "ugyldig YAML"},
		{"progress-range.md", "content/measures/T14.md", ErrInvalidValue, 8, 11, "progress", "utenfor tillatt område"},
		{"log-order.md", "content/measures/T14.md", ErrInvalidValue, 11, 11, "log[1].date", "datorekkefølge"},
		{"duplicate-key.md", "content/measures/T14.md", ErrDuplicate, 4, 1, "title", "to ganger"},
		{"empty-body.md", "content/measures/T14.md", ErrMissingKey, 8, 0, "text", "mangler tekst"},
		{"bad-id.md", "content/measures/T1.md", ErrInvalidValue, 2, 5, "id", "ikke en gyldig id"},
		{"valid.md", "content/measures/T15.md", ErrFileName, 2, 5, "id", "filen må hete T14.md"},
		{"bad-kind.md", "content/measures/T14.md", ErrInvalidValue, 4, 7, "kind", "ukjent verdi «tiltak»"},
		{"bad-revision.md", "content/measures/T14.md", ErrInvalidValue, 8, 11, "revision", "merged:<ID>"},
		{"no-owners.md", "content/measures/T14.md", ErrMissingKey, 2, 1, "owners", "minst én eier"},
		{"log-missing-note.md", "content/measures/T14.md", ErrUnknownKey, 10, 5, "log[0].stauts", "mente du «status»"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "parse", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			_, err = ParseMeasure(tt.name, data)
			es := AsErrors(err)
			var found *Error
			for _, e := range es {
				if errors.Is(e, tt.kind) && e.Key == tt.key {
					found = e
					break
				}
			}
			if found == nil {
				t.Fatalf("ParseMeasure(%s) = %v, want a %v error on key %q", tt.file, err, tt.kind, tt.key)
			}
			if found.File != tt.name || found.Line != tt.line || (tt.col != 0 && found.Col != tt.col) {
				t.Errorf("position = %s:%d:%d, want %s:%d:%d", found.File, found.Line, found.Col, tt.name, tt.line, tt.col)
			}
			if !strings.Contains(found.Msg, tt.msgPart) {
				t.Errorf("message = %q, want it to contain %q", found.Msg, tt.msgPart)
			}
		})
	}
}

func TestParseMeasureReportsAllErrors(t *testing.T) {
	data := []byte("---\nid: T14\ntitel: x\nkind: tiltak\narea: roles\nowners: [hdir]\nstatus: pagar\ndue: 2026-02-30\n---\nTekst.\n")
	_, err := ParseMeasure("content/measures/T14.md", data)
	es := AsErrors(err)
	if len(es) < 4 {
		t.Fatalf("got %d errors, want at least 4 (unknown key, missing title, kind, status, due): %v", len(es), err)
	}
	want := "content/measures/T14.md:7:9: status: ukjent verdi «pagar»"
	if !strings.Contains(err.Error(), want) {
		t.Errorf("errors = %v\nwant a line starting %q", err, want)
	}
}

func TestParseMeasureValid(t *testing.T) {
	data, err := os.ReadFile("testdata/parse/valid.md")
	if err != nil {
		t.Fatal(err)
	}
	m, err := ParseMeasure("content/measures/T14.md", data)
	if err != nil {
		t.Fatalf("ParseMeasure(valid.md) = %v, want no error", err)
	}
	if m.Status != InProgress || *m.Progress != 40 || m.Due.String() != "2026-12-31" || m.Lead() != "hdir" ||
		len(m.Log) != 1 || m.Log[0].By != "Kari Nordmann" || m.Text != "Gjennomføre en undersøkelse." {
		t.Errorf("ParseMeasure(valid.md) = %+v", m)
	}
	if got := m.Encode(); !bytes.Equal(got, data) {
		t.Errorf("valid.md is canonical, but Encode() =\n%s\nwant\n%s", got, data)
	}
}

func TestParseRejectsEncodingAndSize(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		kind error
		line int
	}{
		{"latin1", []byte("---\nid: T14\ntitle: Unders\xf8ke\n---\nx\n"), ErrEncoding, 3},
		{"too large", append([]byte("---\nid: T14\n---\n"), bytes.Repeat([]byte("a"), MaxFileSize)...), ErrTooLarge, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseMeasure("content/measures/T14.md", tt.data)
			es := AsErrors(err)
			if len(es) != 1 || !errors.Is(es[0], tt.kind) || es[0].Line != tt.line {
				t.Errorf("ParseMeasure(%s) = %v, want one %v error at line %d", tt.name, err, tt.kind, tt.line)
			}
		})
	}
}

func TestParseAcceptsBOMAndCRLF(t *testing.T) {
	data, _ := os.ReadFile("testdata/parse/valid.md")
	crlf := append([]byte("\xef\xbb\xbf"), bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))...)
	m, err := ParseMeasure("content/measures/T14.md", crlf)
	if err != nil {
		t.Fatalf("ParseMeasure(BOM+CRLF) = %v, want no error", err)
	}
	if !bytes.Equal(m.Encode(), data) {
		t.Errorf("Encode() of a BOM+CRLF file = %q, want the LF form", m.Encode())
	}
}

func TestParseGroup(t *testing.T) {
	data := []byte("---\nid: aa2020-1.3\nevent: aa2020\ntitle: Fattigdom\nday: 1\nsession: 1\n---\nSpørsmål først\n\n- En\n  fortsetter\n- To\n\nLøs tekst\n")
	g, err := ParseGroup("content/inputs/aa2020/1.3.md", data)
	es := AsErrors(err)
	if len(es) != 1 || es[0].Line != 14 || !errors.Is(es[0], ErrInvalidValue) {
		t.Fatalf("ParseGroup = %v, want one error at line 14 for text after the list", err)
	}
	if g.Lead != "Spørsmål først" || len(g.Items) != 2 || g.Items[0].Text != "En\nfortsetter" || g.Items[1].ID != "aa2020-1.3/2" {
		t.Errorf("ParseGroup = lead %q items %+v", g.Lead, g.Items)
	}
	_, err = ParseGroup("content/inputs/aa2020/1.4.md", data[:strings.Index(string(data), "Spørsmål")])
	if es := AsErrors(err); len(es) < 2 {
		t.Errorf("a group in the wrong file with no bullets: got %v, want a file name error and a missing-items error", err)
	}
}
