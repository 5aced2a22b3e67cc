package tracker

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/samvirke/samvirke/internal/testutil"
	"github.com/samvirke/samvirke/measures"
)

// BenchmarkContentFSLoad loads 10,000 measures of one commit through ContentFS, as
// «validate --at» and «check-pr» do: each directory's tree must be decoded once, not
// once per file (that was 40 CPU-s on the 2-core machine; now well under one).
func BenchmarkContentFSLoad(b *testing.B) {
	dir := b.TempDir()
	if err := copyFS(filepath.Join(dir, "content"), os.DirFS(fixtureFS())); err != nil {
		b.Fatal(err)
	}
	t01, err := os.ReadFile(filepath.Join(dir, "content/measures/T01.md"))
	if err != nil {
		b.Fatal(err)
	}
	for i := 100; i < 10100; i++ {
		data := strings.Replace(string(t01), "id: T01", fmt.Sprintf("id: T%d", i), 1)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("content/measures/T%d.md", i)), []byte(data), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	testutil.Git(b, dir, "init", "-q", "-b", "main")
	testutil.Git(b, dir, "add", "content")
	testutil.Git(b, dir, "-c", "gc.auto=0", "commit", "-q", "-m", "10,000 measures")
	r, err := Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	cpu := cpuTime(rusageSelf)
	for b.Loop() {
		fsys, _, err := r.ContentFS("HEAD")
		if err != nil {
			b.Fatal(err)
		}
		c, err := measures.Load(fsys)
		if c == nil || len(c.Measures) < 10000 {
			b.Fatalf("Load: %v", err)
		}
	}
	b.ReportMetric((cpuTime(rusageSelf)-cpu).Seconds()/float64(b.N), "cpu-s/op")
}
