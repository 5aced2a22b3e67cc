package tui

import (
	"os"
	"testing"

	"github.com/samvirke/samvirke/measures"
)

// BenchmarkBaselineCompare is what b costs after the baseline is read, and what each
// reload costs while a comparison is on screen: the 10,000 measures compared with a
// baseline of the same tree with every tenth text changed (measures.CompareStrategy, off
// the event loop).
func BenchmarkBaselineCompare(b *testing.B) {
	dir := benchContent(b)
	old, err := measures.Load(os.DirFS(dir))
	if err != nil {
		b.Fatal(err)
	}
	cur, err := measures.Load(os.DirFS(dir))
	if err != nil {
		b.Fatal(err)
	}
	for i, m := range cur.Measures {
		if i%10 == 0 {
			m.Text = "Direktoratene skal sammen utvikle nye modeller. " + m.Text
		}
	}
	b.ResetTimer()
	for range b.N {
		if d := measures.CompareStrategy(old, cur); len(d.Measures) != 10000 {
			b.Fatalf("%d measures compared", len(d.Measures))
		}
	}
}
