package model

import (
	"bytes"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/openledger/openledger/ai/llm/kernels"
)

func relErr(got, want []float32) float64 {
	var num, den float64
	for i := range want {
		d := float64(got[i] - want[i])
		num += d * d
		den += float64(want[i]) * float64(want[i])
	}
	return math.Sqrt(num / max(den, 1e-30))
}

func mustRandom(t testing.TB, cfg Config, seed uint64) *Model {
	t.Helper()
	m, err := NewRandom(cfg, seed)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func randTokens(seed uint64, n, vocab int) []int {
	r := rand.New(rand.NewPCG(seed, 9))
	toks := make([]int, n)
	for i := range toks {
		toks[i] = r.IntN(vocab)
	}
	return toks
}

// fullLogits runs the whole sequence through an empty cache in one step and
// returns every position's logits.
func fullLogits(t testing.TB, m *Model, toks []int) []float32 {
	t.Helper()
	out, err := m.Forward([]Sequence{{Tokens: toks, Cache: m.NewCache(), AllLogits: true}})
	if err != nil {
		t.Fatal(err)
	}
	return out[0]
}

func configs() map[string]Config {
	llama := TinyConfig()
	untied := TinyConfig()
	untied.TieEmbeddings = false
	untied.KVHeads = 4
	qwen := TinyConfig()
	qwen.Architecture, qwen.QKVBias = ArchQwen2, true
	llama3 := TinyConfig()
	llama3.Rope = Rope{Theta: 500000, Scaling: "llama3", Factor: 8, LowFreqFactor: 1, HighFreqFactor: 4, OriginalMax: 64}
	odd := TinyConfig() // dimensions that are not multiples of the vector width
	odd.Hidden, odd.Heads, odd.KVHeads, odd.HeadDim, odd.Intermediate = 36, 3, 1, 12, 50
	return map[string]Config{"llama": llama, "untied-mha": untied, "qwen2": qwen, "llama3-rope": llama3, "odd-dims": odd}
}

// Decoding with the cache gives exactly, bit for bit, the logits of
// recomputing the whole sequence: each row's arithmetic is the same either
// way.
func TestKVCacheDecodeEqualsFullRecompute(t *testing.T) {
	for name, cfg := range configs() {
		for _, be := range kernels.Available() {
			t.Run(name+"/"+be.Name(), func(t *testing.T) {
				m := mustRandom(t, cfg, 7)
				m.SetBackend(be)
				kvCacheCheck(t, m)
			})
		}
	}
}

func kvCacheCheck(t *testing.T, m *Model) {
	V := m.Config.Vocab
	toks := randTokens(1, 40, V)
	full := fullLogits(t, m, toks)
	// Prefill a prompt in two chunks, then decode one token at a time.
	cache := m.NewCache()
	var got []float32
	for _, chunk := range [][]int{toks[:9], toks[9:16]} {
		out, err := m.Forward([]Sequence{{Tokens: chunk, Cache: cache, AllLogits: true}})
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, out[0]...)
	}
	for _, tok := range toks[16:] {
		out, err := m.Forward([]Sequence{{Tokens: []int{tok}, Cache: cache}})
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, out[0]...)
	}
	if cache.Len() != len(toks) {
		t.Fatalf("cache holds %d positions, want %d", cache.Len(), len(toks))
	}
	for p := range toks {
		if e := relErr(got[p*V:(p+1)*V], full[p*V:(p+1)*V]); e != 0 {
			t.Fatalf("position %d: cached decode differs from recomputation by %g", p, e)
		}
	}
}

func TestBatchEqualsAlone(t *testing.T) {
	cfg := TinyConfig()
	m := mustRandom(t, cfg, 3)
	prompts := [][]int{randTokens(1, 5, cfg.Vocab), randTokens(2, 17, cfg.Vocab), randTokens(3, 1, cfg.Vocab), randTokens(4, 9, cfg.Vocab)}
	caches := make([]*KVCache, len(prompts))
	batch := make([]Sequence, len(prompts))
	for i, p := range prompts {
		caches[i] = m.NewCache()
		batch[i] = Sequence{Tokens: p, Cache: caches[i], AllLogits: i%2 == 0}
	}
	out, err := m.Forward(batch)
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range prompts {
		alone, err := m.Forward([]Sequence{{Tokens: p, Cache: m.NewCache(), AllLogits: i%2 == 0}})
		if err != nil {
			t.Fatal(err)
		}
		if len(alone[0]) != len(out[i]) {
			t.Fatalf("sequence %d: %d logits in batch, %d alone", i, len(out[i]), len(alone[0]))
		}
		for j := range alone[0] {
			if alone[0][j] != out[i][j] {
				t.Fatalf("sequence %d logit %d: %v in batch, %v alone", i, j, out[i][j], alone[0][j])
			}
		}
	}
}

