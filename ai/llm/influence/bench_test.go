package influence

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/openledger/openledger/ai/llm/model"
	"github.com/openledger/openledger/ai/llm/tinymodel"
	"github.com/openledger/openledger/ai/llm/train"
)

// benchExample is a 16-token prompt and a 16-token answer of random ids.
func benchExample(rng *rand.Rand, vocab int) train.Example {
	tok := func(n int) []int {
		s := make([]int, n)
		for i := range s {
			s[i] = 3 + rng.IntN(vocab-3)
		}
		return s
	}
	return train.NewExample(tok(16), tok(16))
}

// randomRun is a run of n rows with random (valid) vectors: scoring cost
// does not depend on the values.
func randomRun(b *testing.B, base *model.Model, tr *train.Trainer, rows int, rng *rand.Rand) *Run {
	run := &Run{Method: Method, Projector: Projector{Seed: 1, Dim: DefaultDim}, LoRA: tr.LoRAConfig(), TopRows: DefaultTopRows}
	for c, step := range CheckpointSteps(300, DefaultCheckpoints) {
		run.Checkpoints = append(run.Checkpoints, Checkpoint{Step: step, LearningRate: LearningRateQ32(2e-4 / float64(c+1))})
		run.Parameters = append(run.Parameters, tr.Parameters())
	}
	for i := range rows {
		row := Row{Contribution: uint64(1 + i/3)}
		for range run.Checkpoints {
			v := Vector{Q: make([]int16, DefaultDim), Exp: -14}
			for j := range v.Q {
				v.Q[j] = int16(rng.IntN(1<<15) - 1<<14)
			}
			row.Gradients = append(row.Gradients, v)
		}
		run.Rows = append(run.Rows, row)
	}
	return run
}

// BenchmarkGradientAttribution measures, on the demo's tiny model and on a
// 30M-parameter one (rank-8 adapters on all seven projections, 32-token
// rows and answers): one training step's gradient (the SIMD kernels), one
// recorded gradient (the exact pure-Go path), and an answer's attribution
// (its gradients at three checkpoints and the scores) against 1,000 and
// 10,000 rows.
func BenchmarkGradientAttribution(b *testing.B) {
	for _, m := range []struct {
		name string
		cfg  model.Config
	}{{"tiny", model.TinyConfig()}, {"30M", tinymodel.Small30M()}} {
		base, err := model.NewRandom(m.cfg, 1)
		if err != nil {
			b.Fatal(err)
		}
		rng := rand.New(rand.NewPCG(1, 1))
		data := []train.Example{benchExample(rng, m.cfg.Vocab)}
		tr, err := train.New(base, data, train.Options{Rank: 8, Steps: 1 << 20})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(m.name+"/training-step", func(b *testing.B) {
			for b.Loop() {
				tr.Step()
			}
		})
		grads, err := train.NewGradientModel(base, tr.LoRAConfig())
		if err != nil {
			b.Fatal(err)
		}
		if err := grads.SetParameters(tr.Parameters()); err != nil {
			b.Fatal(err)
		}
		proj := Projector{Seed: 1, Dim: DefaultDim}
		b.Run(m.name+"/recorded-row", func(b *testing.B) {
			for b.Loop() {
				g, err := grads.LossGradient(data[0])
				if err != nil {
					b.Fatal(err)
				}
				proj.Project(g)
			}
		})
		for _, rows := range []int{1_000, 10_000} {
			a, err := NewAttributor(base, randomRun(b, base, tr, rows, rng))
			if err != nil {
				b.Fatal(err)
			}
			answer := benchExample(rng, m.cfg.Vocab)
			b.Run(fmt.Sprintf("%s/answer/rows%d", m.name, rows), func(b *testing.B) {
				for b.Loop() {
					if _, err := a.Attribute(answer); err != nil {
						b.Fatal(err)
					}
				}
			})
			g, err := a.Gradients(answer)
			if err != nil {
				b.Fatal(err)
			}
			b.Run(fmt.Sprintf("%s/scores-only/rows%d", m.name, rows), func(b *testing.B) {
				for b.Loop() {
					if _, err := Scores(a.run.Checkpoints, a.rowGrads, g); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
