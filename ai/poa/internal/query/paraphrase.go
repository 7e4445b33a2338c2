package query

import (
	"cmp"
	"slices"

	"github.com/openledger/openledger/ai/poa/internal/index"
	"github.com/openledger/openledger/ai/poa/internal/textnorm"
)

// Paraphrase evidence. The output's content tokens are cut into windows of
// outputWindowTokens tokens sliding by outputWindowStride. Candidate corpus
// windows come from two lookups:
//
//   - MinHash LSH: a corpus window sharing a whole band (lshRows slots) of
//     an output window's index.Signature (near-duplicates, light rewording);
//   - rare anchors: the output window's rarest content words (at most
//     maxAnchorOccurrences occurrences in the corpus, found through the
//     suffix array) point at the corpus windows holding them; a window
//     hit by two anchors is a candidate. Rewording swaps common words
//     and keeps the specific ones, which is exactly what survives here.
//
// Each candidate is then scored exactly against its neighbourhood (the
// window and its neighbours in the same contribution, re-tokenised from
// the corpus text). With W the output window's distinct content tokens, R
// the neighbourhood's, P(X) the unordered pairs of tokens at most
// pairDistance apart, and idf(t) = rarity(count(t)+1):
//
//	unigram = sum(idf(t), t in W∩R) / sum(idf(t), t in W)
//	pairs   = sum(idf(a)+idf(b), {a,b} in P(W)∩P(R)) / sum(idf(a)+idf(b), {a,b} in P(W))
//	score   = (unigram + pairs) / 2, in ppm
//
// Unigrams survive reordering; pairs of nearby words survive clause moves
// but not a mere shared topic, which is what sinks unrelated text.

const (
	// Output windows (fixed by the method version, like the corpus
	// windows' parameters in internal/index/format.go).
	outputWindowStride = 4  // output windows slide finely to align with corpus ones
	outputWindowTokens = 24 // content tokens per output window: a reworded passage rarely fills 32

	// paraphraseThresholdPPM is the least score accepted as paraphrase.
	paraphraseThresholdPPM = 350_000
	// minSharedTokens is the least number of distinct shared content
	// tokens, so short windows cannot match on a handful of words.
	minSharedTokens = 8
	// pairDistance is how many content tokens apart a pair may be.
	pairDistance = 3
	// maxBucketPostings skips LSH buckets shared by more windows than
	// this: the band is boilerplate, not evidence.
	maxBucketPostings = 1000
	// maxAnchorOccurrences is the most corpus occurrences a word may have
	// to serve as an anchor; maxAnchorsPerWindow the rarest kept.
	maxAnchorOccurrences = 16
	maxAnchorsPerWindow  = 8
)

// ParaphraseMatch is an output window that scores above the threshold
// against a corpus window.
type ParaphraseMatch struct {
	Index, Doc          int   // the contribution: its index's position in the engine, its number there
	Score               int64 // ppm
	FirstWord, LastWord int   // output words [FirstWord, LastWord] shown to match
}

// outputWindow is a window of the output's content tokens.
type outputWindow struct {
	tokens []textnorm.ContentToken
	sig    index.Signature
}

// candidateKey is a corpus window of one index.
type candidateKey struct {
	index  int
	window int
}

// tokenStat is what the corpus says about one output content token.
type tokenStat struct {
	// count is the number of word starts beginning with the token's
	// surface form; above maxAnchorOccurrences it may be a lower bound.
	count   int64
	idf     int64
	ranges  [][2]int       // suffix-array range per index
	windows []candidateKey // for anchors: the corpus windows holding it
}

// Paraphrases returns the output windows of q (normalised, with its words)
// that score above the threshold against a corpus window, in order of
// candidate (index, window), then output window.
func (e *Engine) Paraphrases(q []byte, words []textnorm.Span, r *Rarity) []ParaphraseMatch {
	tokens, _ := textnorm.AppendContentTokens(nil, q, words, 0, nil)
	if len(tokens) < index.MinWindowTokens {
		return nil
	}
	windows := outputWindows(tokens)
	stats := e.tokenStats(q, words, tokens, r)

	proposals := map[candidateKey][]int{} // candidate -> output windows
	e.proposeByLSH(windows, proposals)
	e.proposeByAnchors(windows, stats, proposals)
	candidates := make([]candidateKey, 0, len(proposals))
	for c := range proposals {
		candidates = append(candidates, c)
	}
	slices.SortFunc(candidates, func(a, b candidateKey) int {
		if c := cmp.Compare(a.index, b.index); c != 0 {
			return c
		}
		return cmp.Compare(a.window, b.window)
	})

	profiles := make([]*windowProfile, len(windows))
	var matches []ParaphraseMatch
	var regionWords []textnorm.Span
	var regionTokens []textnorm.ContentToken
	var stemBuf []byte
	region := newTokenSet()
	for _, c := range candidates {
		ix := e.indexes[c.index]
		doc, start, end := ix.WindowNeighbourhood(c.window)
		text := ix.TextRange(start, end)
		regionWords = regionWords[:0]
		textnorm.ForEachWord(text, func(s, e int) { regionWords = append(regionWords, textnorm.Span{Start: s, End: e}) })
		regionTokens, stemBuf = textnorm.AppendContentTokens(regionTokens[:0], text, regionWords, 0, stemBuf)
		region.reset(regionTokens)
		ws := proposals[c]
		slices.Sort(ws)
		for _, w := range slices.Compact(ws) {
			if profiles[w] == nil {
				profiles[w] = newWindowProfile(windows[w].tokens, stats)
			}
			m, ok := scoreWindow(profiles[w], region)
			if !ok {
				continue
			}
			m.Index, m.Doc = c.index, doc
			matches = append(matches, m)
		}
	}
	return matches
}

