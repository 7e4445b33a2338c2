package generate

import (
	"math"
	"math/rand/v2"
	"sort"
)

// Sampling chooses how the next token is drawn from the logits.
type Sampling struct {
	// Temperature divides the logits; 0 means greedy (argmax).
	Temperature float32
	// TopK keeps only the K most likely tokens; 0 keeps all.
	TopK int
	// TopP keeps the smallest set of most likely tokens whose probabilities
	// add up to at least TopP; 0 or 1 keeps all.
	TopP float32
	// RepetitionPenalty divides positive (multiplies negative) logits of
	// every token already in the prompt or output, as transformers'
	// RepetitionPenaltyLogitsProcessor; 0 or 1 is off.
	RepetitionPenalty float32
	// Seed seeds the request's own random generator.
	Seed uint64
}

// sampler is one request's sampling state.
type sampler struct {
	cfg  Sampling
	rng  *rand.Rand
	seen map[int]bool // tokens the repetition penalty applies to
	cand []candidate
}

type candidate struct {
	id    int
	logit float32
	p     float64
}

func newSampler(cfg Sampling, prompt []int) *sampler {
	s := &sampler{cfg: cfg, rng: rand.New(rand.NewPCG(cfg.Seed, 0x73616d706c65))}
	if cfg.RepetitionPenalty > 0 && cfg.RepetitionPenalty != 1 {
		s.seen = map[int]bool{}
		for _, t := range prompt {
			s.seen[t] = true
		}
	}
	return s
}

// next picks a token from logits (which it may modify) and records it.
func (s *sampler) next(logits []float32) int {
	if s.seen != nil {
		pen := s.cfg.RepetitionPenalty
		for t := range s.seen {
			if logits[t] > 0 {
				logits[t] /= pen
			} else {
				logits[t] *= pen
			}
		}
	}
	var tok int
	if s.cfg.Temperature <= 0 {
		tok = argmax(logits)
	} else {
		tok = s.draw(logits)
	}
	if s.seen != nil {
		s.seen[tok] = true
	}
	return tok
}

// argmax returns the first index of the largest logit, so ties always
// resolve the same way.
func argmax(x []float32) int {
	best := 0
	for i, v := range x {
		if v > x[best] {
			best = i
		}
	}
	return best
}

// draw samples with temperature, top-k and top-p, in transformers' order.
func (s *sampler) draw(logits []float32) int {
	// Tokens more than 30 (in temperature-scaled logits) below the best have
	// probability under e^-30 each, too little to change any choice, so they
	// are dropped before sorting rather than sorting the whole vocabulary.
	mx := logits[argmax(logits)] / s.cfg.Temperature
	c := s.cand[:0]
	for i, v := range logits {
		if l := v / s.cfg.Temperature; l >= mx-30 {
			c = append(c, candidate{id: i, logit: l})
		}
	}
	if len(c) == 0 {
		return argmax(logits) // only with NaN logits, from corrupt weights
	}
	// Highest first; equal logits by id so the order is total.
	sort.Slice(c, func(i, j int) bool {
		if c[i].logit != c[j].logit {
			return c[i].logit > c[j].logit
		}
		return c[i].id < c[j].id
	})
	if k := s.cfg.TopK; k > 0 && k < len(c) {
		c = c[:k]
	}
	var sum float64
	for i := range c {
		c[i].p = math.Exp(float64(c[i].logit - mx))
		sum += c[i].p
	}
	for i := range c {
		c[i].p /= sum
	}
	if p := float64(s.cfg.TopP); p > 0 && p < 1 {
		var cum float64
		for i := range c {
			cum += c[i].p
			if cum >= p {
				c = c[:i+1]
				break
			}
		}
		sum = 0
		for _, x := range c {
			sum += x.p
		}
		for i := range c {
			c[i].p /= sum
		}
	}
	s.cand = c
	u := s.rng.Float64()
	var cum float64
	for _, x := range c {
		cum += x.p
		if u < cum {
			return x.id
		}
	}
	return c[len(c)-1].id
}
