package generate

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/openledger/openledger/ai/llm/lora"
	"github.com/openledger/openledger/ai/llm/model"
	"github.com/openledger/openledger/ai/llm/tinymodel"
)

// BenchmarkEngine serves 32 concurrent requests (16-token prompts, 32 tokens
// each) on the 30M model through the continuous-batching engine, with no
// adapter and with 32 distinct rank-16 adapters; it reports generated
// tokens per second over all requests.
func BenchmarkEngine(b *testing.B) {
	m, err := model.NewRandom(tinymodel.Small30M(), 1)
	if err != nil {
		b.Fatal(err)
	}
	adapters := make([]model.Adapter, 32)
	for i := range adapters {
		a, err := lora.NewRandom(&m.Config, lora.Config{R: 16, LoraAlpha: 32, TargetModules: lora.TargetModules{"q_proj", "v_proj"}}, uint64(i))
		if err != nil {
			b.Fatal(err)
		}
		adapters[i] = a
	}
	for _, distinct := range []bool{false, true} {
		b.Run(fmt.Sprintf("requests32/distinct_adapters_%v", distinct), func(b *testing.B) {
			e := NewEngine(m, Options{MaxBatch: 32})
			defer e.Close()
			tokens := 0
			for b.Loop() {
				var wg sync.WaitGroup
				var mu sync.Mutex
				for i := range 32 {
					req := Request{Prompt: prompt(uint64(i), 16, m.Config.Vocab), MaxTokens: 32, StopTokens: []int{}}
					if distinct {
						req.Adapter = adapters[i]
					}
					wg.Add(1)
					go func() {
						defer wg.Done()
						res, err := e.Generate(context.Background(), req)
						if err != nil {
							b.Error(err)
						}
						mu.Lock()
						tokens += len(res.Tokens)
						mu.Unlock()
					}()
				}
				wg.Wait()
			}
			b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
		})
	}
}
