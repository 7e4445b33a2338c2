package llamacpp_test

import (
	"fmt"
	"math"
	"path/filepath"
	"testing"

	"github.com/openledger/openledger/ai/llm/gguf"
	"github.com/openledger/openledger/ai/llm/internal/llamacpp"
	"github.com/openledger/openledger/ai/llm/lora"
	"github.com/openledger/openledger/ai/llm/model"
	"github.com/openledger/openledger/ai/llm/tinymodel"
	"github.com/openledger/openledger/ai/llm/tokenizer"
)

const steps = 64

var tokenizerText = []string{
	"The ledger records every transfer between accounts, with its amount and time.",
	"Models are trained on datasets; adapters change a few of their weights.",
	"<|im_start|>user\nHow many tokens are in this sentence?<|im_end|>",
	"1 2 3 4 5 6 7 8 9 10 11 12 — numbers, words and punctuation!",
}

var promptTexts = []string{
	"The ledger records",
	"<|im_start|>user\nWhat is an adapter?<|im_end|>\n<|im_start|>assistant\n",
	"1 2 3",
	"Models are trained on datasets; adapters change",
}

// parityConfig has grouped-query attention (both q and k permutations are
// exercised) and an untied output projection.
func parityConfig() model.Config {
	return model.Config{
		Architecture: model.ArchLlama, Hidden: 128, Intermediate: 320, Layers: 3, Heads: 4, KVHeads: 2, HeadDim: 32,
		MaxPositions: 512, RMSNormEps: 1e-5, Rope: model.Rope{Theta: 10000},
	}
}

// lmHeadScale makes the random model's next-token distribution peaky, so
// that greedy choices are far from ties and float32 rounding differences
// between implementations cannot flip them.
const lmHeadScale = 8

