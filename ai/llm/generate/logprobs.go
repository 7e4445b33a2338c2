package generate

import (
	"cmp"
	"math"
	"slices"
)

// MaxTopLogprobs bounds Request.TopLogprobs, as OpenAI's API does.
const MaxTopLogprobs = 20

// TokenLogprob is the log-probability of one sampled token and of the most
// likely alternatives at its position, under the model's distribution (the
// softmax of the raw logits, before temperature, penalties or truncation),
// as OpenAI's logprobs report them.
type TokenLogprob struct {
	Token   int
	Logprob float64
	// Top holds the TopLogprobs most likely tokens, most likely first
	// (equal log-probabilities by ascending id).
	Top []TopLogprob
}

// TopLogprob is one alternative token and its log-probability.
type TopLogprob struct {
	Token   int
	Logprob float64
}

// logSoftmax returns log(softmax(logits)) in float64, computed stably
// (log-sum-exp around the largest logit) in index order.
func logSoftmax(logits []float32) []float64 {
	mx := math.Inf(-1)
	for _, v := range logits {
		mx = math.Max(mx, float64(v))
	}
	var sum float64
	for _, v := range logits {
		sum += math.Exp(float64(v) - mx)
	}
	lse := mx + math.Log(sum)
	out := make([]float64, len(logits))
	for i, v := range logits {
		out[i] = float64(v) - lse
	}
	return out
}

// tokenLogprob describes the sampled token tok against the distribution
// logp, with the top alternatives.
func tokenLogprob(logp []float64, tok, top int) TokenLogprob {
	lp := TokenLogprob{Token: tok, Logprob: logp[tok]}
	if top <= 0 {
		return lp
	}
	ids := make([]int, len(logp))
	for i := range ids {
		ids[i] = i
	}
	slices.SortFunc(ids, func(a, b int) int {
		if c := cmp.Compare(logp[b], logp[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	for _, id := range ids[:min(top, len(ids))] {
		lp.Top = append(lp.Top, TopLogprob{Token: id, Logprob: logp[id]})
	}
	return lp
}
