package eval

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/openledger/openledger/ai/poa/eval/paraphrase"
	"github.com/openledger/openledger/ai/poa/internal/textnorm"
)

// Kinds are the kinds of output, in report order: verbatim passages,
// lightly and heavily reworded passages, and novel text.
var Kinds = []string{"exact", "paraphrase-light", "paraphrase-heavy", "novel"}

// Case is one output with its ground truth.
type Case struct {
	Kind    string // one of Kinds
	Output  string
	Gold    []string // contribution ids, sorted
	Sources []string // the passages the output was made from
}

// Case counts; the suite must stay fast on two cores.
const (
	exactCases      = 150
	paraphraseCases = 150 // of each strength
	novelCases      = 120
)

// makeCases generates the outputs with a fixed seed.
func (s *Suite) makeCases() []Case {
	rng := rand.New(rand.NewPCG(20250101, 42))
	var cases []Case
	// Exact: 1-3 verbatim passages of 12-40 words, each between novel
	// sentences.
	for len(cases) < exactCases {
		var out, gold, sources []string
		for k := 1 + rng.IntN(3); k > 0; k-- {
			out = append(out, s.novelSentence(rng))
			passage, ok := s.passage(rng, 12, 40)
			if !ok {
				continue
			}
			out = append(out, passage)
			sources = append(sources, passage)
			gold = append(gold, s.holders(passage)...)
		}
		out = append(out, s.novelSentence(rng))
		cases = append(cases, Case{"exact", strings.Join(out, " "), sortedSet(gold), sources})
	}
	// Paraphrase: one passage of 40-80 words reworded, half the time
	// between novel sentences.
	for _, strength := range []struct {
		kind string
		opts paraphrase.Options
	}{{"paraphrase-light", paraphrase.Light}, {"paraphrase-heavy", paraphrase.Heavy}} {
		for n := 0; n < paraphraseCases; {
			passage, ok := s.passage(rng, 40, 80)
			if !ok {
				continue
			}
			out := paraphrase.Rewrite(passage, rng, strength.opts)
			if rng.IntN(2) == 0 {
				out = s.novelSentence(rng) + " " + out + " " + s.novelSentence(rng)
			}
			cases = append(cases, Case{strength.kind, out, s.holders(passage), []string{passage}})
			n++
		}
	}
	// Novel: held-out passages of up to 120 words.
	for n := 0; n < novelCases; n++ {
		text := s.novel[rng.IntN(len(s.novel))].Text
		words := strings.Fields(text)
		start := rng.IntN(max(1, len(words)-120))
		cases = append(cases, Case{"novel", strings.Join(words[start:min(len(words), start+120)], " "), nil, nil})
	}
	return cases
}

// passage picks a random run of between lo and hi words from a random
// contribution long enough to hold lo words.
func (s *Suite) passage(rng *rand.Rand, lo, hi int) (string, bool) {
	for tries := 0; tries < 100; tries++ {
		words := strings.Fields(s.corpus[rng.IntN(len(s.corpus))].Text)
		if len(words) < lo {
			continue
		}
		n := lo + rng.IntN(min(hi, len(words))-lo+1)
		start := rng.IntN(len(words) - n + 1)
		return strings.Join(words[start:start+n], " "), true
	}
	return "", false
}

// novelSentence returns 8-20 words of held-out text.
func (s *Suite) novelSentence(rng *rand.Rand) string {
	words := strings.Fields(s.novel[rng.IntN(len(s.novel))].Text)
	n := min(len(words), 8+rng.IntN(13))
	start := rng.IntN(len(words) - n + 1)
	return strings.Join(words[start:start+n], " ")
}

// holders returns the ids of the contributions holding passage (after
// normalisation): the brute-force ground truth.
func (s *Suite) holders(passage string) []string {
	p := textnorm.Normalize([]byte(passage)).Text
	var ids []string
	for i, text := range s.normal {
		if bytes.Contains(text, p) {
			ids = append(ids, s.corpus[i].ID)
		}
	}
	return ids
}

func sortedSet(ids []string) []string {
	slices.Sort(ids)
	return slices.Compact(ids)
}
