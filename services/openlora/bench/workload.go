// Package bench measures the serving node: throughput, time to first token
// and inter-token latency over a Zipf-popular mix of many adapters, beside a
// baseline that merges one adapter into the base weights per request (what
// a plain PEFT server does); adapter cold-load latency by cache tier; and
// the cost of an answer's attribution and receipt. cmd/openlora-bench runs
// it and writes the tables for docs/benchmarks.md.
package bench

import (
	"math"
	"math/rand/v2"
	"slices"
	"time"
)

// Workload is a closed-loop request mix: Clients concurrent clients send
// Requests requests in all, each with a PromptTokens-token prompt and
// OutputTokens generated tokens, for an adapter drawn Zipf(s) from Adapters.
type Workload struct {
	Adapters     int
	Requests     int
	Clients      int
	PromptTokens int
	OutputTokens int
	ZipfS        float64
	Seed         uint64
}

// request is one request of a workload.
type request struct {
	adapter int
	prompt  []int
}

// requests draws the workload's requests, deterministically.
func (w Workload) requests(vocab int) []request {
	rng := rand.New(rand.NewPCG(w.Seed, 0x7a697066))
	// Zipf over ranks 1..n: P(k) ∝ k^-s, drawn by inverting the cumulative
	// weights (the standard library's Zipf needs s > 1).
	cum := make([]float64, w.Adapters)
	total := 0.0
	for k := range w.Adapters {
		total += math.Pow(float64(k+1), -w.ZipfS)
		cum[k] = total
	}
	out := make([]request, w.Requests)
	for i := range out {
		u := rng.Float64() * total
		k, _ := slices.BinarySearch(cum, u)
		p := make([]int, w.PromptTokens)
		for j := range p {
			p[j] = rng.IntN(vocab)
		}
		out[i] = request{adapter: min(k, w.Adapters-1), prompt: p}
	}
	return out
}

// Result sums up one run.
type Result struct {
	Mode             string
	Adapters         int
	DistinctUsed     int
	TokensPerSecond  float64
	TTFTp50, TTFTp99 time.Duration
	ITLp50, ITLp99   time.Duration
	Wall             time.Duration
}

// timing is one request's measurements.
type timing struct {
	start, first, end time.Time
	tokens            int
}

func summarize(mode string, w Workload, used int, timings []timing, wall time.Duration) Result {
	var ttft, itl []time.Duration
	tokens := 0
	for _, t := range timings {
		tokens += t.tokens
		ttft = append(ttft, t.first.Sub(t.start))
		if t.tokens > 1 {
			itl = append(itl, t.end.Sub(t.first)/time.Duration(t.tokens-1))
		}
	}
	slices.Sort(ttft)
	slices.Sort(itl)
	return Result{
		Mode: mode, Adapters: w.Adapters, DistinctUsed: used, TokensPerSecond: float64(tokens) / wall.Seconds(),
		TTFTp50: percentile(ttft, 50), TTFTp99: percentile(ttft, 99), ITLp50: percentile(itl, 50), ITLp99: percentile(itl, 99), Wall: wall,
	}
}

// percentile is the nearest-rank percentile of sorted values.
func percentile(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	rank := (p*len(sorted) + 99) / 100
	return sorted[max(rank, 1)-1]
}
