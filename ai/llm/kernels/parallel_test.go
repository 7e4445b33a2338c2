package kernels

import (
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// covers checks that one ParallelFor call visits every index of [0, n)
// exactly once.
func covers(t *testing.T, n, workers int) {
	t.Helper()
	seen := make([]atomic.Int32, n)
	ParallelFor(n, workers, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			seen[i].Add(1)
		}
	})
	for i := range seen {
		if c := seen[i].Load(); c != 1 {
			t.Fatalf("n=%d workers=%d: index %d visited %d times", n, workers, i, c)
		}
	}
}

func TestParallelForCoversEveryIndexOnce(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	for _, n := range []int{0, 1, 2, 3, 7, 64, 1000} {
		for _, workers := range []int{1, 2, 3, 4, 9} {
			covers(t, n, workers)
		}
	}
}

// Callers on several goroutines at once share the crew or fall back to
// fresh goroutines; nested calls run too.
func TestParallelForConcurrentAndNested(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(3))
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 200 {
				covers(t, 10+g+i%5, 3)
			}
		})
	}
	var inner atomic.Int64
	wg.Go(func() {
		for range 50 {
			ParallelFor(3, 3, func(lo, hi int) {
				ParallelFor(4, 2, func(lo, hi int) { inner.Add(int64(hi - lo)) })
			})
		}
	})
	wg.Wait()
	if got := inner.Load(); got != 50*3*4 {
		t.Fatalf("nested calls covered %d indices, want %d", got, 50*3*4)
	}
}

// A crew member that has parked after a pause wakes for the next task.
func TestParallelForAfterIdle(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	for range 3 {
		covers(t, 100, 2)
		time.Sleep(20 * time.Millisecond)
	}
}

// A panic on the calling goroutine reaches the caller, and the crew is
// usable afterwards.
func TestParallelForPanicLeavesCrewUsable(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	func() {
		defer func() {
			if recover() == nil {
				t.Fatal("the panic was lost")
			}
		}()
		ParallelFor(2, 2, func(lo, _ int) {
			if lo == 0 {
				panic("boom")
			}
		})
	}()
	if resident.busy.Load() {
		t.Fatal("the crew is still marked busy")
	}
	covers(t, 50, 2)
}
