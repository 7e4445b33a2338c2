package kernels

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Workers is the number of goroutines a parallel kernel splits into: one per
// CPU the Go scheduler may use.
func Workers() int { return runtime.GOMAXPROCS(0) }

// ParallelFor splits [0, n) into at most workers contiguous ranges of equal
// size and calls fn on each, concurrently, returning when all are done. The
// split depends only on n and workers, so work that writes disjoint outputs
// per index gives the same result whatever the scheduling.
//
// The ranges after the first go to the crew of resident workers when it is
// free and the split fits the scheduler's CPUs; otherwise (a concurrent or
// nested call, or more ranges than CPUs) to fresh goroutines.
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
	parts := (n + per - 1) / per
	if parts <= runtime.GOMAXPROCS(0) && resident.run(n, per, parts, fn) {
		return
	}
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

// ParallelItems calls fn once for every item of [0, items) on up to workers
// goroutines, handing items out one at a time to whichever is free, so
// uneven items, or a CPU shared with another process, do not leave the
// others waiting. worker, in [0, workers), names the goroutine, so fn may
// keep scratch space per worker; which worker runs an item must not change
// its result.
func ParallelItems(items, workers int, fn func(worker, item int)) {
	if workers > items {
		workers = items
	}
	if workers <= 1 {
		for i := range items {
			fn(0, i)
		}
		return
	}
	var next atomic.Int64
	ParallelFor(workers, workers, func(worker, _ int) {
		for {
			item := int(next.Add(1)) - 1
			if item >= items {
				return
			}
			fn(worker, item)
		}
	})
}
