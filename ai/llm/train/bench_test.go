package train

import (
	"testing"
	"time"

	"github.com/openledger/openledger/ai/llm/model"
	"github.com/openledger/openledger/ai/llm/tinymodel"
)

// BenchmarkTrain measures training tokens/s (one 128-token example with a
// 16-token prompt per optimizer step, rank 8 on all seven projections) and,
// alternating with it in the same loop so both see the same machine load,
// the serving forward's prefill tokens/s over the same tokens: the baseline
// a training step (forward, backward, update) is a small multiple of.
//
//	go test ./ai/llm/train -run '^$' -bench Train -benchtime 5x
func BenchmarkTrain(b *testing.B) {
	for _, c := range []struct {
		name string
		cfg  model.Config
	}{{"tiny", model.TinyConfig()}, {"30M", tinymodel.Small30M()}, {"SmolLM2-135M", tinymodel.SmolLM2_135M()}} {
		b.Run(c.name, func(b *testing.B) {
			base, err := model.NewRandom(c.cfg, 1)
			if err != nil {
				b.Fatal(err)
			}
			tokens := make([]int, 128)
			for i := range tokens {
				tokens[i] = (i*7919 + 3) % c.cfg.Vocab
			}
			tr, err := New(base, []Example{NewExample(tokens[:16], tokens[16:])}, Options{Rank: 8, Steps: b.N + 1, LearningRate: 1e-4})
			if err != nil {
				b.Fatal(err)
			}
			var train, prefill time.Duration
			b.ResetTimer()
			for range b.N {
				start := time.Now()
				tr.Step()
				train += time.Since(start)
				start = time.Now()
				if _, err := base.Forward([]model.Sequence{{Tokens: tokens, Cache: base.NewCache()}}); err != nil {
					b.Fatal(err)
				}
				prefill += time.Since(start)
			}
			n := float64(b.N * len(tokens))
			b.ReportMetric(n/train.Seconds(), "train-tokens/s")
			b.ReportMetric(n/prefill.Seconds(), "prefill-tokens/s")
			b.ReportMetric(train.Seconds()/prefill.Seconds(), "train/prefill")
		})
	}
}
