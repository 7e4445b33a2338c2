// Command openlora-bench measures the serving node and prints markdown
// tables for docs/benchmarks.md: multi-adapter batching against merging
// one adapter per request over a Zipf-popular workload, adapter cold-load
// latency by cache tier, and the cost of an answer's attribution and
// receipt.
//
//	go run ./cmd/openlora-bench --adapters 1,10,100,1000
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/openledger/openledger/ai/llm/kernels"
	"github.com/openledger/openledger/ai/llm/model"
	"github.com/openledger/openledger/ai/llm/tinymodel"
	"github.com/openledger/openledger/services/openlora/bench"
)

func main() {
	adapterCounts := flag.String("adapters", "1,10,100,1000", "comma-separated numbers of distinct adapters")
	requests := flag.Int("requests", 128, "requests per run")
	clients := flag.Int("clients", 32, "concurrent clients (and the engine's batch size)")
	promptTokens := flag.Int("prompt", 32, "prompt tokens per request")
	outputTokens := flag.Int("output", 32, "generated tokens per request")
	zipf := flag.Float64("zipf", 1.0, "Zipf exponent of adapter popularity")
	rank := flag.Int("rank", 8, "LoRA rank (on q, k, v and o)")
	baseline := flag.Bool("baseline", true, "also run the merge-per-request baseline")
	repeat := flag.Int("repeat", 3, "runs of each configuration, interleaved; the fastest is reported")
	flag.Parse()
	if err := run(*adapterCounts, *requests, *clients, *promptTokens, *outputTokens, *zipf, *rank, *baseline, *repeat); err != nil {
		fmt.Fprintln(os.Stderr, "openlora-bench:", err)
		os.Exit(1)
	}
}

func run(counts string, requests, clients, promptTokens, outputTokens int, zipf float64, rank int, baseline bool, repeat int) error {
	base, err := model.NewRandom(tinymodel.Small30M(), 1)
	if err != nil {
		return err
	}
	base.Compact()
	var ns []int
	largest := 0
	for _, f := range strings.Split(counts, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return fmt.Errorf("--adapters %q", counts)
		}
		ns = append(ns, n)
		largest = max(largest, n)
	}
	adapters, err := bench.RandomAdapters(base, largest, rank)
	if err != nil {
		return err
	}
	fmt.Printf("Machine: %d CPUs (GOMAXPROCS %d), kernels %s, %s\n", runtime.NumCPU(), runtime.GOMAXPROCS(0), kernels.Default().Name(), runtime.Version())
	fmt.Printf("Model: tinymodel.Small30M (%.1fM parameters, float32), rank-%d adapters on q, k, v, o\n", float64(base.NumParams())/1e6, rank)
	fmt.Printf("Workload: %d requests, %d clients, %d prompt + %d output tokens, Zipf s=%.1f; fastest of %d interleaved runs\n\n",
		requests, clients, promptTokens, outputTokens, zipf, repeat)
	type config struct {
		n     int
		merge bool
	}
	var configs []config
	for _, n := range ns {
		configs = append(configs, config{n, false})
		if baseline {
			configs = append(configs, config{n, true})
		}
	}
	best := make([]bench.Result, len(configs))
	for range repeat {
		for i, c := range configs {
			w := bench.Workload{Adapters: c.n, Requests: requests, Clients: clients, PromptTokens: promptTokens, OutputTokens: outputTokens, ZipfS: zipf, Seed: 5}
			serve := bench.MultiAdapter
			if c.merge {
				serve = bench.MergePerRequest
			}
			r, err := serve(base, adapters[:c.n], w, clients)
			if err != nil {
				return err
			}
			if r.TokensPerSecond > best[i].TokensPerSecond {
				best[i] = r
			}
		}
	}
	fmt.Println("| serving | adapters | distinct in run | tokens/s | TTFT p50 / p99 (ms) | ITL p50 / p99 (ms) |")
	fmt.Println("| --- | --- | --- | --- | --- | --- |")
	for _, r := range best {
		fmt.Println(bench.FormatResult(r))
	}
	dir, err := os.MkdirTemp("", "openlora-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	tiers, err := bench.ColdLoad(base, adapters[:min(len(adapters), 50)], dir)
	if err != nil {
		return err
	}
	fmt.Println("\n| adapter from | median (ms) | max (ms) | samples |")
	fmt.Println("| --- | --- | --- | --- |")
	for _, t := range tiers {
		fmt.Printf("| %s | %.3f | %.3f | %d |\n", t.Tier, ms(t.Median), ms(t.Max), t.Samples)
	}
	cost, err := bench.Receipts(dir, 1000, 200)
	if err != nil {
		return err
	}
	fmt.Printf("\nReceipt per answer over %d contributions (medians, ms): attribution %.3f, signature %.3f, synced write %.3f, total %.3f\n",
		cost.Contributions, ms(cost.Attribute), ms(cost.Sign), ms(cost.Commit), ms(cost.Total))
	return nil
}

func ms(d time.Duration) float64 { return float64(d.Nanoseconds()) / 1e6 }