// tokenStats counts every distinct output content token in the corpus.
func (e *Engine) tokenStats(q []byte, words []textnorm.Span, tokens []textnorm.ContentToken, r *Rarity) map[uint64]*tokenStat {
	stats := make(map[uint64]*tokenStat, len(tokens))
	for _, t := range tokens {
		if stats[t.Hash] != nil {
			continue
		}
		surface := q[words[t.Word].Start:words[t.Word].End]
		st := &tokenStat{}
		// The weight depends on the count only through its bit length,
		// and an anchor needs at most maxAnchorOccurrences occurrences:
		// when the samples alone settle both, no page is read. The result
		// is the same as with the exact count.
		var least, most int64
		for _, ix := range e.indexes {
			lo, hi := ix.CountInterval(surface)
			least, most = least+int64(lo), most+int64(hi)
		}
		if least > maxAnchorOccurrences && r.Of(least+1) == r.Of(most+1) {
			st.count = least // a lower bound: enough to rule out anchoring
			st.idf = r.Of(least + 1)
			stats[t.Hash] = st
			continue
		}
		st.ranges = make([][2]int, len(e.indexes))
		for i, ix := range e.indexes {
			lo, hi := ix.RangeOf(surface)
			st.ranges[i] = [2]int{lo, hi}
			st.count += int64(hi - lo)
		}
		st.idf = r.Of(st.count + 1)
		stats[t.Hash] = st
	}
	return stats
}

// proposeByLSH adds the corpus windows sharing a band with an output
// window.
func (e *Engine) proposeByLSH(windows []outputWindow, proposals map[candidateKey][]int) {
	type bandQuery struct {
		key     uint64
		windows []int
	}
	keys := map[uint64][]int{}
	for w := range windows {
		for b := 0; b < index.LSHBands; b++ {
			k := windows[w].sig.BandKey(b)
			keys[k] = append(keys[k], w)
		}
	}
	sorted := make([]bandQuery, 0, len(keys))
	for k, ws := range keys {
		sorted = append(sorted, bandQuery{k, ws})
	}
	slices.SortFunc(sorted, func(a, b bandQuery) int { return cmp.Compare(a.key, b.key) })
	for i, ix := range e.indexes {
		for _, bq := range sorted {
			lo, hi := ix.Postings(bq.key)
			if hi-lo > maxBucketPostings {
				continue
			}
			for j := lo; j < hi; j++ {
				c := candidateKey{i, ix.PostingWindow(j)}
				proposals[c] = append(proposals[c], bq.windows...)
			}
		}
	}
}

// proposeByAnchors adds the corpus windows holding two of an output
// window's rarest content words (or its only one).
func (e *Engine) proposeByAnchors(windows []outputWindow, stats map[uint64]*tokenStat, proposals map[candidateKey][]int) {
	type anchor struct {
		hash  uint64
		count int64
	}
	var anchors []anchor
	hits := map[candidateKey]int{}
	for w, win := range windows {
		anchors = anchors[:0]
		for _, t := range win.tokens {
			if st := stats[t.Hash]; st.count >= 1 && st.count <= maxAnchorOccurrences {
				anchors = append(anchors, anchor{t.Hash, st.count})
			}
		}
		slices.SortFunc(anchors, func(a, b anchor) int {
			if c := cmp.Compare(a.count, b.count); c != 0 {
				return c
			}
			return cmp.Compare(a.hash, b.hash)
		})
		anchors = slices.CompactFunc(anchors, func(a, b anchor) bool { return a.hash == b.hash })
		anchors = anchors[:min(len(anchors), maxAnchorsPerWindow)]
		if len(anchors) == 0 {
			continue
		}
		clear(hits)
		for _, a := range anchors {
			for _, c := range e.anchorWindows(stats[a.hash]) {
				hits[c]++
			}
		}
		need := min(2, len(anchors))
		for c, n := range hits {
			if n >= need {
				proposals[c] = append(proposals[c], w)
			}
		}
	}
}

