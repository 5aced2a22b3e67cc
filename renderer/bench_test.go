package renderer

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/samvirke/samvirke/measures"
)

// writeTree writes a content tree of n measures and groups input groups (6 bullets each)
// under dir, linked to each other, with a strategy of four chapters whose ::: tiltak
// blocks take in every measure and whose text refers to some of them.
func writeTree(tb testing.TB, dir string, n, groups int) {
	tb.Helper()
	for _, d := range []string{"measures", "inputs/aa2020", "strategy"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			tb.Fatal(err)
		}
	}
	for _, name := range []string{"owners.yaml", "events.yaml"} {
		data, err := os.ReadFile(filepath.Join("testdata/content", name))
		if err != nil {
			tb.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, name), data, 0o644)
	}
	areas := []string{"roles", "knowledge", "practice", "competence"}
	var ay strings.Builder
	ay.WriteString("areas:\n")
	for i, a := range areas {
		fmt.Fprintf(&ay, "  - id: %s\n    number: %d\n    title: Innsatsområde %d om %s\n", a, i+1, i+1, a)
	}
	ay.WriteString("chapters:\n")
	for i, a := range areas {
		fmt.Fprintf(&ay, "  - id: %s\n    number: %d\n    title: Kapittel om %s\n", a, i+1, a)
	}
	os.WriteFile(filepath.Join(dir, "areas.yaml"), []byte(ay.String()), 0o644)
	gid := func(g int) string { return fmt.Sprintf("aa2020-%d.%d", g/100+1, g%100+1) }
	for g := 1; g <= groups; g++ {
		grp := &measures.Group{ID: gid(g), Event: "aa2020", Title: fmt.Sprintf("Gruppe %d om arbeid og helse", g), Day: 1, Session: 1}
		for i := 1; i <= 6; i++ {
			grp.Items = append(grp.Items, measures.Item{Text: fmt.Sprintf("Innspill %d fra gruppe %d om samhandling, øremerkede midler og kompetanse", i, g)})
		}
		if err := os.WriteFile(filepath.Join(dir, "inputs/aa2020", grp.Number()+".md"), grp.Encode(), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	revisions := []measures.Revision{measures.RevisionKeep, measures.RevisionRevise, measures.RevisionNew, measures.RevisionKeep, measures.RevisionRetire}
	for i := 1; i <= n; i++ {
		due := measures.Date{Year: 2026, Month: time.Month(1 + i%12), Day: 1 + i%28}
		progress := i % 101
		g := i%groups + 1
		m := &measures.Measure{
			ID: fmt.Sprintf("T%02d", i), Title: fmt.Sprintf("Tiltak %d for bedre samvirke på tvers", i), Kind: measures.KindMeasure,
			Area: areas[i%len(areas)], Chapter: areas[i%len(areas)], Owners: []string{[]string{"hdir", "nav", "hod"}[i%3], "nav"}[:1+i%2],
			Status: measures.Statuses[i%len(measures.Statuses)], Progress: &progress, Due: &due, Revision: revisions[i%len(revisions)],
			Source: "Generert for ytelsestest",
			Inputs: []string{measures.ItemID(gid(g), 1+i%6)},
			Log: []measures.LogEntry{{Date: measures.Date{Year: 2025, Month: 1, Day: 1}, Status: measures.NotStarted, Note: "Opprettet."},
				{Date: measures.Date{Year: 2025, Month: 6, Day: 1}, Status: measures.InProgress, Note: "Arbeidet er i gang med «begge» direktoratene.", By: "Kari Nordmann"}},
			Text: strings.Repeat("Direktoratene skal sammen utvikle *modeller* for samvirke mellom arbeid og helse. ", 4),
		}
		if m.Owners[0] == "nav" && len(m.Owners) == 2 {
			m.Owners = []string{"nav", "hdir"}
		}
		if err := os.WriteFile(filepath.Join(dir, "measures", m.ID+".md"), m.Encode(), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	for i, a := range areas {
		text := fmt.Sprintf("## Bakgrunn\n\nTekst med [[T%02d]] og [[T%02d]] og en fotnote[^1].\n\n::: tiltak area=%s\n\n[^1]: Kilde.", i+1, i+5, a)
		ch := &measures.Chapter{ID: a, Number: i + 1, Title: "Kapittel om " + a, Text: text}
		os.WriteFile(filepath.Join(dir, "strategy", fmt.Sprintf("%02d-%s.md", i+1, a)), ch.Encode(), 0o644)
	}
}

// tree10k is the generated 10,000-measure tree, written once per test binary.
func tree10k(b *testing.B) string {
	b.Helper()
	dir := filepath.Join(os.TempDir(), "samvirke-renderer-bench-10k")
	if _, err := os.Stat(filepath.Join(dir, "strategy")); err != nil {
		os.RemoveAll(dir)
		writeTree(b, dir, 10000, 1000)
	}
	return dir
}

func loadTree(b *testing.B, dir string) *measures.Content {
	b.Helper()
	c, err := measures.Load(os.DirFS(dir))
	if err != nil {
		b.Fatal(err)
	}
	if len(c.Measures) != 10000 {
		b.Fatalf("loaded %d measures", len(c.Measures))
	}
	return c
}

// baselineOf is c with a tenth of the measures a step behind: another status, one note
// less, and every fiftieth missing, so the changes section has work to do.
func baselineOf(b *testing.B, dir string) *measures.Content {
	old := loadTree(b, dir)
	for i, m := range old.Measures {
		if i%10 == 0 {
			m.Status, m.Log = measures.NotAssessed, m.Log[:1]
		}
	}
	var keep []*measures.Measure
	for i, m := range old.Measures {
		if i%50 != 1 {
			keep = append(keep, m)
		}
	}
	old.Measures = keep
	old.Replace(keep[0])
	return old
}

// write renders doc in format (html or md) into buf and returns its size.
func write(b *testing.B, format string, doc interface {
	HTML(io.Writer) error
	Markdown(io.Writer) error
}, buf *bytes.Buffer) int {
	render := doc.Markdown
	if format == "html" {
		render = doc.HTML
	}
	if err := render(buf); err != nil {
		b.Fatal(err)
	}
	return buf.Len()
}

// BenchmarkReport renders the report of 10,000 measures (with the changes since a
// baseline) from loaded content. Target on a 2-core machine: ≤ 1.5 s.
func BenchmarkReport(b *testing.B) {
	dir := tree10k(b)
	c, old := loadTree(b, dir), baselineOf(b, dir)
	for _, format := range []string{"html", "md"} {
		b.Run(format, func(b *testing.B) {
			b.ReportAllocs()
			var size int
			for b.Loop() {
				var buf bytes.Buffer
				r := NewReport(c, ReportOptions{DocOptions: DocOptions{Date: testDate, Origin: "commit 1a2b3c4"},
					Baseline: &Baseline{Label: "rapport/forrige", Diff: measures.Compare(old, c)}})
				size = write(b, format, r, &buf)
			}
			b.ReportMetric(float64(size)/(1<<20), "MiB-out")
		})
	}
}

// BenchmarkStrategy renders the strategy text with all 10,000 measures placed by
// ::: tiltak blocks, each measure's Markdown rendered by goldmark. Target: ≤ 1 s.
func BenchmarkStrategy(b *testing.B) {
	c := loadTree(b, tree10k(b))
	for _, format := range []string{"html", "md"} {
		b.Run(format, func(b *testing.B) {
			b.ReportAllocs()
			var size int
			for b.Loop() {
				var buf bytes.Buffer
				s := NewStrategy(c, DocOptions{Date: testDate})
				size = write(b, format, s, &buf)
			}
			b.ReportMetric(float64(size)/(1<<20), "MiB-out")
		})
	}
}

// BenchmarkReportWithLoad is the whole of «samvirke report --format html» but git: load
// the content and the baseline from disk, compare, render.
func BenchmarkReportWithLoad(b *testing.B) {
	dir := tree10k(b)
	for b.Loop() {
		c, old := loadTree(b, dir), loadTree(b, dir)
		var buf bytes.Buffer
		r := NewReport(c, ReportOptions{DocOptions: DocOptions{Date: testDate}, Baseline: &Baseline{Label: "x", Diff: measures.Compare(old, c)}})
		if err := r.HTML(&buf); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStrategyWithLoad is the whole of «samvirke strategy --format html»: load, render.
func BenchmarkStrategyWithLoad(b *testing.B) {
	dir := tree10k(b)
	for b.Loop() {
		c := loadTree(b, dir)
		var buf bytes.Buffer
		if err := NewStrategy(c, DocOptions{Date: testDate}).HTML(&buf); err != nil {
			b.Fatal(err)
		}
	}
}
