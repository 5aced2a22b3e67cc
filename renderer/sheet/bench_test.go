package sheet

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"testing"
	"time"

	"github.com/samvirke/samvirke/measures"
)

// BenchmarkWriteXLSX10k is `samvirke export -o tiltak.xlsx` for 10,000 measures (the
// fixture's T01, with its log and inputs, numbered again), without the load: the target
// is 3 s and 300 MiB. It reports the peak heap in use (MiB).
func BenchmarkWriteXLSX10k(b *testing.B) {
	c := fixture(b)
	base := c.Measure("T01")
	for i := range 10_000 {
		m := base.Clone()
		m.ID = fmt.Sprintf("T%05d", i+100)
		c.Measures = append(c.Measures, m)
	}
	var peak uint64
	for b.Loop() {
		runtime.GC()
		if err := WriteXLSX(io.Discard, c, About{Made: made}); err != nil {
			b.Fatal(err)
		}
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		peak = max(peak, ms.HeapSys-ms.HeapReleased)
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
}

// BenchmarkImportXLSX10k is `samvirke import tiltak.xlsx --dry-run` of a workbook of
// 10,000 measures in which every row changes the status and adds a note, without the
// load of the content: reading the sheet as a stream, mapping every row, encoding, parsing
// and validating the 10,000 changed measures with all the content. The target is 3 s and
// 300 MiB; it reports the peak heap in use (MiB).
func BenchmarkImportXLSX10k(b *testing.B) {
	c := fixture(b)
	base := c.Measure("T01")
	var edited []*measures.Measure
	for i := range 10_000 {
		m := base.Clone()
		m.ID = fmt.Sprintf("T%05d", i+100)
		m.File = "content/measures/" + m.ID + ".md"
		c.Measures = append(c.Measures, m)
		e := m.Clone()
		e.Status = measures.Delayed
		e.Log = append(e.Log, measures.LogEntry{Date: today, Note: fmt.Sprintf("Notat %d.", i)})
		edited = append(edited, e)
	}
	c = c.With()
	var x bytes.Buffer
	if err := WriteXLSX(&x, c.With(edited...), About{Made: made}); err != nil {
		b.Fatal(err)
	}
	var peak uint64
	var cpu time.Duration
	for b.Loop() {
		runtime.GC()
		start := cpuTime()
		g, err := ReadXLSX(bytes.NewReader(x.Bytes()), "tiltak.xlsx", "")
		if err != nil {
			b.Fatal(err)
		}
		p, err := Import(c, g, ImportOptions{Today: today})
		if err != nil {
			b.Fatal(err)
		}
		if len(p.Changed) != 10_000 {
			b.Fatalf("%d changed", len(p.Changed))
		}
		_ = measures.Compare(c, p.After())
		cpu += cpuTime() - start
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		peak = max(peak, ms.HeapSys-ms.HeapReleased)
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
}
