package kernels

import (
	"fmt"
	"testing"
)

// BenchmarkMemoryBandwidth is a STREAM-style measure of this machine's
// memory bandwidth: y += a·x over arrays far larger than the caches, 12
// bytes moved per element (two reads, one write), on one core and on all.
// Decoding one token reads every weight once, so this bounds single-stream
// decode speed.
func BenchmarkMemoryBandwidth(b *testing.B) {
	const n = 16 << 20 // 64 MiB per array
	x, y := make([]float32, n), make([]float32, n)
	for i := range x {
		x[i], y[i] = 1, 2
	}
	be := Default()
	for _, cores := range []int{1, Workers()} {
		b.Run(fmt.Sprintf("%s/cores%d", be.Name(), cores), func(b *testing.B) {
			for b.Loop() {
				ParallelFor(n, cores, func(lo, hi int) { be.Axpy(1e-9, x[lo:hi], y[lo:hi]) })
			}
			b.ReportMetric(12*float64(n)*float64(b.N)/b.Elapsed().Seconds()/1e9, "GB/s")
		})
	}
}
