package query

import (
	"cmp"
	"slices"
	"sort"

	"github.com/openledger/openledger/ai/poa/internal/textnorm"
)

// Exact evidence, OLMoTrace-style: for every word start of the output,
// the longest continuation found verbatim at a word start in any index;
// spans of at least MinSpanWords words that are not inside an earlier span
// are the maximal spans. A span ends on an output word end, and only
// occurrences where the corpus word ends there too count, so "the cat" is
// not found inside "the category" (the span then ends a word earlier).

// maxSpanOccurrences drops spans found more often than this: boilerplate
// whose credit would be spread too thin to mean anything, and whose
// occurrences would cost a query far more than they tell.
const maxSpanOccurrences = 10000

// ExactSpan is one maximal span of the (normalised) output.
type ExactSpan struct {
	Start, End          int // normalised output bytes
	FirstWord, LastWord int // output words [FirstWord, LastWord)
	// Occurrences counts every occurrence at a word start in every index.
	Occurrences int64
	Hits        []SpanHit // one per (index, contribution), in id order
}

// SpanHit is one contribution holding a span, with its first occurrence.
type SpanHit struct {
	Index int // position in the engine's index list
	Doc   int
	Pos   int // text position of the first occurrence in the contribution
}

type hitStatus int

const (
	hitsFound hitStatus = iota
	hitsNone            // no occurrence ends on a word boundary
	hitsTooCommon
)

// ExactSpans returns the maximal spans of q, in order of start, and how
// many spans were dropped as too common.
func (e *Engine) ExactSpans(q []byte, words []textnorm.Span, minWords int) ([]ExactSpan, int) {
	var spans []ExactSpan
	dropped := 0
	lastEnd := 0
	reaches := e.longestMatches(q, words)
	for k, w := range words {
		reach := reaches[k]
		// Words ending within the match; try the longest span first.
		endWord := sort.Search(len(words), func(m int) bool { return words[m].End > reach })
		for ; endWord-k >= minWords; endWord-- {
			end := words[endWord-1].End
			if end <= lastEnd {
				break // inside an earlier span
			}
			span := ExactSpan{Start: w.Start, End: end, FirstWord: k, LastWord: endWord}
			status := e.collectHits(&span, q[w.Start:end])
			if status == hitsNone {
				continue
			}
			lastEnd = end
			if status == hitsTooCommon {
				dropped++
			} else {
				spans = append(spans, span)
			}
			break
		}
	}
	return spans, dropped
}

// parallelFrom is the least number of output words whose longest matches
// are looked up by several goroutines; lookupWorkers is how many. The
// lookups are independent reads of the index, so on a cold page cache
// their disk reads overlap; the answer does not depend on the split.
const (
	parallelFrom  = 64
	lookupWorkers = 8
)

// longestMatches returns, for every word start of q, the end of the
// longest prefix from it found at a word start in any index.
func (e *Engine) longestMatches(q []byte, words []textnorm.Span) []int {
	reaches := make([]int, len(words))
	lookup := func(from, to int) {
		for k := from; k < to; k++ {
			start := words[k].Start
			reach := start
			for _, ix := range e.indexes {
				reach = max(reach, start+ix.LongestMatch(q[start:]))
			}
			reaches[k] = reach
		}
	}
	if len(words) < parallelFrom {
		lookup(0, len(words))
		return reaches
	}
	parallel(len(words), lookupWorkers, lookup)
	return reaches
}

// collectHits finds the occurrences of pattern that end on a corpus word
// boundary, counts them and records the contributions holding them.
func (e *Engine) collectHits(span *ExactSpan, pattern []byte) hitStatus {
	type rng struct{ lo, hi int }
	ranges := make([]rng, len(e.indexes))
	total := 0
	for i, ix := range e.indexes {
		lo, hi := ix.RangeOf(pattern)
		ranges[i] = rng{lo, hi}
		total += hi - lo
	}
	if total > maxSpanOccurrences {
		return hitsTooCommon
	}
	for i, ix := range e.indexes {
		first := map[int]int{} // doc -> first occurrence
		for j := ranges[i].lo; j < ranges[i].hi; j++ {
			pos := ix.SuffixAt(j)
			if ix.WordContinuesAt(pos + len(pattern)) {
				continue
			}
			span.Occurrences++
			doc := ix.DocAt(pos)
			if p, ok := first[doc]; !ok || pos < p {
				first[doc] = pos
			}
		}
		for doc, pos := range first {
			span.Hits = append(span.Hits, SpanHit{Index: i, Doc: doc, Pos: pos})
		}
	}
	if span.Occurrences == 0 {
		return hitsNone
	}
	slices.SortFunc(span.Hits, func(a, b SpanHit) int {
		if c := cmp.Compare(e.indexes[a.Index].ID(a.Doc), e.indexes[b.Index].ID(b.Doc)); c != 0 {
			return c
		}
		return cmp.Compare(a.Index, b.Index)
	})
	return hitsFound
}
