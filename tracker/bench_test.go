package tracker

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/samvirke/samvirke/internal/testutil"
	"github.com/samvirke/samvirke/measures"
)

// historyFixture describes a generated repository: a root commit with the fixture's
// owners, areas and events, one commit that adds all the measure files at once, then
// commits that each change one measure's status and log, commits commits in all.
type historyFixture struct {
	measures, commits int
}

// key names the fixture in the cache; bump the version when the generator changes.
func (f historyFixture) key() string {
	return fmt.Sprintf("history-v2-%dm-%dc", f.measures, f.commits)
}

// measureID is the id of measure i (1-based): T01, T02 … T10000.
func measureID(i int) string { return fmt.Sprintf("T%02d", i) }

// fixtureMeasure is measure i after rev changes.
func fixtureMeasure(i, rev int) *measures.Measure {
	m := &measures.Measure{ID: measureID(i), Title: fmt.Sprintf("Tiltak %d", i), Kind: measures.KindMeasure,
		Area: "roles", Owners: []string{"hdir", "nav"}, Status: measures.Statuses[rev%len(measures.Statuses)],
		Text: fmt.Sprintf("Direktoratene skal sammen utvikle modeller for samvirke (%d).", i)}
	for r := 0; r < rev && r < 3; r++ {
		m.Log = append(m.Log, measures.LogEntry{Date: measures.Date{Year: 2026, Month: 1, Day: 1 + r}, Note: fmt.Sprintf("Notat %d.", r)})
	}
	return m
}

// fastImport streams git fast-import commands into a new repository in dir.
type fastImport struct {
	tb   testing.TB
	cmd  *exec.Cmd
	in   io.WriteCloser
	w    *bufio.Writer
	when int64
}

func newFastImport(tb testing.TB, dir string) *fastImport {
	tb.Helper()
	testutil.Git(tb, dir, "init", "-q", "-b", "main")
	cmd := testutil.GitCommand(dir, nil, "fast-import", "--quiet")
	in, err := cmd.StdinPipe()
	if err != nil {
		tb.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	return &fastImport{tb: tb, cmd: cmd, in: in, w: bufio.NewWriterSize(in, 1<<20),
		when: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).Unix()}
}

func (f *fastImport) data(b []byte) {
	fmt.Fprintf(f.w, "data %d\n", len(b))
	f.w.Write(b)
	f.w.WriteString("\n")
}

// commit starts a commit on main, a minute after the one before.
func (f *fastImport) commit(msg string) {
	fmt.Fprintf(f.w, "commit refs/heads/main\ncommitter Kari Nordmann <kari@example.no> %d +0000\n", f.when)
	f.when += 60
	f.data([]byte(msg))
}

func (f *fastImport) put(name string, b []byte) {
	fmt.Fprintf(f.w, "M 100644 inline %s\n", name)
	f.data(b)
}

func (f *fastImport) del(name string) { fmt.Fprintf(f.w, "D %s\n", name) }

// finish ends the import and checks out main.
func (f *fastImport) finish(dir string) {
	f.tb.Helper()
	f.w.Flush()
	f.in.Close()
	if err := f.cmd.Wait(); err != nil {
		f.tb.Fatal(err)
	}
	testutil.Git(f.tb, dir, "checkout", "-q", "main")
}

// fixtureFiles adds owners.yaml, areas.yaml and events.yaml from the test fixture.
func (f *fastImport) fixtureFiles() {
	for _, name := range []string{"owners.yaml", "areas.yaml", "events.yaml"} {
		b, err := os.ReadFile(filepath.Join(fixtureFS(), name))
		if err != nil {
			f.tb.Fatal(err)
		}
		f.put("content/"+name, b)
	}
}

// generate writes the fixture's repository into dir.
func (hf historyFixture) generate(tb testing.TB, dir string) {
	f := newFastImport(tb, dir)
	f.commit("first")
	f.fixtureFiles()
	f.commit(fmt.Sprintf("%d measures", hf.measures))
	for i := 1; i <= hf.measures; i++ {
		f.put("content/measures/"+measureID(i)+".md", fixtureMeasure(i, 0).Encode())
	}
	rev := make([]int, hf.measures+1)
	for c := 2; c < hf.commits; c++ {
		i := 1 + (c*7919)%hf.measures
		rev[i]++
		f.commit(fmt.Sprintf("commit %d", c))
		f.put("content/measures/"+measureID(i)+".md", fixtureMeasure(i, rev[i]).Encode())
	}
	f.finish(dir)
}

