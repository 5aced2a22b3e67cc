package renderer

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/samvirke/samvirke/measures"
)

// editedFixture is the renderer's fixture content with each file of edits (a path under
// content/) changed: the first occurrence of from replaced by to.
func editedFixture(t *testing.T, edits ...[3]string) *measures.Content {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS("testdata/content"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(os.DirFS("testdata/content"), p)
		m[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range edits {
		old := string(m[e[0]].Data)
		if !strings.Contains(old, e[1]) {
			t.Fatalf("%s does not contain %q", e[0], e[1])
		}
		m[e[0]] = &fstest.MapFile{Data: []byte(strings.Replace(old, e[1], e[2], 1))}
	}
	c, err := measures.Load(m)
	if c == nil {
		t.Fatal(err)
	}
	return c
}

// TestStrategyRefusesUnknownRefs: a reference to a measure that does not exist, in a
// chapter or in a measure's text, fails both formats with the file, line and id, and
// nothing is written.
func TestStrategyRefusesUnknownRefs(t *testing.T) {
	tests := []struct {
		name, file, from, to, want string
	}{
		{"chapter", "strategy/01-summary.md", "[[T01]]", "[[T99]]", "content/strategy/01-summary.md:6:38: henvisningen til «T99» peker ikke på noe tiltak"},
		{"directive", "strategy/01-summary.md", "::: tiltak T02 T03", "::: tiltak T02 T77", "content/strategy/01-summary.md:8:16: henvisningen til «T77»"},
		{"measure text", "measures/T02.md", "se [[T01]]", "se [[T98]]", "content/measures/T02.md:20:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := NewStrategy(editedFixture(t, [3]string{tt.file, tt.from, tt.to}), DocOptions{Date: testDate})
			for format, write := range map[string]func(*strings.Builder) error{
				"html": func(b *strings.Builder) error { return s.HTML(b) },
				"md":   func(b *strings.Builder) error { return s.Markdown(b) },
			} {
				var b strings.Builder
				err := write(&b)
				if err == nil || !errors.Is(err, measures.ErrReference) || !strings.Contains(err.Error(), tt.want) {
					t.Errorf("%s: err = %v, want an ErrReference naming %q", format, err, tt.want)
				}
				if b.Len() != 0 {
					t.Errorf("%s: wrote %d bytes of a document with a dead reference", format, b.Len())
				}
			}
		})
	}
}

// TestLeadInsStayWithTheirMeasures: a paragraph right before a ::: tiltak block is one
// element with it; one that stops mid-sentence gets a colon, in HTML and Markdown.
func TestLeadInsStayWithTheirMeasures(t *testing.T) {
	tests := []struct {
		name, lead, wantHTML, wantMD string
	}{
		{"foreslås", "For å styrke samarbeidet foreslås", "<p class=\"lead-in-text\">For å styrke samarbeidet foreslås:</p>\n<div class=\"measures\">", "For å styrke samarbeidet foreslås:\n"},
		{"infinitive", "Med dette som utgangspunkt foreslår arbeidsgruppen å", "foreslår arbeidsgruppen å:</p>\n<div class=\"measures\">", "foreslår arbeidsgruppen å:\n"},
		{"colon kept", "Direktoratene vil:", "<p class=\"lead-in-text\">Direktoratene vil:</p>", "Direktoratene vil:\n"},
		{"a full sentence", "Dette er tiltakene.", "<p class=\"lead-in-text\">Dette er tiltakene.</p>", "Dette er tiltakene.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := editedFixture(t, [3]string{"strategy/01-summary.md", "Arbeidsgruppen foreslår blant annet [[T01]] og dette[^1]:", tt.lead})
			h := strategyHTML(t, NewStrategy(c, DocOptions{Date: testDate}))
			if !strings.Contains(h, "<div class=\"lead-in\">\n"+"<p class=\"lead-in-text\">") || !strings.Contains(h, tt.wantHTML) {
				t.Errorf("HTML lacks the lead-in group %q:\n%s", tt.wantHTML, section(t, h, "<h2 id=\"1-", "</section>"))
			}
			if i := strings.Index(h, "<div class=\"lead-in\">"); i < 0 || !strings.Contains(h[i:], "</article>\n</div>\n</div>") {
				t.Errorf("the lead-in's group does not hold its measures")
			}
			md := strategyMD(t, NewStrategy(c, DocOptions{Date: testDate}))
			if !strings.Contains(md, tt.wantMD) {
				t.Errorf("Markdown lacks %q", tt.wantMD)
			}
		})
	}
}

// TestBoxStart: a chapter's own wording in a box starts with a capital letter, after its
// list marker; other texts are left as written.
func TestBoxStart(t *testing.T) {
	tests := []struct{ in, want string }{
		{"- legge til rette for et formalisert samarbeid", "- Legge til rette for et formalisert samarbeid"},
		{"legge til rette", "Legge til rette"},
		{"1. øke kunnskapen", "1. Øke kunnskapen"},
		{"- I de to veilederne", "- I de to veilederne"},
		{"**viktig** tekst", "**viktig** tekst"},
		{"[[T14]] først", "[[T14]] først"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := boxStart(tt.in); got != tt.want {
			t.Errorf("boxStart(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestMeasureShownOnceInFull: a measure listed by two ::: tiltak blocks stands in full
// (text and inputs) at its home only; the other block has a line that links there.
func TestMeasureShownOnceInFull(t *testing.T) {
	c := editedFixture(t, [3]string{"strategy/02-knowledge.md", "Kapittelet sier det med egne ord:", "Se også:\n\n::: tiltak T02\n\nKapittelet sier det med egne ord:"})
	const text = "Ta initiativ til en samlet gjennomgang av roller og ansvar"
	h := strategyHTML(t, NewStrategy(c, DocOptions{Date: testDate}))
	if n := strings.Count(h, text); n != 1 {
		t.Errorf("HTML shows T02's text %d times, want once", n)
	}
	if n := strings.Count(h, "Tverrfaglige kommunale arbeid og helsesenter"); n != 1 {
		t.Errorf("HTML shows T02's input %d times, want once", n)
	}
	want := `<p class="measure-head see-home"><span class="mid"><a href="#T02">T02</a></span> <strong>Avklare roller mellom sektorene</strong> – <a href="#T02">se hele tiltaket<span class="ref-page">, side` + "\u00a0" + `<span data-toc-page="T02"></span></span></a></p>`
	if !strings.Contains(h, want) {
		t.Errorf("HTML lacks the line pointing to T02:\n%s", section(t, h, "Se også:", "</section>"))
	}
	md := strategyMD(t, NewStrategy(c, DocOptions{Date: testDate}))
	if n := strings.Count(md, text); n != 1 {
		t.Errorf("Markdown shows T02's text %d times, want once", n)
	}
	if !strings.Contains(md, "**T02 Avklare roller mellom sektorene** – [se hele tiltaket](#T02)") {
		t.Errorf("Markdown lacks the line pointing to T02:\n%s", md)
	}
}
