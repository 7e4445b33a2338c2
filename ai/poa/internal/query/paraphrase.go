package poa

import (
	"cmp"
	"encoding/binary"
	"slices"
	"sort"
)

// Paraphrase evidence. The output's content tokens are cut into windows of
// windowTokens tokens sliding by outputWindowStride. Candidate corpus
// windows come from two lookups:
//
//   - MinHash LSH: a corpus window sharing a whole band (lshRows slots) of
//     an output window's signature (near-duplicates, light rewording);
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

// paraphraseMatch is an output window that scores above the threshold
// against a corpus window.
type paraphraseMatch struct {
	index, doc          int
	score               int64 // ppm
	firstWord, lastWord int   // output words [firstWord, lastWord] shown to match
}

// outputWindow is a window of the output's content tokens.
type outputWindow struct {
	tokens []contentToken
	sig    signature
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

func (e *Engine) findParaphrases(q []byte, words []Span, r *rarityTable) []paraphraseMatch {
	tokens, _ := appendContentTokens(nil, q, words, 0, nil)
	if len(tokens) < minWindowTokens {
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
	var matches []paraphraseMatch
	var regionWords []Span
	var regionTokens []contentToken
	var stemBuf []byte
	region := newTokenSet()
	for _, c := range candidates {
		ix := e.indexes[c.index]
		doc, start, end := ix.windowNeighbourhood(c.window)
		text := ix.textRange(start, end)
		regionWords = regionWords[:0]
		forEachWord(text, func(s, e int) { regionWords = append(regionWords, Span{s, e}) })
		regionTokens, stemBuf = appendContentTokens(regionTokens[:0], text, regionWords, 0, stemBuf)
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
			m.index, m.doc = c.index, doc
			matches = append(matches, m)
		}
	}
	return matches
}

// tokenStats counts every distinct output content token in the corpus.
func (e *Engine) tokenStats(q []byte, words []Span, tokens []contentToken, r *rarityTable) map[uint64]*tokenStat {
	stats := make(map[uint64]*tokenStat, len(tokens))
	for _, t := range tokens {
		if stats[t.hash] != nil {
			continue
		}
		surface := q[words[t.word].Start:words[t.word].End]
		st := &tokenStat{}
		// The weight depends on the count only through its bit length,
		// and an anchor needs at most maxAnchorOccurrences occurrences:
		// when the samples alone settle both, no page is read. The result
		// is the same as with the exact count.
		var least, most int64
		for _, ix := range e.indexes {
			lo, hi := ix.countInterval(surface)
			least, most = least+int64(lo), most+int64(hi)
		}
		if least > maxAnchorOccurrences && r.rarity(least+1) == r.rarity(most+1) {
			st.count = least // a lower bound: enough to rule out anchoring
			st.idf = r.rarity(least + 1)
			stats[t.hash] = st
			continue
		}
		st.ranges = make([][2]int, len(e.indexes))
		for i, ix := range e.indexes {
			lo, hi := ix.rangeOf(surface)
			st.ranges[i] = [2]int{lo, hi}
			st.count += int64(hi - lo)
		}
		st.idf = r.rarity(st.count + 1)
		stats[t.hash] = st
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
		for b := 0; b < lshBands; b++ {
			k := windows[w].sig.bandKey(b)
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
			lo, hi := ix.postings(bq.key)
			if hi-lo > maxBucketPostings {
				continue
			}
			for j := lo; j < hi; j++ {
				c := candidateKey{i, ix.postingWindow(j)}
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
			if st := stats[t.hash]; st.count >= 1 && st.count <= maxAnchorOccurrences {
				anchors = append(anchors, anchor{t.hash, st.count})
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
			if w, ok := ix.windowAt(ix.saAt(j)); ok {
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
func outputWindows(tokens []contentToken) []outputWindow {
	blocks := blockSignatures(tokens, outputWindowStride)
	per := outputWindowTokens / outputWindowStride
	if len(blocks) <= per {
		sig := emptySignature()
		for i := range blocks {
			sig.minInto(&blocks[i])
		}
		return []outputWindow{{tokens: tokens, sig: sig}}
	}
	windows := make([]outputWindow, 0, len(blocks)-per+1)
	for j := 0; j+per <= len(blocks); j++ {
		sig := blocks[j]
		for i := j + 1; i < j+per; i++ {
			sig.minInto(&blocks[i])
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

func (s *tokenSet) reset(tokens []contentToken) {
	clear(s.tokens)
	clear(s.pairs)
	for i, t := range tokens {
		s.tokens[t.hash] = true
		for j := i + 1; j < len(tokens) && j <= i+pairDistance; j++ {
			s.pairs[pairKey(t.hash, tokens[j].hash)] = true
		}
	}
}

// pairKey hashes an unordered pair of tokens.
func pairKey(a, b uint64) uint64 {
	if a > b {
		a, b = b, a
	}
	return mix64(a ^ mix64(b+0x2545f4914f6cdd1d))
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
	tokens                []contentToken
	distinct, pairs       []weighted
	tokenTotal, pairTotal int64
}

func newWindowProfile(tokens []contentToken, stats map[uint64]*tokenStat) *windowProfile {
	p := &windowProfile{tokens: tokens}
	seen := make(map[uint64]bool, 2*len(tokens))
	for _, t := range tokens {
		if !seen[t.hash] {
			seen[t.hash] = true
			w := stats[t.hash].idf
			p.distinct = append(p.distinct, weighted{t.hash, w})
			p.tokenTotal += w
		}
	}
	clear(seen)
	for i, a := range tokens {
		for j := i + 1; j < len(tokens) && j <= i+pairDistance; j++ {
			b := tokens[j]
			k := pairKey(a.hash, b.hash)
			if !seen[k] {
				seen[k] = true
				w := stats[a.hash].idf + stats[b.hash].idf
				p.pairs = append(p.pairs, weighted{k, w})
				p.pairTotal += w
			}
		}
	}
	return p
}

// scoreWindow scores an output window against a neighbourhood.
func scoreWindow(p *windowProfile, region *tokenSet) (paraphraseMatch, bool) {
	var shared int64
	distinctShared := 0
	for _, t := range p.distinct {
		if region.tokens[t.key] {
			shared += t.weight
			distinctShared++
		}
	}
	if distinctShared < minSharedTokens || p.tokenTotal == 0 {
		return paraphraseMatch{}, false
	}
	var pairShared int64
	for _, pr := range p.pairs {
		if region.pairs[pr.key] {
			pairShared += pr.weight
		}
	}
	score := (shared*1_000_000/p.tokenTotal + pairShared*1_000_000/max(p.pairTotal, 1)) / 2
	if score < paraphraseThresholdPPM {
		return paraphraseMatch{}, false
	}
	first, last := -1, -1
	for _, t := range p.tokens {
		if region.tokens[t.hash] {
			if first < 0 {
				first = int(t.word)
			}
			last = int(t.word)
		}
	}
	return paraphraseMatch{score: score, firstWord: first, lastWord: last}, true
}

// postings returns the range of LSH entries with key.
func (ix *Index) postings(key uint64) (int, int) {
	p := int(key >> 48)
	lo, hi := int(ix.lshPrefix[p]), int(ix.lshPrefix[p+1])
	l, h := lo, hi
	for l < h {
		mid := int(uint(l+h) >> 1)
		if ix.postingKey(mid) < key {
			l = mid + 1
		} else {
			h = mid
		}
	}
	first := l
	for h = hi; l < h; {
		mid := int(uint(l+h) >> 1)
		if ix.postingKey(mid) <= key {
			l = mid + 1
		} else {
			h = mid
		}
	}
	return first, l
}

func (ix *Index) postingKey(j int) uint64 {
	ix.lsh.ensure(j*lshEntryBytes, 8)
	return binary.LittleEndian.Uint64(ix.lsh.data[j*lshEntryBytes:])
}

func (ix *Index) postingWindow(j int) int {
	ix.lsh.ensure(j*lshEntryBytes+8, 4)
	w := int(binary.LittleEndian.Uint32(ix.lsh.data[j*lshEntryBytes+8:]))
	if w >= int(ix.Manifest.Counts.Windows) {
		panic(ix.lsh.corrupt("entry %d names window %d of %d", j, w, ix.Manifest.Counts.Windows))
	}
	return w
}

// windowAt returns the window of text position pos: the last window of
// its contribution starting at or before pos.
func (ix *Index) windowAt(pos int) (int, bool) {
	doc := ix.docAt(pos)
	first, end := int(ix.docWindows[doc]), int(ix.docWindows[doc+1])
	if first == end {
		return 0, false // too few content words for a window
	}
	w := first + sort.Search(end-first, func(i int) bool {
		s, _ := ix.windowSpan(first + i)
		return s > pos
	}) - 1
	return max(w, first), true
}

// windowSpan returns window w's text range.
func (ix *Index) windowSpan(w int) (int, int) {
	start, end := int(ix.windows.u32(2*w)), int(ix.windows.u32(2*w+1))
	if start >= end || end > len(ix.text.data) {
		panic(ix.windows.corrupt("window %d has range [%d, %d)", w, start, end))
	}
	return start, end
}

// windowNeighbourhood returns the contribution of window w and the text
// range covering w and its neighbours in the same contribution: a reworded
// passage may straddle two windows.
func (ix *Index) windowNeighbourhood(w int) (doc, start, end int) {
	start, end = ix.windowSpan(w)
	doc = ix.docAt(start)
	if w > 0 {
		if s, _ := ix.windowSpan(w - 1); ix.docAt(s) == doc {
			start = s
		}
	}
	if w+1 < int(ix.Manifest.Counts.Windows) {
		if s, e := ix.windowSpan(w + 1); ix.docAt(s) == doc {
			end = e
		}
	}
	return doc, start, end
}

// textRange returns the verified text bytes [start, end).
func (ix *Index) textRange(start, end int) []byte {
	ix.text.ensure(start, end-start)
	return ix.text.data[start:end]
}