// The split of work across goroutines must not change any result.
func TestResultsIndependentOfThreadCount(t *testing.T) {
	cfg := TinyConfig()
	cfg.Hidden, cfg.Intermediate, cfg.Vocab = 128, 352, 500 // large enough to run in parallel
	m := mustRandom(t, cfg, 17)
	toks := randTokens(9, 40, cfg.Vocab)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	var want []float32
	for _, procs := range []int{1, 2, 3, 7} {
		runtime.GOMAXPROCS(procs)
		got := fullLogits(t, m, toks)
		if want == nil {
			want = got
			continue
		}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("GOMAXPROCS=%d: logit %d is %v, with 1 thread %v", procs, i, got[i], want[i])
			}
		}
	}
}

func TestBackendsAgree(t *testing.T) {
	for name, cfg := range configs() {
		m := mustRandom(t, cfg, 11)
		toks := randTokens(5, 23, cfg.Vocab)
		goBackend, _ := kernels.ByName("go")
		m.SetBackend(goBackend)
		want := fullLogits(t, m, toks)
		for _, be := range kernels.Available() {
			m.SetBackend(be)
			if e := relErr(fullLogits(t, m, toks), want); e > 1e-5 {
				t.Errorf("%s: backend %s differs from pure Go by %g", name, be.Name(), e)
			}
		}
	}
}

// BF16 weight storage changes the logits only by the rounding of the
// weights, and the same way on every backend.
func TestBF16Weights(t *testing.T) {
	cfg := TinyConfig()
	m := mustRandom(t, cfg, 13)
	toks := randTokens(6, 20, cfg.Vocab)
	want := fullLogits(t, m, toks)
	var first []float32
	for _, be := range kernels.Available() {
		m.SetBackend(be)
		m.SetWeightFormat(kernels.BF16)
		got := fullLogits(t, m, toks)
		if e := relErr(got, want); e > 0.05 || e == 0 {
			t.Errorf("%s: bfloat16 weights change the logits by %g", be.Name(), e)
		}
		if first == nil {
			first = got
		} else if e := relErr(got, first); e > 1e-5 {
			t.Errorf("%s: bfloat16 logits differ from %s by %g", be.Name(), kernels.Available()[0].Name(), e)
		}
		m.SetWeightFormat(kernels.F32)
	}
}

// A compacted model keeps only the packed weights and computes, saves and
// repacks exactly as before.
func TestCompact(t *testing.T) {
	for name, cfg := range configs() {
		m := mustRandom(t, cfg, 19)
		toks := randTokens(3, 15, cfg.Vocab)
		want := fullLogits(t, m, toks)
		dirBefore := t.TempDir()
		if err := m.Save(dirBefore, SaveOptions{}); err != nil {
			t.Fatal(err)
		}
		m.Compact()
		if kernels.Default().Name() != "go" && m.Weights.Layers[0].Proj[Q].W != nil {
			t.Fatalf("%s: compacting kept the row-major weights beside the %s panels", name, kernels.Default().Name())
		}
		same := func(stage string) {
			t.Helper()
			got := fullLogits(t, m, toks)
			for i := range want {
				if got[i] != want[i] {
					t.Fatalf("%s %s: logit %d is %v, want %v", name, stage, i, got[i], want[i])
				}
			}
		}
		same("compacted")
		dirAfter := t.TempDir()
		if err := m.Save(dirAfter, SaveOptions{}); err != nil {
			t.Fatal(err)
		}
		a, _ := os.ReadFile(filepath.Join(dirBefore, "model.safetensors"))
		b, _ := os.ReadFile(filepath.Join(dirAfter, "model.safetensors"))
		if !bytes.Equal(a, b) {
			t.Fatalf("%s: a compacted model saves different bytes", name)
		}
		m.SetWeightFormat(kernels.BF16)
		m.SetWeightFormat(kernels.F32)
		same("after a bfloat16 round trip")
		goBackend, _ := kernels.ByName("go")
		m.SetBackend(goBackend)
		m.SetBackend(kernels.Default())
		same("after switching backends")
		if m.NumParams() != mustRandom(t, cfg, 19).NumParams() {
			t.Fatalf("%s: parameter count changed", name)
		}
	}
}

func TestForwardErrors(t *testing.T) {
	cfg := TinyConfig()
	cfg.MaxPositions = 8
	m := mustRandom(t, cfg, 1)
	shared := m.NewCache()
	cases := map[string][]Sequence{
		"shared cache": {{Tokens: []int{1}, Cache: shared}, {Tokens: []int{2}, Cache: shared}},
		"misfit lora":  {{Tokens: []int{1}, Cache: m.NewCache(), Adapter: misfitAdapter{}}},
		"empty":        {{Cache: m.NewCache()}},
		"no cache":     {{Tokens: []int{1}}},
		"bad token":    {{Tokens: []int{cfg.Vocab}, Cache: m.NewCache()}},
		"too long":     {{Tokens: make([]int, 9), Cache: m.NewCache()}},
		"negative tok": {{Tokens: []int{-1}, Cache: m.NewCache()}},
	}
	for name, b := range cases {
		if _, err := m.Forward(b); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// misfitAdapter's update for q_proj has the wrong input width.
type misfitAdapter struct{}

func (misfitAdapter) LowRank(layer int, m Module) *LowRank {
	if m != Q {
		return nil
	}
	return &LowRank{Rank: 2, A: make([]float32, 2*10), B: make([]float32, 64*2), Scale: 1}
}
