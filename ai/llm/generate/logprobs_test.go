package generate

import (
	"context"
	"math"
	"testing"

	"github.com/openledger/openledger/ai/llm/model"
)

// TestLogprobsMatchForward checks each reported log-probability against a
// softmax of the logits that plain Forward calls give at that position, and
// that greedy decoding reports its token as the most likely alternative.
func TestLogprobsMatchForward(t *testing.T) {
	m := tiny(t)
	e := NewEngine(m, Options{})
	defer e.Close()
	p := prompt(3, 9, m.Config.Vocab)
	var got []TokenLogprob
	res, err := e.Generate(context.Background(), Request{
		Prompt: p, MaxTokens: 6, StopTokens: []int{}, Logprobs: true, TopLogprobs: 3,
		OnLogprob: func(lp TokenLogprob) { got = append(got, lp) },
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(res.Tokens) {
		t.Fatalf("%d logprobs for %d tokens", len(got), len(res.Tokens))
	}
	cache := m.NewCache()
	toks := p
	for i, lp := range got {
		logits, err := m.Forward([]model.Sequence{{Tokens: toks, Cache: cache}})
		if err != nil {
			t.Fatal(err)
		}
		var sum float64
		for _, v := range logits[0] {
			sum += math.Exp(float64(v))
		}
		want := float64(logits[0][res.Tokens[i]]) - math.Log(sum)
		if lp.Token != res.Tokens[i] || math.Abs(lp.Logprob-want) > 1e-9 {
			t.Fatalf("token %d: logprob %v of %d, want %v of %d", i, lp.Logprob, lp.Token, want, res.Tokens[i])
		}
		if len(lp.Top) != 3 || lp.Top[0].Token != lp.Token || lp.Top[0].Logprob < lp.Top[1].Logprob || lp.Top[1].Logprob < lp.Top[2].Logprob {
			t.Fatalf("token %d: top %v", i, lp.Top)
		}
		toks = []int{res.Tokens[i]}
	}
	if _, err := e.Submit(context.Background(), Request{Prompt: p, TopLogprobs: MaxTopLogprobs + 1}); err == nil {
		t.Fatal("too many top logprobs accepted")
	}
}
