package poa

import (
	"cmp"
	"encoding/binary"
	"slices"
)

// Paraphrase evidence. The output's content tokens are cut into windows of
// windowTokens tokens sliding by outputWindowStride; each window's MinHash
// band keys are looked up in every index's LSH table, and each candidate
// corpus window is then scored exactly: its neighbourhood (the window and
// its neighbours in the same contribution) is re-tokenised from the
// corpus text, and the score is the IDF-weighted share of the output
// window's distinct content tokens found there:
//
//	score_ppm = 1e6 * sum(idf(t), t in W ∩ R) / sum(idf(t), t in W)
//
// with idf(t) = rarity(occurrences of t's surface form at word starts + 1)
// (see rarity). Synonym swaps, reordered clauses and small insertions
// lower the score a little; unrelated text on the same topic shares only
// common words, which weigh little.

const (
	// paraphraseThresholdPPM is the least score accepted as paraphrase.
	paraphraseThresholdPPM = 550_000
	// minSharedTokens is the least number of distinct shared content
	// tokens, so short windows cannot match on a handful of words.
	minSharedTokens = 8
	// maxBucketPostings skips LSH buckets shared by more windows than
	// this: the band is boilerplate, not evidence.
	maxBucketPostings = 1000
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

func (e *Engine) findParaphrases(q []byte, words []Span, r *rarityTable) []paraphraseMatch {
	tokens, _ := appendContentTokens(nil, q, words, 0, nil)
	if len(tokens) < minWindowTokens {
		return nil
	}
	windows := outputWindows(tokens)

	// Candidates: corpus windows sharing a band with an output window.
	proposals := map[candidateKey][]int{} // candidate -> output windows
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
	sortedKeys := make([]bandQuery, 0, len(keys))
	for k, ws := range keys {
		sortedKeys = append(sortedKeys, bandQuery{k, ws})
	}
	slices.SortFunc(sortedKeys, func(a, b bandQuery) int { return cmp.Compare(a.key, b.key) })
	for i, ix := range e.indexes {
		for _, bq := range sortedKeys {
			lo, hi := ix.postings(bq.key)
			if hi-lo > maxBucketPostings {
				continue
			}
			for j := lo; j < hi; j++ {
				c := candidateKey{i, ix.postingWindow(j)}
				for _, w := range bq.windows {
					if ws := proposals[c]; len(ws) == 0 || ws[len(ws)-1] != w {
						proposals[c] = append(proposals[c], w)
					}
				}
			}
		}
	}
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

	var matches []paraphraseMatch
	var regionWords []Span
	var regionTokens []contentToken
	var stemBuf []byte
	region := map[uint64]bool{}
	for _, c := range candidates {
		ix := e.indexes[c.index]
		doc, start, end := ix.windowNeighbourhood(c.window)
		text := ix.textRange(start, end)
		regionWords = regionWords[:0]
		forEachWord(text, func(s, e int) { regionWords = append(regionWords, Span{s, e}) })
		regionTokens, stemBuf = appendContentTokens(regionTokens[:0], text, regionWords, 0, stemBuf)
		clear(region)
		for _, t := range regionTokens {
			region[t.hash] = true
		}
		ws := proposals[c]
		slices.Sort(ws)
		for _, w := range slices.Compact(ws) {
			m, ok := scoreWindow(windows[w].tokens, region, q, words, r)
			if !ok {
				continue
			}
			m.index, m.doc = c.index, doc
			matches = append(matches, m)
		}
	}
	return matches
}

// outputWindows cuts tokens into windows of windowTokens tokens sliding by
// outputWindowStride (one window when there are fewer tokens).
func outputWindows(tokens []contentToken) []outputWindow {
	blocks := blockSignatures(tokens, outputWindowStride)
	per := windowTokens / outputWindowStride
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

// scoreWindow scores an output window against a corpus neighbourhood's
// token set.
func scoreWindow(tokens []contentToken, region map[uint64]bool, q []byte, words []Span, r *rarityTable) (paraphraseMatch, bool) {
	var total, shared int64
	distinctShared := 0
	first, last := -1, -1
	seen := make(map[uint64]bool, len(tokens))
	for _, t := range tokens {
		in := region[t.hash]
		if in {
			if first < 0 {
				first = int(t.word)
			}
			last = int(t.word)
		}
		if seen[t.hash] {
			continue
		}
		seen[t.hash] = true
		w := r.idf(t.hash, q[words[t.word].Start:words[t.word].End])
		total += w
		if in {
			shared += w
			distinctShared++
		}
	}
	if distinctShared < minSharedTokens || total == 0 {
		return paraphraseMatch{}, false
	}
	score := shared * 1_000_000 / total
	if score < paraphraseThresholdPPM {
		return paraphraseMatch{}, false
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