// benchCacheDir holds generated repositories between benchmark runs:
// SAMVIRKE_BENCH_CACHE, else samvirke-bench under the temp dir.
func benchCacheDir() string {
	if d := os.Getenv("SAMVIRKE_BENCH_CACHE"); d != "" {
		return d
	}
	return filepath.Join(os.TempDir(), "samvirke-bench")
}

// repo returns the fixture's repository from the cache, generating it there the first
// time (into a temporary name, renamed when complete, so an interrupted run leaves no
// half-made repository behind).
func (hf historyFixture) repo(tb testing.TB) string {
	tb.Helper()
	dir := filepath.Join(benchCacheDir(), hf.key())
	if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
		return dir
	}
	if err := os.MkdirAll(benchCacheDir(), 0o755); err != nil {
		tb.Fatal(err)
	}
	tmp, err := os.MkdirTemp(benchCacheDir(), hf.key()+".tmp-")
	if err != nil {
		tb.Fatal(err)
	}
	start := time.Now()
	hf.generate(tb, tmp)
	tb.Logf("generated %s in %s", hf.key(), time.Since(start).Round(time.Second))
	if err := os.Rename(tmp, dir); err != nil {
		os.RemoveAll(tmp)
		if _, serr := os.Stat(filepath.Join(dir, ".git")); serr != nil {
			tb.Fatal(err)
		}
	}
	return dir
}

// largeFixture has 100,000 measures. It has 2,000 commits, not 20,000: git fast-import
// writes a new 3.8 MB tree for every commit, so 20,000 took over an hour on the shared
// 2-core machine. History reads no trees, so the commits count only as lines of the
// change index. It is generated and run only with SAMVIRKE_BENCH_LARGE=1.
var largeFixture = historyFixture{100000, 2000}

// historyFixtures are the repositories the history benchmarks run on.
func historyFixtures() []historyFixture {
	fx := []historyFixture{{10000, 20000}}
	if os.Getenv("SAMVIRKE_BENCH_LARGE") != "" {
		fx = append(fx, largeFixture)
	}
	return fx
}

// historyID is the measure the history benchmarks follow: created in the commit that
// adds every measure, changed later.
const historyID = "T42"

// indexState puts the change index of the repository in dir in the state named: "cold"
// (no .git/samvirke cache) or "warm" (built and up to date).
func indexState(b *testing.B, dir, state string) {
	b.Helper()
	switch state {
	case "cold":
		if err := os.RemoveAll(filepath.Join(dir, ".git", "samvirke")); err != nil {
			b.Fatal(err)
		}
	case "warm":
		r, err := Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := r.changes(); err != nil {
			b.Fatal(err)
		}
	}
}

// reportCPU reports the CPU seconds per operation since start: steadier than the wall
// time on a shared machine.
func reportCPU(b *testing.B, who int, start time.Duration) {
	b.ReportMetric((cpuTime(who)-start).Seconds()/float64(b.N), "cpu-s/op")
}

// BenchmarkHistory: History of a measure created in the commit that added every measure
// file, each iteration on a freshly opened Repo (so nothing is cached in memory between
// iterations), from a warm and from a cold change index.
func BenchmarkHistory(b *testing.B) {
	for _, hf := range historyFixtures() {
		dir := hf.repo(b)
		for _, state := range []string{"warm", "cold"} {
			b.Run(fmt.Sprintf("measures=%d/index=%s", hf.measures, state), func(b *testing.B) {
				var cpu time.Duration // of the timed part only
				for b.Loop() {
					b.StopTimer()
					indexState(b, dir, state)
					b.StartTimer()
					start := cpuTime(rusageSelf)
					r, err := Open(dir)
					if err != nil {
						b.Fatal(err)
					}
					h, err := r.History(historyID)
					if err != nil || len(h) == 0 {
						b.Fatal(len(h), err)
					}
					cpu += cpuTime(rusageSelf) - start
				}
				b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
			})
		}
	}
}

