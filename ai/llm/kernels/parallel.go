package kernels

import (
	"runtime"
	"sync"
)

// Workers is the number of goroutines a parallel kernel splits into: one per
// CPU the Go scheduler may use.
func Workers() int { return runtime.GOMAXPROCS(0) }

// ParallelFor splits [0, n) into at most workers contiguous ranges of equal
// size and calls fn on each, concurrently, returning when all are done. The
// split depends only on n and workers, so work that writes disjoint outputs
// per index gives the same result whatever the scheduling.
func ParallelFor(n, workers int, fn func(lo, hi int)) {
	if workers > n {
		workers = n
	}
	if workers <= 1 {
		if n > 0 {
			fn(0, n)
		}
		return
	}
	per := (n + workers - 1) / workers
	var wg sync.WaitGroup
	for lo := per; lo < n; lo += per {
		wg.Add(1)
		go func(lo, hi int) {
			defer wg.Done()
			fn(lo, hi)
		}(lo, min(lo+per, n))
	}
	fn(0, min(per, n))
	wg.Wait()
}
