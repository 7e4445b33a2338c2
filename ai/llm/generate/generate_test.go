package generate

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"

	"github.com/openledger/openledger/ai/llm/hf"
	"github.com/openledger/openledger/ai/llm/lora"
	"github.com/openledger/openledger/ai/llm/model"
)

// tiny is an untied model: with tied random embeddings the likeliest next
// token is almost always the current one, which makes sampling tests vacuous.
func tiny(t testing.TB) *model.Model {
	cfg := model.TinyConfig()
	cfg.TieEmbeddings = false
	m, err := model.NewRandom(cfg, 42)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func prompt(seed uint64, n, vocab int) []int {
	r := rand.New(rand.NewPCG(seed, 2))
	p := make([]int, n)
	for i := range p {
		p[i] = r.IntN(vocab)
	}
	return p
}

// greedyReference decodes with plain Forward calls, one request alone.
func greedyReference(t *testing.T, m *model.Model, p []int, n int) []int {
	cache := m.NewCache()
	toks := p
	var out []int
	for range n {
		logits, err := m.Forward([]model.Sequence{{Tokens: toks, Cache: cache}})
		if err != nil {
			t.Fatal(err)
		}
		next := argmax(logits[0])
		out = append(out, next)
		toks = []int{next}
	}
	return out
}

func TestGreedyMatchesForwardLoop(t *testing.T) {
	m := tiny(t)
	e := NewEngine(m, Options{PrefillChunk: 4})
	defer e.Close()
	p := prompt(1, 11, m.Config.Vocab)
	res, err := e.Generate(context.Background(), Request{Prompt: p, MaxTokens: 20, StopTokens: []int{}})
	if err != nil {
		t.Fatal(err)
	}
	if want := greedyReference(t, m, p, 20); !slices.Equal(res.Tokens, want) || res.Reason != FinishLength {
		t.Fatalf("engine %v (%s), reference %v", res.Tokens, res.Reason, want)
	}
}

func TestSeedReproducesTokens(t *testing.T) {
	m := tiny(t)
	e := NewEngine(m, Options{})
	defer e.Close()
	p := prompt(2, 6, m.Config.Vocab)
	gen := func(seed uint64) []int {
		res, err := e.Generate(context.Background(), Request{
			Prompt: p, MaxTokens: 30, StopTokens: []int{},
			Sampling: Sampling{Temperature: 1.3, TopK: 40, TopP: 0.95, RepetitionPenalty: 1.1, Seed: seed},
		})
		if err != nil {
			t.Fatal(err)
		}
		return res.Tokens
	}
	a, b, c := gen(7), gen(7), gen(8)
	if !slices.Equal(a, b) {
		t.Fatalf("same seed gave %v and %v", a, b)
	}
	if slices.Equal(a, c) {
		t.Fatalf("seeds 7 and 8 gave the same 30 tokens %v", a)
	}
}

// Many requests with different adapters, sampling settings and prompt
// lengths run concurrently through a small batch, joining and leaving as
// others finish; each must produce what it produces alone.
func TestContinuousBatchingEqualsAlone(t *testing.T) {
	m := tiny(t)
	V := m.Config.Vocab
	var adapters []model.Adapter
	for i, cfg := range []lora.Config{
		{R: 8, LoraAlpha: 16, TargetModules: lora.TargetModules{"q_proj", "v_proj", "down_proj"}},
		{R: 4, LoraAlpha: 8, TargetModules: lora.TargetModules{"q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"}},
	} {
		a, err := lora.NewRandom(&m.Config, cfg, uint64(i+1))
		if err != nil {
			t.Fatal(err)
		}
		adapters = append(adapters, a)
	}
	var reqs []Request
	for i := range 10 {
		r := Request{Prompt: prompt(uint64(i), 2+3*i, V), MaxTokens: 5 + i, StopTokens: []int{}}
		if i%3 != 2 {
			r.Adapter = adapters[i%3]
		}
		if i%2 == 1 {
			r.Sampling = Sampling{Temperature: 0.8, TopK: 20, TopP: 0.9, Seed: uint64(100 + i)}
		}
		reqs = append(reqs, r)
	}
	alone := make([][]int, len(reqs))
	solo := NewEngine(m, Options{MaxBatch: 1})
	for i, r := range reqs {
		res, err := solo.Generate(context.Background(), r)
		if err != nil {
			t.Fatal(err)
		}
		alone[i] = res.Tokens
	}
	solo.Close()

	e := NewEngine(m, Options{MaxBatch: 4, PrefillChunk: 5})
	defer e.Close()
	got := make([][]int, len(reqs))
	var wg sync.WaitGroup
	for i, r := range reqs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			h, err := e.Submit(context.Background(), r)
			if err != nil {
				t.Error(err)
				return
			}
			var streamed []int
			for tok := range h.Tokens {
				streamed = append(streamed, tok)
			}
			res := h.Wait()
			if !slices.Equal(streamed, res.Tokens) {
				t.Errorf("request %d streamed %v but returned %v", i, streamed, res.Tokens)
			}
			got[i] = res.Tokens
		}()
	}
	wg.Wait()
	for i := range reqs {
		if !slices.Equal(got[i], alone[i]) {
			t.Errorf("request %d: batched %v, alone %v", i, got[i], alone[i])
		}
	}
}