// buildSamvirke builds the samvirke binary into a temporary directory, once.
func buildSamvirke(b *testing.B) string {
	b.Helper()
	bin := filepath.Join(b.TempDir(), "samvirke")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/samvirke")
	cmd.Dir = ".."
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// BenchmarkHistoryBinary: one run of «samvirke history T42», the built binary, per
// iteration, from a warm and from a cold change index (target with the warm index:
// ≤ 150 ms with 10,000 measures, ≤ 2 s with 100,000); «git log --follow» of the same
// file for comparison. cpu-s/op is the CPU time of the child processes.
func BenchmarkHistoryBinary(b *testing.B) {
	bin := buildSamvirke(b)
	for _, hf := range historyFixtures() {
		dir := hf.repo(b)
		run := func(b *testing.B, name string, args ...string) {
			cmd := exec.Command(name, args...)
			cmd.Dir = dir
			out, err := cmd.Output()
			var ee *exec.ExitError
			if errors.As(err, &ee) {
				b.Fatalf("%s %v: %v\n%s", name, args, err, ee.Stderr)
			}
			if err != nil || len(out) == 0 {
				b.Fatalf("%s %v: %v, %d bytes of output", name, args, err, len(out))
			}
		}
		for _, state := range []string{"warm", "cold"} {
			b.Run(fmt.Sprintf("measures=%d/index=%s", hf.measures, state), func(b *testing.B) {
				start := cpuTime(rusageChildren)
				for b.Loop() {
					b.StopTimer()
					indexState(b, dir, state)
					b.StartTimer()
					run(b, bin, "history", historyID)
				}
				reportCPU(b, rusageChildren, start)
			})
		}
		b.Run(fmt.Sprintf("measures=%d/git-log-follow", hf.measures), func(b *testing.B) {
			start := cpuTime(rusageChildren)
			for b.Loop() {
				run(b, "git", "log", "--follow", "--format=%H", "--", "content/measures/"+historyID+".md")
			}
			reportCPU(b, rusageChildren, start)
		})
	}
}

// BenchmarkIndexBuild: building the change index from nothing, against
// git log --name-only --format=%H (target: ≤ 2× git). cpu-s/op is the CPU time used
// (by this process, or by git), steadier than the wall time on a shared machine.
func BenchmarkIndexBuild(b *testing.B) {
	dir := historyFixture{10000, 20000}.repo(b)
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
		reportCPU(b, rusageSelf, start)
	})
	b.Run("git-log", func(b *testing.B) {
		start := cpuTime(rusageChildren)
		for b.Loop() {
			cmd := testutil.GitCommand(dir, nil, "log", "--name-only", "--format=%H")
			if err := cmd.Run(); err != nil {
				b.Fatal(err)
			}
		}
		reportCPU(b, rusageChildren, start)
	})
}

// BenchmarkHistoryCreatedWith: History (fresh Repo, warm index) of a measure created in
// a commit that added n measure files, for n from 1,000 to 100,000 (with
// SAMVIRKE_BENCH_LARGE=1), in repositories of 2,000 commits each: the time should grow
// no faster than n (the change index holds a line of n files).
func BenchmarkHistoryCreatedWith(b *testing.B) {
	sizes := []int{1000, 3000, 10000}
	if os.Getenv("SAMVIRKE_BENCH_LARGE") != "" {
		sizes = append(sizes, largeFixture.measures)
	}
	for _, n := range sizes {
		dir := historyFixture{n, largeFixture.commits}.repo(b)
		b.Run("files="+strconv.Itoa(n), func(b *testing.B) {
			indexState(b, dir, "warm")
			start := cpuTime(rusageSelf)
			for b.Loop() {
				r, err := Open(dir)
				if err != nil {
					b.Fatal(err)
				}
				if h, err := r.History(historyID); err != nil || len(h) == 0 {
					b.Fatal(len(h), err)
				}
			}
			reportCPU(b, rusageSelf, start)
		})
	}
}
