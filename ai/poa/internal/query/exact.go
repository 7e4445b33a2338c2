package poa

import (
	"cmp"
	"slices"
	"sort"
	"unicode/utf8"
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

// exactSpan is one maximal span of the (normalised) output.
type exactSpan struct {
	start, end          int // normalised output bytes
	firstWord, lastWord int // output words [firstWord, lastWord)
	occurrences         int64
	hits                []spanHit // one per (index, contribution), in id order
}

// spanHit is one contribution holding a span, with its first occurrence.
type spanHit struct {
	index int // position in the engine's index list
	doc   int
	pos   int // text position of the first occurrence in the contribution
}

type hitStatus int

const (
	hitsFound hitStatus = iota
	hitsNone            // no occurrence ends on a word boundary
	hitsTooCommon
)

// findExactSpans returns the maximal spans of q, in order of start, and how
// many spans were dropped as too common.
func (e *Engine) findExactSpans(q []byte, words []Span, minWords int) ([]exactSpan, int) {
	var spans []exactSpan
	dropped := 0
	lastEnd := 0
	for k, w := range words {
		reach := w.Start
		for _, ix := range e.indexes {
			reach = max(reach, w.Start+ix.longestMatch(q[w.Start:]))
		}
		// Words ending within the match; try the longest span first.
		endWord := sort.Search(len(words), func(m int) bool { return words[m].End > reach })
		for ; endWord-k >= minWords; endWord-- {
			end := words[endWord-1].End
			if end <= lastEnd {
				break // inside an earlier span
			}
			span := exactSpan{start: w.Start, end: end, firstWord: k, lastWord: endWord}
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

// collectHits finds the occurrences of pattern that end on a corpus word
// boundary, counts them and records the contributions holding them.
func (e *Engine) collectHits(span *exactSpan, pattern []byte) hitStatus {
	type rng struct{ lo, hi int }
	ranges := make([]rng, len(e.indexes))
	total := 0
	for i, ix := range e.indexes {
		lo, hi := ix.rangeOf(pattern)
		ranges[i] = rng{lo, hi}
		total += hi - lo
	}
	if total > maxSpanOccurrences {
		return hitsTooCommon
	}
	for i, ix := range e.indexes {
		first := map[int]int{} // doc -> first occurrence
		for j := ranges[i].lo; j < ranges[i].hi; j++ {
			pos := ix.saAt(j)
			if ix.wordContinuesAt(pos + len(pattern)) {
				continue
			}
			span.occurrences++
			doc := ix.docAt(pos)
			if p, ok := first[doc]; !ok || pos < p {
				first[doc] = pos
			}
		}
		for doc, pos := range first {
			span.hits = append(span.hits, spanHit{index: i, doc: doc, pos: pos})
		}
	}
	if span.occurrences == 0 {
		return hitsNone
	}
	slices.SortFunc(span.hits, func(a, b spanHit) int {
		if c := cmp.Compare(e.indexes[a.index].ids[a.doc], e.indexes[b.index].ids[b.doc]); c != 0 {
			return c
		}
		return cmp.Compare(a.index, b.index)
	})
	return hitsFound
}

// wordContinuesAt reports whether a word character starts at text
// position p (so a match ending at p ends inside a corpus word).
func (ix *Index) wordContinuesAt(p int) bool {
	n := min(utf8.UTFMax, len(ix.text.data)-p)
	ix.text.ensure(p, n)
	isWord, _ := wordRuneAt(ix.text.data[p:p+n], 0)
	return isWord
}