func TestStopConditions(t *testing.T) {
	m := tiny(t)
	e := NewEngine(m, Options{})
	defer e.Close()
	p := prompt(3, 8, m.Config.Vocab)
	ref := greedyReference(t, m, p, 12)
	ctx := context.Background()

	res, _ := e.Generate(ctx, Request{Prompt: p, MaxTokens: 12, StopTokens: []int{ref[4]}})
	if want := ref[:slices.Index(ref, ref[4])]; res.Reason != FinishStopToken || !slices.Equal(res.Tokens, want) {
		t.Errorf("stop token: %v %s, want %v", res.Tokens, res.Reason, want)
	}
	res, _ = e.Generate(ctx, Request{Prompt: p, MaxTokens: 12, StopTokens: []int{}, StopSequences: [][]int{ref[5:7]}})
	if res.Reason != FinishStopSequence || !slices.Equal(res.Tokens[len(res.Tokens)-2:], ref[5:7]) || len(res.Tokens) > 7 {
		t.Errorf("stop sequence: %v %s", res.Tokens, res.Reason)
	}
	var streamed []int
	res, _ = e.Generate(ctx, Request{
		Prompt: p, MaxTokens: 12, StopTokens: []int{},
		Stop: func(out []int) bool { return len(out) == 3 }, OnToken: func(tok int) { streamed = append(streamed, tok) },
	})
	if res.Reason != FinishStop || !slices.Equal(res.Tokens, ref[:3]) || !slices.Equal(streamed, ref[:3]) {
		t.Errorf("stop hook: %v %s streamed %v", res.Tokens, res.Reason, streamed)
	}
	res, _ = e.Generate(ctx, Request{Prompt: p, MaxTokens: 2, StopTokens: []int{}})
	if res.Reason != FinishLength || len(res.Tokens) != 2 {
		t.Errorf("max tokens: %v %s", res.Tokens, res.Reason)
	}
	// The context window bounds the output too.
	long := prompt(4, m.Config.MaxPositions-3, m.Config.Vocab)
	res, _ = e.Generate(ctx, Request{Prompt: long, MaxTokens: 100, StopTokens: []int{}})
	if res.Reason != FinishLength || len(res.Tokens) != 3 {
		t.Errorf("context limit: %d tokens, %s", len(res.Tokens), res.Reason)
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	res, err := e.Generate(cctx, Request{Prompt: p, MaxTokens: 100})
	if res.Reason != FinishCanceled || err == nil {
		t.Errorf("cancelled: %s %v", res.Reason, err)
	}
	for _, bad := range []Request{{}, {Prompt: []int{m.Config.Vocab}}, {Prompt: make([]int, m.Config.MaxPositions)}} {
		if _, err := e.Submit(ctx, bad); err == nil {
			t.Errorf("request %v accepted", fmt.Sprint(bad.Prompt)[:min(20, len(fmt.Sprint(bad.Prompt)))])
		}
	}
}

func TestSampler(t *testing.T) {
	logits := []float32{1, 3, 2.9, -1, 0}
	greedy := newSampler(Sampling{}, nil)
	if got := greedy.next(slices.Clone(logits)); got != 1 {
		t.Fatalf("greedy = %d", got)
	}
	topK1 := newSampler(Sampling{Temperature: 5, TopK: 1, Seed: 1}, nil)
	topP := newSampler(Sampling{Temperature: 1, TopP: 0.01, Seed: 1}, nil)
	for range 50 {
		if topK1.next(slices.Clone(logits)) != 1 || topP.next(slices.Clone(logits)) != 1 {
			t.Fatal("top-k 1 or a tiny top-p must always pick the most likely token")
		}
	}
	nan := float32(math.NaN())
	if got := newSampler(Sampling{Temperature: 1}, nil).next([]float32{nan, nan}); got != 0 {
		t.Fatalf("NaN logits: picked %d", got)
	}
	// With a strong penalty, a token already seen loses to its runner-up.
	pen := newSampler(Sampling{RepetitionPenalty: 2}, []int{1})
	if got := pen.next(slices.Clone(logits)); got != 2 {
		t.Fatalf("repetition penalty: picked %d", got)
	}
	// Sampling at temperature 1 follows the softmax: token 1 and 2 dominate.
	s := newSampler(Sampling{Temperature: 1, Seed: 3}, nil)
	counts := map[int]int{}
	for range 2000 {
		counts[s.next(slices.Clone(logits))]++
	}
	if counts[1] < 700 || counts[2] < 600 || counts[3] > 40 {
		t.Fatalf("sample counts %v do not follow the softmax", counts)
	}
}

func TestFromGenerationConfig(t *testing.T) {
	opts, s := FromGenerationConfig(&hf.GenerationConfig{EOSTokenID: hf.TokenIDs{2, 7}, MaxNewTokens: 64, DoSample: true, TopP: 0.9})
	if !slices.Equal(opts.DefaultStopTokens, []int{2, 7}) || opts.DefaultMaxTokens != 64 || s.Temperature != 1 || s.TopP != 0.9 {
		t.Fatalf("%+v %+v", opts, s)
	}
	if _, s := FromGenerationConfig(&hf.GenerationConfig{Temperature: 0.7}); s.Temperature != 0 {
		t.Fatal("without do_sample generation is greedy")
	}
}
