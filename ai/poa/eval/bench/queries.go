package bench

import (
	"math/rand/v2"
	"strings"

	"github.com/openledger/openledger/ai/poa/eval/paraphrase"
)

// makeQueries builds n outputs of about size bytes, mixing what a model
// output holds: passages copied from contributions (half the pieces),
// reworded passages (a quarter) and novel sentences (a quarter).
func makeQueries(c *benchCorpus, n, size int, rng *rand.Rand) []string {
	queries := make([]string, n)
	for q := range queries {
		var b strings.Builder
		for b.Len() < size {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			switch k := rng.IntN(4); {
			case k < 2:
				b.WriteString(passage(c, rng, 20, 60))
			case k == 2:
				b.WriteString(paraphrase.Rewrite(passage(c, rng, 30, 60), rng, paraphrase.Light))
			default:
				b.WriteString(c.novel[rng.IntN(len(c.novel))])
			}
		}
		queries[q] = cutAtWord(b.String(), size)
	}
	return queries
}

// passage returns a run of lo-hi words from a random contribution.
func passage(c *benchCorpus, rng *rand.Rand, lo, hi int) string {
	words := strings.Fields(c.docs[rng.IntN(len(c.docs))])
	n := min(len(words), lo+rng.IntN(hi-lo+1))
	start := rng.IntN(len(words) - n + 1)
	return strings.Join(words[start:start+n], " ")
}

// cutAtWord shortens s to at most size bytes, at a space.
func cutAtWord(s string, size int) string {
	if len(s) <= size {
		return s
	}
	if i := strings.LastIndexByte(s[:size], ' '); i > 0 {
		return s[:i]
	}
	return s[:size]
}
