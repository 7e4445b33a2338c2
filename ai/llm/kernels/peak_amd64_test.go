package kernels

import (
	"fmt"
	"sync"
	"testing"
)

// BenchmarkFMAPeak measures this CPU's float32 fused multiply-add peak on one
// core and on every core: 12 independent vector FMAs per loop iteration, no
// memory traffic.
func BenchmarkFMAPeak(b *testing.B) {
	type peak struct {
		name  string
		lanes int
		ok    bool
		run   func(int)
	}
	for _, p := range []peak{
		{"avx512", 16, hasAVX512(), fmaPeakAVX512},
		{"avx2", 8, hasAVX2(), fmaPeakAVX2},
	} {
		if !p.ok {
			continue
		}
		for _, cores := range []int{1, Workers()} {
			b.Run(fmt.Sprintf("%s/cores%d", p.name, cores), func(b *testing.B) {
				const iters = 1 << 20
				for b.Loop() {
					var wg sync.WaitGroup
					for range cores {
						wg.Add(1)
						go func() { defer wg.Done(); p.run(iters) }()
					}
					wg.Wait()
				}
				flops := float64(b.N) * float64(cores) * iters * 12 * float64(p.lanes) * 2
				b.ReportMetric(flops/b.Elapsed().Seconds()/1e9, "GFLOPS")
			})
		}
	}
}
