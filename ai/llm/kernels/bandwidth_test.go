package kernels

import (
	"fmt"
	"testing"
)

// BenchmarkMemoryBandwidth is a STREAM-style measure of this machine's
// memory bandwidth over arrays larger than the caches, on one core and on
// all: "axpy" is y += a·x, 12 bytes moved per element (two reads, one
// write); "read" is x·x, 4 bytes read per element. Decoding one token reads
// every weight once, so the read figure bounds single-stream decode speed.
func BenchmarkMemoryBandwidth(b *testing.B) {
	const n = 64 << 20 // 256 MiB per array
	x, y := make([]float32, n), make([]float32, n)
	for i := range x {
		x[i], y[i] = 1, 2
	}
	be := Default()
	for _, cores := range []int{1, Workers()} {
		b.Run(fmt.Sprintf("%s/axpy/cores%d", be.Name(), cores), func(b *testing.B) {
			for b.Loop() {
				ParallelFor(n, cores, func(lo, hi int) { be.Axpy(1e-9, x[lo:hi], y[lo:hi]) })
			}
			b.ReportMetric(12*float64(n)*float64(b.N)/b.Elapsed().Seconds()/1e9, "GB/s")
		})
		b.Run(fmt.Sprintf("%s/read/cores%d", be.Name(), cores), func(b *testing.B) {
			sums := make([]float32, cores)
			for b.Loop() {
				ParallelFor(n, cores, func(lo, hi int) { sums[lo*cores/n] = be.Dot(x[lo:hi], x[lo:hi]) })
			}
			b.ReportMetric(4*float64(n)*float64(b.N)/b.Elapsed().Seconds()/1e9, "GB/s")
		})
	}
}
