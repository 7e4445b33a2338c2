package model_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/openledger/openledger/ai/llm/internal/torchref"
	"github.com/openledger/openledger/ai/llm/lora"
	"github.com/openledger/openledger/ai/llm/model"
)

// TestForwardMatchesTorchReference runs the same seeded weights through an
// independent plain-torch implementation of the Llama / Qwen2 forward pass
// and of PEFT's LoRA layers, and compares every position's logits. All cases
// share one Python process since importing torch dominates the time.
func TestForwardMatchesTorchReference(t *testing.T) {
	llama := model.TinyConfig()
	untied := model.TinyConfig()
	untied.TieEmbeddings, untied.KVHeads = false, 4
	qwen := model.TinyConfig()
	qwen.Architecture, qwen.QKVBias = model.ArchQwen2, true
	llama3 := model.TinyConfig()
	llama3.Rope = model.Rope{Theta: 500000, Scaling: "llama3", Factor: 8, LowFreqFactor: 1, HighFreqFactor: 4, OriginalMax: 64}
	linear := model.TinyConfig()
	linear.Rope = model.Rope{Theta: 10000, Scaling: "linear", Factor: 2}
	odd := model.TinyConfig()
	odd.Hidden, odd.Heads, odd.KVHeads, odd.HeadDim, odd.Intermediate = 36, 3, 1, 12, 50

	type tc struct {
		name    string
		cfg     model.Config
		adapter *lora.Config
	}
	cases := []tc{
		{"llama", llama, nil},
		{"untied-mha", untied, nil},
		{"qwen2", qwen, nil},
		{"llama3-rope", llama3, nil},
		{"linear-rope", linear, nil},
		{"odd-dims", odd, nil},
		{"llama+lora", llama, &lora.Config{R: 8, LoraAlpha: 16, TargetModules: lora.TargetModules{"q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"}}},
		{"qwen2+rslora", qwen, &lora.Config{R: 4, LoraAlpha: 8, UseRSLoRA: true, TargetModules: lora.TargetModules{"q_proj", "v_proj", "down_proj"}}},
	}
	var jobs []torchref.Job
	var models []*model.Model
	var adapters []model.Adapter
	for i, c := range cases {
		m, err := model.NewRandom(c.cfg, 5)
		if err != nil {
			t.Fatal(err)
		}
		job := torchref.Job{ModelDir: t.TempDir(), Tokens: randomTokens(uint64(i), 24, c.cfg.Vocab)}
		if err := m.Save(job.ModelDir, model.SaveOptions{}); err != nil {
			t.Fatal(err)
		}
		var ad model.Adapter
		if c.adapter != nil {
			a, err := lora.NewRandom(&m.Config, *c.adapter, 9)
			if err != nil {
				t.Fatal(err)
			}
			job.AdapterDir = t.TempDir()
			if err := a.Save(job.AdapterDir); err != nil {
				t.Fatal(err)
			}
			ad = a
		}
		jobs, models, adapters = append(jobs, job), append(models, m), append(adapters, ad)
	}
	want := torchref.Logits(t, jobs)
	for i, c := range cases {
		m := models[i]
		seq := model.Sequence{Tokens: jobs[i].Tokens, Cache: m.NewCache(), AllLogits: true, Adapter: adapters[i]}
		out, err := m.Forward([]model.Sequence{seq})
		if err != nil {
			t.Fatal(err)
		}
		got := out[0]
		if len(got) != len(want[i]) {
			t.Fatalf("%s: torch gave %d logits, engine %d", c.name, len(want[i]), len(got))
		}
		V := m.Config.Vocab
		worst := 0.0
		for p := range jobs[i].Tokens {
			worst = max(worst, relErr(got[p*V:(p+1)*V], want[i][p*V:(p+1)*V]))
		}
		if worst > 1e-4 {
			t.Errorf("%s: logits differ from torch by up to %g (relative)", c.name, worst)
		}
		t.Logf("%s: largest relative difference from torch over %d positions: %.2g", c.name, len(jobs[i].Tokens), worst)
	}
}

func randomTokens(seed uint64, n, vocab int) []int {
	r := rand.New(rand.NewPCG(seed, 77))
	out := make([]int, n)
	for i := range out {
		out[i] = r.IntN(vocab)
	}
	return out
}

func relErr(got, want []float32) float64 {
	var num, den float64
	for i := range want {
		d := float64(got[i] - want[i])
		num += d * d
		den += float64(want[i]) * float64(want[i])
	}
	return math.Sqrt(num / max(den, 1e-30))
}
