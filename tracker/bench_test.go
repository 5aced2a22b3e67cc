package tracker

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/samvirke/samvirke/measures"
)

// generateHistory writes a repository with n measures and commits commits under dir
// with git fast-import: one commit adding the content, then commits that each change one
// measure's status and log. It returns dir.
func generateHistory(tb testing.TB, dir string, n, commits int) string {
	tb.Helper()
	gitCmdB(tb, dir, "init", "-q", "-b", "main")
	cmd := exec.Command("git", "fast-import", "--quiet")
	cmd.Dir = dir
	stdin, err := cmd.StdinPipe()
	if err != nil {
		tb.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriterSize(stdin, 1<<20)
	data := func(b []byte) { fmt.Fprintf(w, "data %d\n", len(b)); w.Write(b); w.WriteString("\n") }
	fixed := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(fixtureFS(), name))
		if err != nil {
			tb.Fatal(err)
		}
		return b
	}
	measure := func(i, rev int) *measures.Measure {
		m := &measures.Measure{ID: fmt.Sprintf("T%02d", i), Title: fmt.Sprintf("Tiltak %d", i), Kind: measures.KindMeasure,
			Area: "roles", Owners: []string{"hdir", "nav"}, Status: measures.Statuses[rev%len(measures.Statuses)],
			Text: "Direktoratene skal sammen utvikle modeller for samvirke."}
		for r := 0; r < rev && r < 3; r++ {
			m.Log = append(m.Log, measures.LogEntry{Date: measures.Date{Year: 2026, Month: 1, Day: 1 + r}, Note: fmt.Sprintf("Notat %d.", r)})
		}
		return m
	}
	when := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	rev := make([]int, n+1)
	for c := 0; c < commits; c++ {
		fmt.Fprintf(w, "commit refs/heads/main\ncommitter Kari Nordmann <kari@example.no> %d +0000\n", when+int64(c)*60)
		data([]byte(fmt.Sprintf("commit %d", c)))
		if c == 0 {
			for _, f := range []string{"owners.yaml", "areas.yaml", "events.yaml"} {
				fmt.Fprintf(w, "M 100644 inline content/%s\n", f)
				data(fixed(f))
			}
			for i := 1; i <= n; i++ {
				fmt.Fprintf(w, "M 100644 inline content/measures/T%02d.md\n", i)
				data(measure(i, 0).Encode())
			}
			continue
		}
		i := 1 + (c*7919)%n
		rev[i]++
		fmt.Fprintf(w, "M 100644 inline content/measures/T%02d.md\n", i)
		data(measure(i, rev[i]).Encode())
	}
	w.Flush()
	stdin.Close()
	if err := cmd.Wait(); err != nil {
		tb.Fatal(err)
	}
	gitCmdB(tb, dir, "checkout", "-q", "main")
	return dir
}

var historyRepo string

// benchRepo returns the generated repository: SAMVIRKE_HISTORY_REPO when it names one
// made before (generating takes a minute or two), else a new one under the temp dir.
func benchRepo(b *testing.B) string {
	if dir := os.Getenv("SAMVIRKE_HISTORY_REPO"); historyRepo == "" && dir != "" {
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			historyRepo = dir
		}
	}
	if historyRepo == "" {
		dir, err := os.MkdirTemp("", "samvirke-history-")
		if err != nil {
			b.Fatal(err)
		}
		historyRepo = generateHistory(b, dir, 10000, 20000)
	}
	return historyRepo
}

func runGit(b *testing.B, dir string, args ...string) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Stdout = nil
	if err := cmd.Run(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkHistoryWarm: history of one measure from a warm index, against
// git log --format=%H -- <file> (target: ≤ 100 ms and faster than git).
func BenchmarkHistoryWarm(b *testing.B) {
	dir := benchRepo(b)
	r, err := Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := r.History("T42"); err != nil { // warm the index
		b.Fatal(err)
	}
	b.Run("samvirke", func(b *testing.B) {
		for b.Loop() {
			h, err := r.History("T42")
			if err != nil || len(h) == 0 {
				b.Fatal(len(h), err)
			}
		}
	})
	b.Run("git-log", func(b *testing.B) {
		for b.Loop() {
			runGit(b, dir, "log", "--format=%H", "--", "content/measures/T42.md")
		}
	})
}

// BenchmarkIndexBuild: building the change index from nothing, against
// git log --name-only --format=%H (target: ≤ 2× git). cpu-s/op is the CPU time used
// (by this process, or by git), steadier than the wall time on a shared machine.
func BenchmarkIndexBuild(b *testing.B) {
	dir := benchRepo(b)
	b.Run("samvirke", func(b *testing.B) {
		start := cpuTime(rusageSelf)
		for b.Loop() {
			os.Remove(filepath.Join(dir, ".git", indexFile))
			r, err := Open(dir)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := r.changes(); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric((cpuTime(rusageSelf)-start).Seconds()/float64(b.N), "cpu-s/op")
	})
	b.Run("git-log", func(b *testing.B) {
		start := cpuTime(rusageChildren)
		for b.Loop() {
			runGit(b, dir, "log", "--name-only", "--format=%H")
		}
		b.ReportMetric((cpuTime(rusageChildren)-start).Seconds()/float64(b.N), "cpu-s/op")
	})
}

func gitCmdB(tb testing.TB, dir string, args ...string) {
	tb.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("git %v: %v\n%s", args, err, out)
	}
}
