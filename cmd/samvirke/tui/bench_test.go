package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/samvirke/samvirke/measures"
)

// generate writes a content tree of n measures and n/10 input groups (6 bullets each)
// under dir, with Norwegian titles, every status, owners, due dates, log notes and links.
func generate(tb testing.TB, dir string, n int) string {
	tb.Helper()
	for _, d := range []string{"measures", "inputs/aa2020", "strategy"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			tb.Fatal(err)
		}
	}
	for _, f := range []string{"owners.yaml", "areas.yaml", "events.yaml"} {
		data, err := os.ReadFile(filepath.Join(fixture, f))
		if err != nil {
			tb.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, f), data, 0o644)
	}
	groups := max(n/10, 1)
	groupID := func(g int) string { return fmt.Sprintf("aa2020-%d.%d", g/100+1, g%100+1) }
	for g := 0; g < groups; g++ {
		grp := &measures.Group{ID: groupID(g), Event: "aa2020", Title: fmt.Sprintf("Gruppe %d om arbeid, helse og øremerkede midler", g), Day: 1, Session: 1}
		for i := 1; i <= 6; i++ {
			grp.Items = append(grp.Items, measures.Item{Text: fmt.Sprintf("Innspill %d fra gruppe %d om samhandling på tvers av sektorer", i, g)})
		}
		if err := os.WriteFile(filepath.Join(dir, "inputs/aa2020", grp.Number()+".md"), grp.Encode(), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	words := []string{"Øke", "Åpne", "Ærlig", "Styrke", "Samordne", "Utvikle", "Kartlegge", "Følge opp", "Evaluere", "Bygge"}
	objects := []string{"kunnskapen om effekter", "samarbeidet mellom NAV og helse", "tjenestene i kommunene",
		"kompetansen hos veiledere", "dataflyt og statistikk", "oppfølgingen av sykmeldte"}
	areas := []string{"roles", "knowledge"}
	owners := [][]string{{"hdir", "nav"}, {"nav"}, {"hod", "hdir"}}
	for i := 1; i <= n; i++ {
		due := measures.Date{Year: 2025 + i%3, Month: time.Month(1 + i%12), Day: 1 + i%28}
		progress := i % 101
		m := &measures.Measure{
			ID:    fmt.Sprintf("T%05d", i),
			Title: fmt.Sprintf("%s %s (%d)", words[i%len(words)], objects[i%len(objects)], i), Kind: measures.KindMeasure,
			Area: areas[i%2], Chapter: "summary", Owners: owners[i%len(owners)],
			Status: measures.Statuses[i%len(measures.Statuses)], Progress: &progress, Due: &due, Revision: measures.RevisionKeep,
			Source: "Generert for ytelsestest",
			Inputs: []string{measures.ItemID(groupID(i%groups), 1+i%6)},
			Log: []measures.LogEntry{{Date: measures.Date{Year: 2025, Month: 1, Day: 1}, Status: measures.NotStarted, Note: "Opprettet."},
				{Date: measures.Date{Year: 2025, Month: 6, Day: 1}, Note: "Arbeidet er i gang med begge direktoratene.", By: "Kari Nordmann"}},
			Text: strings.Repeat("Direktoratene skal sammen utvikle modeller for samvirke mellom arbeid og helse. ", 4),
		}
		if err := os.WriteFile(filepath.Join(dir, "measures", m.ID+".md"), m.Encode(), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	ch := &measures.Chapter{ID: "summary", Number: 1, Title: "Sammendrag", Text: "Tekst."}
	os.WriteFile(filepath.Join(dir, "strategy", "01-summary.md"), ch.Encode(), 0o644)
	return dir
}

var benchDir string

// benchContent generates the 10,000-measure tree once per test binary.
func benchContent(b *testing.B) string {
	if benchDir == "" {
		dir, err := os.MkdirTemp("", "samvirke-tui-bench-")
		if err != nil {
			b.Fatal(err)
		}
		benchDir = generate(b, dir, 10000)
	}
	return benchDir
}

func TestMain(m *testing.M) {
	code := m.Run()
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

func load(b *testing.B, dir string) *measures.Content {
	c, err := measures.Load(os.DirFS(dir))
	if err != nil {
		b.Fatal(err)
	}
	if len(c.Measures) != 10000 {
		b.Fatalf("%d measures", len(c.Measures))
	}
	return c
}

// firstFrame builds the model on loaded content and renders the first frame at 80×24.
func firstFrame(b *testing.B, c *measures.Content) *Model {
	m := New(Options{Content: c, Now: clock, ReadOnly: "benchmark"})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if v := m.View(); !strings.Contains(v.Content, "10000 av 10000") {
		b.Fatalf("first frame:\n%s", v.Content)
	}
	return m
}

// BenchmarkStartup is start-up to the first rendered frame from loaded content (model
// init and the first View) with 10,000 measures. Target: ≤ 300 ms. The search index is
// built in the background; the benchmark waits for it outside the timer, so no iteration
// competes with the last one's, and reports when it was ready (index-ms, from the start).
func BenchmarkStartup(b *testing.B) {
	c := load(b, benchContent(b))
	b.ReportAllocs()
	var index time.Duration
	for b.Loop() {
		start := time.Now()
		m := firstFrame(b, c)
		b.StopTimer()
		m.index.ready()
		index += time.Since(start)
		b.StartTimer()
	}
	b.ReportMetric(float64(index.Milliseconds())/float64(b.N), "index-ms")
}

// BenchmarkStartupWithLoad is the whole start-up: load and validate 10,000 measures from
// disk, then the model and the first frame. It reports the heap the runtime obtained
// from the system (heap-sys-MiB), an upper bound of the peak heap, and the largest heap
// in use seen after an iteration (heap-MiB).
func BenchmarkStartupWithLoad(b *testing.B) {
	dir := benchContent(b)
	runtime.GC()
	b.ReportAllocs()
	var inUse, sys uint64
	for b.Loop() {
		m := firstFrame(b, load(b, dir))
		b.StopTimer()
		m.index.ready()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		inUse = max(inUse, ms.HeapAlloc)
		sys = max(sys, ms.HeapSys-ms.HeapReleased)
		runtime.KeepAlive(m)
		b.StartTimer()
	}
	b.ReportMetric(float64(inUse)/(1<<20), "heap-MiB")
	b.ReportMetric(float64(sys)/(1<<20), "heap-sys-MiB")
}

// BenchmarkFilterKeystroke is one keystroke in the / filter (Update and View) with
// 10,000 measures: narrow adds a letter, widen removes one (a full search). Target: ≤ 16 ms.
func BenchmarkFilterKeystroke(b *testing.B) {
	c := load(b, benchContent(b))
	for _, tc := range []struct {
		name, start, key string
	}{
		{"narrow", "samvir", "k"},
		{"widen", "samvirk", "backspace"},
		{"first-letter", "", "o"},
	} {
		b.Run(tc.name, func(b *testing.B) {
			m := firstFrame(b, c)
			m.index.ready()
			press(b, m, "/")
			typeText(b, m, tc.start)
			undo := "backspace"
			if tc.key == "backspace" {
				undo = tc.start[len(tc.start)-1:]
			}
			b.ReportAllocs()
			for b.Loop() {
				m.Update(keyMsg(tc.key))
				_ = m.View()
				b.StopTimer()
				m.Update(keyMsg(undo))
				b.StartTimer()
			}
		})
	}
}

// BenchmarkScroll is one j on the measure list (Update and View) with 10,000 measures.
func BenchmarkScroll(b *testing.B) {
	m := firstFrame(b, load(b, benchContent(b)))
	m.index.ready()
	b.ReportAllocs()
	for b.Loop() {
		m.Update(keyMsg("j"))
		_ = m.View()
	}
}

// BenchmarkMemory reports the live heap of the TUI on 10,000 measures after start-up
// and a filter. Target: ≤ 200 MiB.
func BenchmarkMemory(b *testing.B) {
	dir := benchContent(b)
	var live uint64
	for b.Loop() {
		m := firstFrame(b, load(b, dir))
		press(b, m, "/")
		typeText(b, m, "samvirke")
		_ = m.View()
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		live = max(live, ms.HeapAlloc)
		runtime.KeepAlive(m)
	}
	b.ReportMetric(float64(live)/(1<<20), "live-MiB")
}

// BenchmarkPoll is one look for outside changes with 10,000 measures, off the event loop:
// quick (HEAD and the directories, every two seconds) and full (every file, every
// fifteenth poll at this size).
func BenchmarkPoll(b *testing.B) {
	dir := benchContent(b)
	for _, tc := range []struct {
		name string
		full bool
	}{{"quick", false}, {"full", true}} {
		b.Run(tc.name, func(b *testing.B) {
			m := New(Options{Content: load(b, dir), Dir: dir, FS: os.DirFS(dir), Now: clock})
			for b.Loop() {
				m.polls = 0
				if tc.full {
					m.polls = fullEvery(len(m.c.Measures)) - 1
				}
				msg, ok := m.signatureCmd()().(signatureMsg)
				if !ok || msg.quick == "" || (msg.full != "") != tc.full {
					b.Fatalf("signature %+v", msg)
				}
			}
		})
	}
}
