package measures

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	yaml "go.yaml.in/yaml/v4"
)

// writeGenerated writes a content tree with n measures and groups input groups (6
// bullets each) under dir, linked to each other, and returns dir.
func writeGenerated(tb testing.TB, dir string, n, groups int) string {
	tb.Helper()
	for _, d := range []string{"measures", "inputs/aa2020", "strategy"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			tb.Fatal(err)
		}
	}
	copyFile := func(name string) {
		data, err := os.ReadFile(filepath.Join("testdata/content", name))
		if err != nil {
			tb.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, name), data, 0o644)
	}
	copyFile("owners.yaml")
	copyFile("areas.yaml")
	copyFile("events.yaml")
	statuses := Statuses
	for g := 1; g <= groups; g++ {
		grp := &Group{ID: fmt.Sprintf("aa2020-%d.%d", g/100+1, g%100+1), Event: "aa2020", Title: fmt.Sprintf("Gruppe %d om arbeid og helse", g), Day: 1, Session: 1}
		for i := 1; i <= 6; i++ {
			grp.Items = append(grp.Items, Item{Text: fmt.Sprintf("Innspill %d fra gruppe %d om samhandling, øremerkede midler og kompetanse", i, g)})
		}
		if err := os.WriteFile(filepath.Join(dir, "inputs/aa2020", grp.Number()+".md"), grp.Encode(), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	for i := 1; i <= n; i++ {
		g := i%groups + 1
		due := Date{2026, time.Month(1 + i%12), 1 + i%28}
		progress := i % 101
		m := &Measure{
			ID: fmt.Sprintf("T%02d", i), Title: fmt.Sprintf("Tiltak %d for bedre samvirke på tvers", i), Kind: KindMeasure,
			Area: []string{"roles", "knowledge"}[i%2], Chapter: "summary", Owners: []string{"hdir", "nav"},
			Status: statuses[i%len(statuses)], Progress: &progress, Due: &due, Revision: RevisionKeep,
			Source: "Generert for ytelsestest",
			Inputs: []string{ItemID(fmt.Sprintf("aa2020-%d.%d", g/100+1, g%100+1), 1+i%6)},
			Log: []LogEntry{{Date: Date{2025, 1, 1}, Status: NotStarted, Note: "Opprettet."},
				{Date: Date{2025, 6, 1}, Status: InProgress, Note: "Arbeidet er i gang med begge direktoratene.", By: "Kari Nordmann"}},
			Text: strings.Repeat("Direktoratene skal sammen utvikle modeller for samvirke mellom arbeid og helse. ", 4),
		}
		if err := os.WriteFile(filepath.Join(dir, "measures", m.ID+".md"), m.Encode(), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	ch := &Chapter{ID: "summary", Number: 1, Title: "Sammendrag", Text: "Tekst med [[T01]].\n\n::: tiltak area=roles"}
	os.WriteFile(filepath.Join(dir, "strategy", "01-summary.md"), ch.Encode(), 0o644)
	return dir
}

// BenchmarkLoad loads and validates 10,000 measures and 1,000 input groups from disk.
// Target on a 2-core machine: ≤ 400 ms and ≤ 150 MiB (reported as peak-MiB). cpu-s/op is
// the CPU time used (all cores), steadier than the wall time on a shared machine.
func BenchmarkLoad(b *testing.B) {
	dir := writeGenerated(b, b.TempDir(), 10000, 1000)
	fsys := os.DirFS(dir)
	b.ReportAllocs()
	var peak uint64
	var cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		runtime.GC()
		b.StartTimer()
		start := cpuTime()
		c, err := Load(fsys)
		cpu += cpuTime() - start
		if err != nil {
			b.Fatal(err)
		}
		if len(c.Measures) != 10000 || len(c.Groups) != 1000 {
			b.Fatalf("loaded %d measures and %d groups", len(c.Measures), len(c.Groups))
		}
		b.StopTimer()
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		b.StartTimer()
		if live := after.HeapAlloc; live > peak {
			peak = live
		}
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-MiB")
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
}

// BenchmarkFrontMatter decodes the front matter of one canonical measure file with the
// fast path and with go-yaml.
func BenchmarkFrontMatter(b *testing.B) {
	dir := writeGenerated(b, b.TempDir(), 1, 1)
	data, err := os.ReadFile(filepath.Join(dir, "measures", "T01.md"))
	if err != nil {
		b.Fatal(err)
	}
	fm, _ := frontMatterOf(data)
	b.Run("fast", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, ok := fastYAML(string(fm)); !ok {
				b.Fatal("fallback")
			}
		}
	})
	b.Run("go-yaml", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var n yaml.Node
			if err := yaml.Load(fm, &n); err != nil {
				b.Fatal(err)
			}
		}
	})
}