// anchorWindows returns (once per token) the corpus windows holding a
// rare token's occurrences.
func (e *Engine) anchorWindows(st *tokenStat) []candidateKey {
	if st.windows != nil {
		return st.windows
	}
	st.windows = []candidateKey{}
	for i, ix := range e.indexes {
		for j := st.ranges[i][0]; j < st.ranges[i][1]; j++ {
			if w, ok := ix.WindowAt(ix.SuffixAt(j)); ok {
				st.windows = append(st.windows, candidateKey{i, w})
			}
		}
	}
	slices.SortFunc(st.windows, func(a, b candidateKey) int {
		if c := cmp.Compare(a.index, b.index); c != 0 {
			return c
		}
		return cmp.Compare(a.window, b.window)
	})
	st.windows = slices.Compact(st.windows)
	return st.windows
}

// outputWindows cuts tokens into windows of windowTokens tokens sliding by
// outputWindowStride (one window when there are fewer tokens).
func outputWindows(tokens []textnorm.ContentToken) []outputWindow {
	blocks := index.BlockSignatures(tokens, outputWindowStride)
	per := outputWindowTokens / outputWindowStride
	if len(blocks) <= per {
		sig := index.EmptySignature()
		for i := range blocks {
			sig.MinInto(&blocks[i])
		}
		return []outputWindow{{tokens: tokens, sig: sig}}
	}
	windows := make([]outputWindow, 0, len(blocks)-per+1)
	for j := 0; j+per <= len(blocks); j++ {
		sig := blocks[j]
		for i := j + 1; i < j+per; i++ {
			sig.MinInto(&blocks[i])
		}
		first := j * outputWindowStride
		last := min((j+per)*outputWindowStride, len(tokens))
		windows = append(windows, outputWindow{tokens: tokens[first:last], sig: sig})
	}
	return windows
}

// tokenSet holds a neighbourhood's content tokens and nearby pairs.
type tokenSet struct {
	tokens map[uint64]bool
	pairs  map[uint64]bool
}

func newTokenSet() *tokenSet {
	return &tokenSet{tokens: map[uint64]bool{}, pairs: map[uint64]bool{}}
}

func (s *tokenSet) reset(tokens []textnorm.ContentToken) {
	clear(s.tokens)
	clear(s.pairs)
	for i, t := range tokens {
		s.tokens[t.Hash] = true
		for j := i + 1; j < len(tokens) && j <= i+pairDistance; j++ {
			s.pairs[pairKey(t.Hash, tokens[j].Hash)] = true
		}
	}
}

// pairKey hashes an unordered pair of tokens.
func pairKey(a, b uint64) uint64 {
	if a > b {
		a, b = b, a
	}
	return textnorm.Mix64(a ^ textnorm.Mix64(b+0x2545f4914f6cdd1d))
}

// weighted is a distinct token or pair of an output window with its
// weight.
type weighted struct {
	key    uint64
	weight int64
}

// windowProfile is what scoring needs of an output window, computed once
// however many candidates it is scored against.
type windowProfile struct {
	tokens                []textnorm.ContentToken
	distinct, pairs       []weighted
	tokenTotal, pairTotal int64
}

func newWindowProfile(tokens []textnorm.ContentToken, stats map[uint64]*tokenStat) *windowProfile {
	p := &windowProfile{tokens: tokens}
	seen := make(map[uint64]bool, 2*len(tokens))
	for _, t := range tokens {
		if !seen[t.Hash] {
			seen[t.Hash] = true
			w := stats[t.Hash].idf
			p.distinct = append(p.distinct, weighted{t.Hash, w})
			p.tokenTotal += w
		}
	}
	clear(seen)
	for i, a := range tokens {
		for j := i + 1; j < len(tokens) && j <= i+pairDistance; j++ {
			b := tokens[j]
			k := pairKey(a.Hash, b.Hash)
			if !seen[k] {
				seen[k] = true
				w := stats[a.Hash].idf + stats[b.Hash].idf
				p.pairs = append(p.pairs, weighted{k, w})
				p.pairTotal += w
			}
		}
	}
	return p
}

// scoreWindow scores an output window against a neighbourhood.
func scoreWindow(p *windowProfile, region *tokenSet) (ParaphraseMatch, bool) {
	var shared int64
	distinctShared := 0
	for _, t := range p.distinct {
		if region.tokens[t.key] {
			shared += t.weight
			distinctShared++
		}
	}
	if distinctShared < minSharedTokens || p.tokenTotal == 0 {
		return ParaphraseMatch{}, false
	}
	var pairShared int64
	for _, pr := range p.pairs {
		if region.pairs[pr.key] {
			pairShared += pr.weight
		}
	}
	score := (shared*1_000_000/p.tokenTotal + pairShared*1_000_000/max(p.pairTotal, 1)) / 2
	if score < paraphraseThresholdPPM {
		return ParaphraseMatch{}, false
	}
	first, last := -1, -1
	for _, t := range p.tokens {
		if region.tokens[t.Hash] {
			if first < 0 {
				first = int(t.Word)
			}
			last = int(t.Word)
		}
	}
	return ParaphraseMatch{Score: score, FirstWord: first, LastWord: last}, true
}
