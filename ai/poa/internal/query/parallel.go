package query

import "sync"

// parallel runs fn over [0, n) cut into contiguous chunks on up to
// workers goroutines and waits for all of them. A panic in one (an index
// block that fails its check panics with a CorruptError) is raised again
// in the caller, where the engine turns it into an error.
func parallel(n, workers int, fn func(from, to int)) {
	workers = max(1, min(workers, n))
	chunk := (n + workers - 1) / workers
	var wg sync.WaitGroup
	var mu sync.Mutex
	var failure any
	for from := 0; from < n; from += chunk {
		to := min(from+chunk, n)
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				if r := recover(); r != nil {
					mu.Lock()
					if failure == nil {
						failure = r
					}
					mu.Unlock()
				}
			}()
			fn(from, to)
		}()
	}
	wg.Wait()
	if failure != nil {
		panic(failure)
	}
}
