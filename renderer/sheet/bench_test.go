package sheet

import (
	"fmt"
	"io"
	"runtime"
	"testing"
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
