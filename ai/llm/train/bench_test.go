package train

import (
	"fmt"
	"testing"

	"github.com/openledger/openledger/ai/llm/model"
	"github.com/openledger/openledger/ai/llm/tinymodel"
)

// BenchmarkTrain measures training tokens/s (one 128-token example per
// optimizer step, rank 8 on all seven projections) next to the serving
// forward's prefill tokens/s over the same tokens, the baseline a training
// step (forward, backward, update) is a small multiple of.
//
//	go test ./ai/llm/train -run '^$' -bench Train -benchtime 5x
func BenchmarkTrain(b *testing.B) {
	for _, c := range []struct {
		name string
		cfg  model.Config
	}{{"tiny", model.TinyConfig()}, {"30M", tinymodel.Small30M()}, {"SmolLM2-135M", tinymodel.SmolLM2_135M()}} {
		base, err := model.NewRandom(c.cfg, 1)
		if err != nil {
			b.Fatal(err)
		}
		tokens := make([]int, 128)
		for i := range tokens {
			tokens[i] = (i*7919 + 3) % c.cfg.Vocab
		}
		ex := NewExample(tokens[:16], tokens[16:])
		b.Run(fmt.Sprintf("%s/train", c.name), func(b *testing.B) {
			tr, err := New(base, []Example{ex}, Options{Rank: 8, Steps: b.N + 1, LearningRate: 1e-4})
			if err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for range b.N {
				tr.Step()
			}
			b.ReportMetric(float64(b.N*len(tokens))/b.Elapsed().Seconds(), "tokens/s")
		})
		b.Run(fmt.Sprintf("%s/serving-prefill", c.name), func(b *testing.B) {
			for range b.N {
				if _, err := base.Forward([]model.Sequence{{Tokens: tokens, Cache: base.NewCache()}}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N*len(tokens))/b.Elapsed().Seconds(), "tokens/s")
		})
	}
}
