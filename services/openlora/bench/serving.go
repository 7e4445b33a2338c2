package bench

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/openledger/openledger/ai/llm/generate"
	"github.com/openledger/openledger/ai/llm/lora"
	"github.com/openledger/openledger/ai/llm/model"
)

// RandomAdapters makes n seeded rank-r adapters on q, k, v and o.
func RandomAdapters(base *model.Model, n, rank int) ([]*lora.Adapter, error) {
	out := make([]*lora.Adapter, n)
	for i := range out {
		a, err := lora.NewRandom(&base.Config, lora.Config{
			PeftType: "LORA", R: rank, LoraAlpha: float64(2 * rank), TargetModules: lora.TargetModules{"q_proj", "k_proj", "v_proj", "o_proj"},
		}, uint64(i)+1)
		if err != nil {
			return nil, err
		}
		out[i] = a
	}
	return out, nil
}

// MultiAdapter runs the workload on one continuous-batching engine whose
// batches mix adapters (unmerged, segmented LoRA), as the node serves.
func MultiAdapter(base *model.Model, adapters []*lora.Adapter, w Workload, maxBatch int) (Result, error) {
	e := generate.NewEngine(base, generate.Options{MaxBatch: maxBatch, PrefillChunk: 256})
	defer e.Close()
	reqs := w.requests(base.Config.Vocab)
	timings := make([]timing, len(reqs))
	next := make(chan int)
	var wg sync.WaitGroup
	var firstErr error
	var mu sync.Mutex
	start := time.Now()
	for range w.Clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				r := reqs[i]
				t := &timings[i]
				t.start = time.Now()
				h, err := e.Submit(context.Background(), generate.Request{
					Prompt: r.prompt, Adapter: adapters[r.adapter], MaxTokens: w.OutputTokens, StopTokens: []int{},
				})
				if err != nil {
					mu.Lock()
					firstErr = err
					mu.Unlock()
					continue
				}
				for range h.Tokens {
					if t.tokens == 0 {
						t.first = time.Now()
					}
					t.tokens++
				}
				t.end = time.Now()
			}
		}()
	}
	for i := range reqs {
		next <- i
	}
	close(next)
	wg.Wait()
	return summarize("multi-adapter batch", w, distinct(reqs), timings, time.Since(start)), firstErr
}

// MergePerRequest is the baseline: requests wait in one queue; the server
// merges the head request's adapter into the base weights, serves every
// queued request of that adapter together (up to maxBatch), and moves on to
// the next adapter, as a server that applies one merged adapter at a time
// does.
func MergePerRequest(base *model.Model, adapters []*lora.Adapter, w Workload, maxBatch int) (Result, error) {
	reqs := w.requests(base.Config.Vocab)
	timings := make([]timing, len(reqs))
	type queued struct {
		i    int
		done chan struct{}
	}
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	var queue []queued
	closed := false
	var serveErr error
	served := make(chan struct{})
	go func() {
		defer close(served)
		for {
			mu.Lock()
			for len(queue) == 0 && !closed {
				cond.Wait()
			}
			if len(queue) == 0 {
				mu.Unlock()
				return
			}
			adapter := reqs[queue[0].i].adapter
			var group, rest []queued
			for _, q := range queue {
				if reqs[q.i].adapter == adapter && len(group) < maxBatch {
					group = append(group, q)
				} else {
					rest = append(rest, q)
				}
			}
			queue = rest
			mu.Unlock()
			merged, err := lora.Merge(base, adapters[adapter])
			if err != nil {
				serveErr = err
				for _, q := range group {
					close(q.done)
				}
				continue
			}
			merged.Compact()
			e := generate.NewEngine(merged, generate.Options{MaxBatch: maxBatch, PrefillChunk: 256})
			var wg sync.WaitGroup
			for _, q := range group {
				wg.Add(1)
				go func() {
					defer wg.Done()
					defer close(q.done)
					t := &timings[q.i]
					h, err := e.Submit(context.Background(), generate.Request{Prompt: reqs[q.i].prompt, MaxTokens: w.OutputTokens, StopTokens: []int{}})
					if err != nil {
						serveErr = err
						return
					}
					for range h.Tokens {
						if t.tokens == 0 {
							t.first = time.Now()
						}
						t.tokens++
					}
					t.end = time.Now()
				}()
			}
			wg.Wait()
			e.Close()
		}
	}()
	next := make(chan int)
	var clients sync.WaitGroup
	start := time.Now()
	for range w.Clients {
		clients.Add(1)
		go func() {
			defer clients.Done()
			for i := range next {
				timings[i].start = time.Now()
				q := queued{i: i, done: make(chan struct{})}
				mu.Lock()
				queue = append(queue, q)
				cond.Signal()
				mu.Unlock()
				<-q.done
			}
		}()
	}
	for i := range reqs {
		next <- i
	}
	close(next)
	clients.Wait()
	mu.Lock()
	closed = true
	cond.Signal()
	mu.Unlock()
	<-served
	return summarize("merge per request", w, distinct(reqs), timings, time.Since(start)), serveErr
}

func distinct(reqs []request) int {
	seen := map[int]bool{}
	for _, r := range reqs {
		seen[r.adapter] = true
	}
	return len(seen)
}

// FormatResult is one table row.
func FormatResult(r Result) string {
	ms := func(d time.Duration) string { return fmt.Sprintf("%.0f", float64(d.Microseconds())/1000) }
	return fmt.Sprintf("| %s | %d | %d | %.0f | %s / %s | %s / %s |", r.Mode, r.Adapters, r.DistinctUsed, r.TokensPerSecond,
		ms(r.TTFTp50), ms(r.TTFTp99), ms(r.ITLp50), ms(r.ITLp99))
}
