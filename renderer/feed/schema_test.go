package feed

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/samvirke/samvirke/content"
	"github.com/samvirke/samvirke/measures"
)

// atomSchema is RFC 4287's RELAX NG schema (Appendix B) in XML syntax.
const atomSchema = "testdata/atom.rng"

// jing validates file against the schema with jing (Debian's jing, installed by
// .ci/python) and returns what it said and whether the file is valid. It skips when jing
// is missing, unless SAMVIRKE_REQUIRE_PYTHON=1 (set by .ci/run).
func jing(t *testing.T, schema, file string) (string, bool) {
	t.Helper()
	path, err := exec.LookPath("jing")
	if err != nil {
		if os.Getenv("SAMVIRKE_REQUIRE_PYTHON") == "1" {
			t.Fatal("jing is not installed (bash .ci/python)")
		}
		t.Skip("jing is not installed (bash .ci/python)")
	}
	out, err := exec.Command(path, schema, file).CombinedOutput()
	if _, failed := err.(*exec.ExitError); err != nil && !failed {
		t.Fatalf("jing: %v", err)
	}
	return string(out), err == nil
}

// TestAtomMatchesRFCSchema writes a feed of commits with hostile subjects and authors and
// validates it against RFC 4287's schema; the same feed without its id must fail, so the
// check is known to catch an invalid feed.
func TestAtomMatchesRFCSchema(t *testing.T) {
	c, err := measures.Load(content.FS())
	if err != nil {
		t.Fatal(err)
	}
	commits := []Commit{
		{Hash: strings.Repeat("b", 40), Date: time.Date(2026, 12, 1, 9, 30, 0, 0, time.FixedZone("CET", 3600)),
			Author: "Ola <ola@example.no>\x01", Subject: "<script>alert(1)</script> & \x07 ]]> «strategi»",
			Files: []string{"content/strategy/01-summary.md", "content/measures/T14.md", "content/measures/X99.md"}},
		{Hash: strings.Repeat("a", 40), Date: time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC),
			Author: "", Subject: "", Files: []string{"content/inputs/aa2020/1.1.md"}},
	}
	dir := t.TempDir()
	for _, base := range []string{"", "https://eksempel.no/strategi/"} {
		var b bytes.Buffer
		if err := WriteAtom(&b, c, commits, Links{Base: base}); err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(dir, "endringer.xml")
		os.WriteFile(file, b.Bytes(), 0o644)
		if out, ok := jing(t, atomSchema, file); !ok {
			t.Errorf("the feed (base %q) does not match RFC 4287's schema:\n%s\n%s", base, out, b.Bytes())
		}
		var empty bytes.Buffer
		if err := WriteAtom(&empty, c, nil, Links{Base: base}); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(file, empty.Bytes(), 0o644)
		if out, ok := jing(t, atomSchema, file); !ok {
			t.Errorf("the feed without entries does not match RFC 4287's schema:\n%s\n%s", out, empty.Bytes())
		}
	}
}

// TestAtomSchemaCatchesAnInvalidFeed is the control: a feed without its id, an entry
// with a date that is no date, and an element of Atom's namespace that RFC 4287 does not
// define are each rejected.
func TestAtomSchemaCatchesAnInvalidFeed(t *testing.T) {
	c, err := measures.Load(content.FS())
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	commits := []Commit{{Hash: strings.Repeat("c", 40), Date: time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC),
		Author: "Kari Nordmann", Subject: "T14: status", Files: []string{"content/measures/T14.md"}}}
	if err := WriteAtom(&b, c, commits, Links{}); err != nil {
		t.Fatal(err)
	}
	good := b.String()
	for name, bad := range map[string]string{
		"no id":     strings.Replace(good, "<id>urn:samvirke:samvirke:endringer</id>", "", 1),
		"bad date":  strings.Replace(good, "<updated>2026-11-30T12:00:00Z</updated>\n    <author>", "<updated>30. november 2026</updated>\n    <author>", 1),
		"undefined": strings.Replace(good, "<entry>", "<entry>\n    <tiltak>T14</tiltak>", 1),
	} {
		if bad == good {
			t.Fatalf("%s: the feed did not change:\n%s", name, good)
		}
		file := filepath.Join(t.TempDir(), "endringer.xml")
		os.WriteFile(file, []byte(bad), 0o644)
		if out, ok := jing(t, atomSchema, file); ok {
			t.Errorf("%s: jing accepted an invalid feed:\n%s", name, bad)
		} else if !strings.Contains(out, "error") {
			t.Errorf("%s: jing said %q", name, out)
		}
	}
}
