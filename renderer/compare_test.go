package renderer

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/samvirke/samvirke/internal/testutil"
	"github.com/samvirke/samvirke/measures"
)

// compareBaseline is the fixture as the baseline had it: T01's sentence worded
// differently, T02 not there yet (new), T03 still kept (now retired), T04 kept on its own
// (now merged into T01), T05 numbered T09 (renumbered, one word changed), chapter 1's
// last sentence rewritten and a paragraph of it struck, and chapter 2's paragraphs in
// another order: its prose paragraph and its list of measures were at its end.
func compareBaseline(t testing.TB) *measures.Content {
	old := load(t, "testdata/content")
	t01 := old.Measure("T01").Clone()
	t01.Text = "Styrke kunnskapen om virkningene av tiltak."
	old.Replace(t01)
	old.Remove("T02")
	t03 := old.Measure("T03").Clone()
	t03.Revision = measures.RevisionKeep
	old.Replace(t03)
	t04 := old.Measure("T04").Clone()
	t04.Revision = measures.RevisionKeep
	old.Replace(t04)
	t09 := old.Measure("T05").Clone()
	t09.ID, t09.Revision = "T09", measures.RevisionKeep
	t09.Text = "Et felles program for kompetanse om arbeid og helse."
	old.Remove("T05")
	old.Replace(t09)
	var chs []*measures.Chapter
	for _, ch := range old.Strategy {
		cp := *ch
		if cp.ID == "summary" {
			cp.Text = strings.Replace(cp.Text, "Arbeidet fortsetter i kapittel 2.", "Arbeidet fortsetter senere.\n\nEt avsnitt som ble strøket.", 1)
		}
		if cp.ID == "knowledge" {
			prose := "Vi trenger \"bedre data\" -- og mer[^1].\n\n"
			cp.Text = strings.Replace(strings.Replace(cp.Text, "::: tiltak area=knowledge\n\n", "", 1), prose, "", 1) +
				"\n\n::: tiltak area=knowledge\n\n" + strings.TrimSpace(prose)
		}
		chs = append(chs, &cp)
	}
	old.Strategy = chs
	return old
}

func compareDoc(t testing.TB) *Comparison {
	return NewComparison(compareBaseline(t), load(t, "testdata/content"), CompareOptions{
		DocOptions: DocOptions{Date: testDate, Origin: "commit 1a2b3c4 (20. november 2026)"},
		Baseline:   "strategi/2016 (commit 9f8e7d6, 1. januar 2016)",
	})
}

func TestCompareMarkdownGolden(t *testing.T) {
	var b bytes.Buffer
	if err := compareDoc(t).Markdown(&b); err != nil {
		t.Fatal(err)
	}
	testutil.Golden(t, "testdata/compare.golden.md", b.String())
}

func TestCompareHTMLGolden(t *testing.T) {
	var b bytes.Buffer
	if err := compareDoc(t).HTML(&b); err != nil {
		t.Fatal(err)
	}
	doc := b.String()
	start := strings.Index(doc, "<body")
	testutil.Golden(t, "testdata/compare.golden.html", doc[start:])
}

// TestCompareFindsMeaning: the renumbered measure is compared with its old self, the
// merged and retired ones are named, and the counts add up.
func TestCompareFindsMeaning(t *testing.T) {
	d := measures.CompareStrategy(compareBaseline(t), load(t, "testdata/content"))
	tests := []struct {
		id      string
		want    measures.Change
		renamed bool
	}{
		{"T01", measures.ChangeRevised, false},
		{"T02", measures.ChangeNew, false},
		{"T03", measures.ChangeRetired, false},
		{"T04", measures.ChangeMerged, false},
		{"T05", measures.ChangeRevised, true},
		{"D01", measures.ChangeKept, false},
	}
	for _, tt := range tests {
		md := d.Measure(tt.id)
		if md == nil {
			t.Fatalf("no comparison of %s", tt.id)
		}
		if md.Change != tt.want || md.Renamed != tt.renamed {
			t.Errorf("%s: change %s renamed %v, want %s %v", tt.id, md.Change, md.Renamed, tt.want, tt.renamed)
		}
	}
	if len(d.Measures) != 6 {
		t.Errorf("%d measures compared, want 6 (T09 paired with T05, not shown as gone)", len(d.Measures))
	}
}

// TestCompareFixtureCovers: the golden comparison's fixture has each kind of change the
// comparison must show: a rewritten sentence, a new measure, a retired one, a merged
// pair, a renumbered one and a paragraph of prose shown as moved (both ends).
func TestCompareFixtureCovers(t *testing.T) {
	var b bytes.Buffer
	if err := compareDoc(t).Markdown(&b); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	for _, tt := range []struct{ kind, want string }{
		{"rewritten sentence", "Arbeidet fortsetter <del>senere. Et avsnitt som ble strøket</del><ins>i kapittel 2</ins>."},
		{"reworded measure", "Styrke <del>kunnskapen</del><ins>kunnskapsgrunnlaget</ins> om"},
		{"new measure", "**T02 <ins>Avklare roller mellom sektorene</ins>** · *Nytt*"},
		{"retired measure", "**T03 Felles nettside** · *Utgår*"},
		{"merged pair", "**T04 Evaluere pilotene** · *Slått sammen med T01*"},
		{"renumbered measure", "**T05 (var T09) Felles kompetanseprogram** · *Revidert*"},
		{"moved paragraph, its new place", "*Flyttet hit:* Vi trenger \"bedre data\" -- og mer\\[^1\\]."},
		{"moved paragraph, its old place", "*Flyttet herfra:* <del>Vi trenger \"bedre data\" -- og mer\\[^1\\].</del>"},
	} {
		if !strings.Contains(md, tt.want) {
			t.Errorf("the comparison fixture lacks a %s: %q", tt.kind, tt.want)
		}
	}
}

// TestCompareEscapes: hostile text in either version comes out as text.
func TestCompareEscapes(t *testing.T) {
	old := load(t, "testdata/content")
	cur := load(t, "testdata/content")
	m := cur.Measure("T01").Clone()
	m.Text = `<script>alert(1)</script> [x](javascript:alert(2)) <img src=x onerror=alert(3)>`
	cur.Replace(m)
	o := old.Measure("T02").Clone()
	o.Title = `<b onmouseover=alert(4)>`
	old.Replace(o)
	x := NewComparison(old, cur, CompareOptions{Baseline: `<i>ref</i>`})
	var h, md bytes.Buffer
	if err := x.HTML(&h); err != nil {
		t.Fatal(err)
	}
	if err := x.Markdown(&md); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"<script", "<img", "<b ", "<i>"} {
		if strings.Contains(h.String(), bad) {
			t.Errorf("HTML holds %q", bad)
		}
		if strings.Contains(md.String(), bad) {
			t.Errorf("Markdown holds %q", bad)
		}
	}
	if regexp.MustCompile(`[^\\]\]\(javascript:`).MatchString(md.String()) {
		t.Error("Markdown holds a javascript: link")
	}
}
