package index

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/openledger/openledger/ai/poa/internal/poatest"
	"github.com/openledger/openledger/ai/poa/internal/textnorm"
)

// Brute-force oracles over the index's own text and word starts.

func bruteWordStarts(text []byte) []int {
	var starts []int
	textnorm.ForEachWord(text, func(s, _ int) { starts = append(starts, s) })
	return starts
}

func bruteLongestMatch(text []byte, starts []int, q []byte) int {
	best := 0
	for _, s := range starts {
		best = max(best, commonPrefix(text[s:min(len(text), s+len(q))], q[:min(len(q), len(text)-s)]))
	}
	return best
}

func bruteCount(text []byte, starts []int, pattern []byte) int {
	n := 0
	for _, s := range starts {
		if bytes.HasPrefix(text[s:], pattern) {
			n++
		}
	}
	return n
}

func TestSearchMatchesBruteForce(t *testing.T) {
	docs := poatest.SampleDocs(11, 120)
	ix := openIndex(t, buildIndex(t, "search", poatest.JSONL(t, docs...)))
	text := ix.text.data
	starts := bruteWordStarts(text)
	rng := rand.New(rand.NewPCG(5, 6))
	for trial := 0; trial < 3000; trial++ {
		var q []byte
		switch trial % 3 {
		case 0: // a piece of the corpus from a word start, perhaps altered
			s := starts[rng.IntN(len(starts))]
			end := min(len(text)-1, s+1+rng.IntN(80))
			q = bytes.Clone(text[s:end])
			if i := bytes.IndexByte(q, docSeparator); i >= 0 {
				q = q[:max(i, 1)]
			}
			if len(q) > 3 && rng.IntN(2) == 0 {
				q[rng.IntN(len(q))] = 'z'
			}
		case 1: // random words
			words := strings.Fields("the data model chain proof weight zzz token river bank, café")
			var b strings.Builder
			for k := rng.IntN(8); k >= 0; k-- {
				b.WriteString(words[rng.IntN(len(words))])
				b.WriteByte(' ')
			}
			q = []byte(b.String())
		default: // short prefixes, down to one byte
			s := starts[rng.IntN(len(starts))]
			q = bytes.Clone(text[s : s+1+rng.IntN(3)])
		}
		if bytes.IndexByte(q, docSeparator) >= 0 || len(q) == 0 {
			continue
		}
		if got, want := ix.LongestMatch(q), bruteLongestMatch(text, starts, q); got != want {
			t.Fatalf("LongestMatch(%q) = %d, want %d", q, got, want)
		}
		lo, hi := ix.RangeOf(q)
		want := bruteCount(text, starts, q)
		if got := hi - lo; got != want {
			t.Fatalf("RangeOf(%q) counts %d, want %d", q, got, want)
		}
		if least, most := ix.CountInterval(q); want < least || want > most {
			t.Fatalf("CountInterval(%q) = [%d, %d] misses %d", q, least, most, want)
		}
		for i := lo; i < hi; i++ {
			if !bytes.HasPrefix(text[ix.SuffixAt(i):], q) {
				t.Fatalf("RangeOf(%q) includes a suffix without the prefix", q)
			}
		}
	}
}