// writeParityModel writes the Hugging Face folder and returns its model.
func writeParityModel(t *testing.T, dir string) *model.Model {
	t.Helper()
	m, err := tinymodel.Write(dir, tinymodel.Options{Config: parityConfig(), Seed: 2024, TokenizerText: tokenizerText, VocabSize: 400})
	if err != nil {
		t.Fatal(err)
	}
	w := m.RowMajorWeights()
	for i := range w.LMHead {
		w.LMHead[i] *= lmHeadScale
	}
	if m, err = model.New(m.Config, w); err != nil {
		t.Fatal(err)
	}
	if err := m.Save(dir, model.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	if m, err = model.Load(dir); err != nil {
		t.Fatal(err)
	}
	return m
}

// greedy runs steps greedy decoding steps and returns the tokens.
func greedy(t *testing.T, m *model.Model, prompt []int, a model.Adapter) []int {
	t.Helper()
	cache := m.NewCache()
	var out []int
	feed := prompt
	for range steps {
		lg, err := m.Forward([]model.Sequence{{Tokens: feed, Cache: cache, Adapter: a}})
		if err != nil {
			t.Fatal(err)
		}
		tok := argmax(lg[0])
		out = append(out, tok)
		feed = []int{tok}
	}
	return out
}

// logitsAlong returns the engine's logits before each of the given tokens.
func logitsAlong(t *testing.T, m *model.Model, prompt, tokens []int, a model.Adapter) [][]float32 {
	t.Helper()
	seq := append(append([]int(nil), prompt...), tokens[:len(tokens)-1]...)
	lg, err := m.Forward([]model.Sequence{{Tokens: seq, Cache: m.NewCache(), Adapter: a, AllLogits: true}})
	if err != nil {
		t.Fatal(err)
	}
	v := m.Config.Vocab
	out := make([][]float32, len(tokens))
	for i := range out {
		r := len(prompt) - 1 + i
		out[i] = lg[0][r*v : (r+1)*v]
	}
	return out
}

func argmax(v []float32) int {
	best := 0
	for i, x := range v {
		if x > v[best] {
			best = i
		}
	}
	return best
}

// margin is the gap between the best and second-best logit.
func margin(v []float32) float64 {
	best := argmax(v)
	second := math.Inf(-1)
	for i, x := range v {
		if i != best {
			second = math.Max(second, float64(x))
		}
	}
	return float64(v[best]) - second
}

// llama.cpp, given the same model as a Hugging Face folder (run by the
// engine) and as GGUF (written by package gguf, run by llama.cpp and read
// back by the engine), chooses the same 64 greedy tokens from every prompt,
// with and without a LoRA adapter (merged into the GGUF for llama.cpp,
// applied unmerged by the engine), and from an F16 GGUF.
func TestGreedyTokensMatchLlamaCpp(t *testing.T) {
	llamacpp.Install(t)
	dir := t.TempDir()
	hfDir := filepath.Join(dir, "hf")
	base := writeParityModel(t, hfDir)
	tok, err := tokenizer.Load(hfDir)
	if err != nil {
		t.Fatal(err)
	}
	prompts := make([][]int, len(promptTexts))
	for i, s := range promptTexts {
		prompts[i] = tok.Encode(s, true)
	}
	adapter, err := lora.NewRandom(&base.Config, lora.Config{
		PeftType: "LORA", R: 8, LoraAlpha: 16,
		TargetModules: lora.TargetModules{"q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"},
	}, 99)
	if err != nil {
		t.Fatal(err)
	}
	merged, err := lora.Merge(base, adapter)
	if err != nil {
		t.Fatal(err)
	}
	tokJSON := mustRead(t, filepath.Join(hfDir, tokenizer.TokenizerFile))
	basePath, mergedPath := filepath.Join(dir, "base.gguf"), filepath.Join(dir, "merged.gguf")
	if err := gguf.ConvertFolder(hfDir, basePath, gguf.WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := gguf.Write(mergedPath, merged, gguf.WriteOptions{TokenizerJSON: tokJSON, Name: "merged"}); err != nil {
		t.Fatal(err)
	}
	fromGGUF, err := gguf.LoadModel(basePath)
	if err != nil {
		t.Fatal(err)
	}
	halfPath := filepath.Join(dir, "base-f16.gguf")
	if err := gguf.ConvertFolder(hfDir, halfPath, gguf.WriteOptions{Type: gguf.F16}); err != nil {
		t.Fatal(err)
	}
	fromHalf, err := gguf.LoadModel(halfPath)
	if err != nil {
		t.Fatal(err)
	}

	type engine struct {
		name string
		m    *model.Model
	}
	for _, tc := range []struct {
		name    string
		path    string
		adapter model.Adapter
		engines []engine // the first one's logits are compared
		// tol bounds the logit differences relative to the largest logit.
		// Both sides run float32 (KV cache included) with different
		// summation orders, and the merged adapter is rounded once more:
		// about 1e-6 of the logits' scale without the adapter, 3e-6 with
		// it. With F16 weights llama.cpp also rounds the activations to
		// float16 before each product, the engine does not: about 5e-4.
		tol float64
	}{
		{"base", basePath, nil, []engine{{"Hugging Face folder", base}, {"GGUF", fromGGUF}}, 1e-5},
		{"lora", mergedPath, adapter, []engine{{"Hugging Face folder", base}, {"GGUF", fromGGUF}}, 1e-5},
		{"f16", halfPath, nil, []engine{{"F16 GGUF", fromHalf}}, 1e-3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp := llamacpp.Run(t, llamacpp.Request{Model: tc.path, Threads: 1, ContextSize: 256, Prompts: prompts, Steps: steps, Logits: true})
			if len(resp.Results) != len(prompts) {
				t.Fatalf("llama.cpp answered %d prompts of %d", len(resp.Results), len(prompts))
			}
			var maxDiff, maxLogit, minMargin float64 = 0, 0, math.Inf(1)
			for p, prompt := range prompts {
				want := resp.Results[p].Tokens
				distinct := map[int]bool{}
				for _, x := range want {
					distinct[x] = true
				}
				for _, e := range tc.engines {
					if got := greedy(t, e.m, prompt, tc.adapter); fmt.Sprint(got) != fmt.Sprint(want) {
						t.Errorf("prompt %d, engine on the %s:\n got %v\nllama.cpp %v", p, e.name, got, want)
					}
				}
				ours := logitsAlong(t, tc.engines[0].m, prompt, want, tc.adapter)
				for s, theirs := range resp.Results[p].Logits {
					minMargin = math.Min(minMargin, margin(ours[s]))
					for i, v := range theirs {
						maxDiff = math.Max(maxDiff, math.Abs(float64(v-ours[s][i])))
						maxLogit = math.Max(maxLogit, math.Abs(float64(ours[s][i])))
					}
				}
				// A degenerate loop of one or two tokens would compare little.
				if len(distinct) < 16 {
					t.Errorf("prompt %d: llama.cpp's %d tokens hold only %d distinct ones", p, len(want), len(distinct))
				}
				t.Logf("prompt %d (%d tokens): %d greedy tokens compared, %d distinct", p, len(prompt), len(want), len(distinct))
			}
			t.Logf("max |logit diff| vs llama.cpp %.3g (largest |logit| %.3g); smallest top-2 margin %.3g", maxDiff, maxLogit, minMargin)
			if maxDiff > tc.tol*maxLogit {
				t.Errorf("logits differ from llama.cpp's by up to %.3g (largest |logit| %.3g)", maxDiff, maxLogit)
			}
		})
	}
}
