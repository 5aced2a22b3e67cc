package renderer

import (
	"io"
	"strings"
	"testing"

	"github.com/samvirke/samvirke/content"
	"github.com/samvirke/samvirke/measures"
)

// reviseEverything is the embedded strategy heavily revised: every seventh word of every
// measure and chapter rewritten, the first and last paragraph of each chapter swapped,
// and five measures renumbered with a word changed (so they must be found by similarity).
func reviseEverything(tb testing.TB, c *measures.Content) *measures.Content {
	tb.Helper()
	rewrite := func(s string) string {
		ws := strings.Split(s, " ")
		for i := 6; i < len(ws); i += 7 {
			ws[i] = "endret"
		}
		return strings.Join(ws, " ")
	}
	out := *c
	out.Measures = nil
	for i, m := range c.Measures {
		m = m.Clone()
		m.Text = rewrite(m.Text)
		if i%9 == 0 {
			m.ID = "T" + string(rune('A'+i/9)) + "9" // not a valid T number: a proposal-like id
		}
		out.Measures = append(out.Measures, m)
	}
	out.Strategy = nil
	for _, ch := range c.Strategy {
		cp := *ch
		ps := measures.Paragraphs(rewrite(ch.Text))
		if len(ps) > 2 {
			ps[0], ps[len(ps)-1] = ps[len(ps)-1], ps[0]
		}
		cp.Text = strings.Join(ps, "\n\n")
		out.Strategy = append(out.Strategy, &cp)
	}
	out.Replace(out.Measures[0]) // re-index
	return &out
}

// BenchmarkCompareStrategy: the embedded strategy (every chapter and measure) compared
// with a heavily revised version of itself, and rendered as HTML. Target ≤ 1 s.
func BenchmarkCompareStrategy(b *testing.B) {
	old, err := measures.Load(content.FS())
	if err != nil {
		b.Fatal(err)
	}
	cur := reviseEverything(b, old)
	b.ReportAllocs()
	for b.Loop() {
		x := NewComparison(old, cur, CompareOptions{Baseline: "strategi/2016"})
		if err := x.HTML(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// TestCompareRevisedEverything: the heavy revision pairs the renumbered measures with
// their old selves (none shown as new or gone).
func TestCompareRevisedEverything(t *testing.T) {
	old, err := measures.Load(content.FS())
	if err != nil {
		t.Fatal(err)
	}
	d := measures.CompareStrategy(old, reviseEverything(t, old))
	if n := d.Count(measures.ChangeNew); n != 0 {
		t.Errorf("%d measures new, want 0 (renumbered ones paired by similarity)", n)
	}
	if len(d.Measures) != len(old.Measures) {
		t.Errorf("%d measures compared, want %d", len(d.Measures), len(old.Measures))
	}
}
