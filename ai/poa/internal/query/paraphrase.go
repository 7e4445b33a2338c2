package query

import (
	"bytes"
	"cmp"
	"math/bits"
	"slices"

	"github.com/openledger/openledger/ai/poa/internal/index"
	"github.com/openledger/openledger/ai/poa/internal/textnorm"
)

// Paraphrase evidence. The output's content tokens (stemmed, irregular
// forms and synonyms merged: textnorm) are cut into windows of
// outputWindowTokens tokens sliding by outputWindowStride. Candidate
// corpus windows come from the index's BM25 term index: for each output
// window, its maxQueryTerms rarest terms (held by at most
// maxTermWindows covered windows) score the covered windows holding them,
// and the maxCandidates best that hold at least two of them are kept.
// BM25 here is integer: idf(t) = log2(N+1) - log2(df(t)) in 1/256 units
// (N covered windows, log2 computed exactly in fixed point), tf saturated
// as tf*(k1+1)/(tf+k1) with k1 = 1.2, and no length normalisation (the
// windows have a fixed number of tokens).
//
// Each candidate is then scored exactly against its neighbourhood (the
// window and its neighbours in the same contribution, re-tokenised from
// the corpus text). With W the output window's distinct content tokens, R
// the neighbourhood's, P(X) the unordered pairs of tokens at most
// pairDistance apart, and idf as above:
//
//	unigram = sum(idf(t), t in W∩R) / sum(idf(t), t in W)
//	pairs   = sum(idf(a)+idf(b), {a,b} in P(W)∩P(R)) / sum(idf(a)+idf(b), {a,b} in P(W))
//	score   = (unigram + pairs) / 2, in ppm
//
// A window matches at paraphraseThresholdPPM when it shares enough
// distinct tokens, or fewer but rare ones (rareSharedBits); an output
// shorter than a window also at shortThresholdPPM by its own length.
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
	// An output too short to fill one window (fewer than
	// outputWindowTokens content tokens) may also match by its own length:
	// at least shortMinShared distinct tokens and shortSharedPercent of its
	// distinct tokens shared, with a score of at least shortThresholdPPM.
	shortMinShared     = 5
	shortSharedPercent = 60
	shortThresholdPPM  = 500_000
	// A window that shares fewer than minSharedTokens distinct tokens
	// also matches, at the regular threshold, when it shares at least
	// rareMinShared tokens whose idf sums to rareSharedBits or more. Were
	// tokens independent, a random covered window would hold them all
	// with a chance below 2^-rareSharedBits, against some 2^15 windows in
	// a corpus of tens of thousands of passages. A reworded passage keeps
	// its rare words (names, places, terms of the trade); text on the
	// same topic shares common ones.
	rareSharedBits = 20
	rareMinShared  = 3
	// Sentence windows (sentenceWindows): runs of whole sentences of
	// this many content tokens; sentenceEnds end a sentence.
	minSentenceWindowTokens = 8
	maxSentenceWindowTokens = 48
	sentenceEnds            = ".!?;:"
	// A sentence window also needs shared tokens whose idf sums to
	// sentenceBaseBits + log2(N+1) bits, N the covered windows: the bits
	// that single out one window of the corpus, and a margin for tokens
	// that come together. Cut to its matching sentences a window scores higher
	// than a sliding one over the same text, and a sentence of common
	// words of the trade ("a floating point value can be represented as
	// an integer") would otherwise match many passages that merely share
	// the subject; the bound grows with the corpus as chance matches do.
	sentenceBaseBits = 38
	// pairDistance is how many content tokens apart a pair may be.
	pairDistance = 3

	// Retrieval: the rarest terms of an output window that are held by
	// at most maxTermWindows covered windows query the term index; the
	// maxCandidates best windows holding at least minQueryMatches of
	// them are scored. The bound on a term's windows bounds the work of
	// a query whatever the size of the corpus.
	maxQueryTerms   = 6
	maxTermWindows  = 256
	maxCandidates   = 4
	minQueryMatches = 2
	// BM25 k1 = bm25K1Num / bm25K1Den.
	bm25K1Num, bm25K1Den = 6, 5
)

// ParaphraseMatch is an output window that scores above the threshold
// against a corpus window.
type ParaphraseMatch struct {
	Index, Doc          int   // the contribution: its index's position in the engine, its number there
	Score               int64 // ppm
	FirstWord, LastWord int   // output words [FirstWord, LastWord] shown to match
}

// candidateKey is a corpus window of one index.
type candidateKey struct {
	index  int
	window int
}

// tokenStat is what the corpus says about one output content token.
type tokenStat struct {
	df    int64 // covered windows holding it, in all indexes
	idf   int64 // 1/256 bits
	terms []termRef
	// postings, decoded on first use, per index
	postings [][]index.Posting
}

type termRef struct {
	df, lo, hi int
	ok         bool
}

// Paraphrases returns the output windows of q (normalised, with its words)
// that score above the threshold against a corpus window, in order of
// candidate (index, window), then output window.
func (e *Engine) Paraphrases(q []byte, words []textnorm.Span) []ParaphraseMatch {
	tokens, _ := textnorm.AppendContentTokens(nil, q, words, 0, nil)
	if len(tokens) < index.MinWindowTokens {
		return nil
	}
	windows := outputWindows(tokens)
	sliding := len(windows)
	windows = append(windows, sentenceWindows(tokens, q, words)...)
	stats := e.tokenStats(tokens)

	proposals := map[candidateKey][]int{} // candidate -> output windows
	e.proposeByTerms(windows, stats, proposals)
	candidates := make([]candidateKey, 0, len(proposals))
	for c := range proposals {
		candidates = append(candidates, c)
	}
	slices.SortFunc(candidates, compareCandidates)

	profiles := make([]*windowProfile, len(windows))
	logN := log2Q8(uint64(e.termWindows()) + 1)
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
				profiles[w] = newWindowProfile(windows[w], stats)
				profiles[w].short = len(tokens) < outputWindowTokens
				if w >= sliding {
					profiles[w].sentenceMinShared = sentenceBaseBits*256 + logN
				}
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

func compareCandidates(a, b candidateKey) int {
	if c := cmp.Compare(a.index, b.index); c != 0 {
		return c
	}
	return cmp.Compare(a.window, b.window)
}

// termWindows is the number of covered windows of all indexes.
func (e *Engine) termWindows() int64 {
	var n int64
	for _, ix := range e.indexes {
		n += ix.Manifest.Counts.TermWindows
	}
	return n
}

// tokenStats looks every distinct output content token up in the term
// indexes.
func (e *Engine) tokenStats(tokens []textnorm.ContentToken) map[uint64]*tokenStat {
	stats := make(map[uint64]*tokenStat, len(tokens))
	logN := log2Q8(uint64(e.termWindows()) + 1)
	for _, t := range tokens {
		if stats[t.Hash] != nil {
			continue
		}
		st := &tokenStat{terms: make([]termRef, len(e.indexes)), postings: make([][]index.Posting, len(e.indexes))}
		for i, ix := range e.indexes {
			df, lo, hi, ok := ix.Term(t.Hash)
			st.terms[i] = termRef{df, lo, hi, ok}
			st.df += int64(df)
		}
		if st.df == 0 {
			st.idf = logN + 256 // as if held by half a window
		} else {
			st.idf = max(1, logN-log2Q8(uint64(st.df)))
		}
		stats[t.Hash] = st
	}
	return stats
}

// postingsOf returns a token's postings in index i.
func (e *Engine) postingsOf(st *tokenStat, i int) []index.Posting {
	if st.postings[i] == nil && st.terms[i].ok {
		tr := st.terms[i]
		st.postings[i] = e.indexes[i].AppendPostings(make([]index.Posting, 0, tr.df), tr.df, tr.lo, tr.hi)
	}
	return st.postings[i]
}

// bm25TF is the saturated term frequency, in 1/256 units.
func bm25TF(tf int) int64 {
	t := int64(tf)
	return t * (bm25K1Num + bm25K1Den) * 256 / (t*bm25K1Den + bm25K1Num)
}

// proposeByTerms adds, for every output window, the best covered windows
// by BM25 over its rarest terms.
func (e *Engine) proposeByTerms(windows [][]textnorm.ContentToken, stats map[uint64]*tokenStat, proposals map[candidateKey][]int) {
	type term struct {
		hash uint64
		st   *tokenStat
	}
	type hit struct {
		key     candidateKey
		score   int64
		matched int
	}
	var terms []term
	var hits []hit
	for w, win := range windows {
		terms = terms[:0]
		for _, t := range win {
			if st := stats[t.Hash]; st.df >= 1 && st.df <= maxTermWindows {
				terms = append(terms, term{t.Hash, st})
			}
		}
		slices.SortFunc(terms, func(a, b term) int {
			if c := cmp.Compare(a.st.df, b.st.df); c != 0 {
				return c
			}
			return cmp.Compare(a.hash, b.hash)
		})
		terms = slices.CompactFunc(terms, func(a, b term) bool { return a.hash == b.hash })
		terms = terms[:min(len(terms), maxQueryTerms)]
		need := min(minQueryMatches, len(terms))
		if need == 0 {
			continue
		}
		hits = hits[:0]
		for _, t := range terms {
			for i := range e.indexes {
				for _, p := range e.postingsOf(t.st, i) {
					hits = append(hits, hit{candidateKey{i, p.Window}, t.st.idf * bm25TF(p.TF), 1})
				}
			}
		}
		slices.SortFunc(hits, func(a, b hit) int { return compareCandidates(a.key, b.key) })
		merged := hits[:0]
		for _, h := range hits {
			if n := len(merged); n > 0 && merged[n-1].key == h.key {
				merged[n-1].score += h.score
				merged[n-1].matched++
				continue
			}
			merged = append(merged, h)
		}
		kept := merged[:0]
		for _, h := range merged {
			if h.matched >= need {
				kept = append(kept, h)
			}
		}
		slices.SortFunc(kept, func(a, b hit) int {
			if c := cmp.Compare(b.score, a.score); c != 0 {
				return c
			}
			return compareCandidates(a.key, b.key)
		})
		for _, h := range kept[:min(len(kept), maxCandidates)] {
			proposals[h.key] = append(proposals[h.key], w)
		}
	}
}

// log2Q8 is floor(256 * log2(x)) for x >= 1, computed exactly: the
// integer part from the bit length, eight fractional bits by squaring a
// 32-bit mantissa.
func log2Q8(x uint64) int64 {
	if x == 0 {
		return 0
	}
	k := bits.Len64(x) - 1
	var m uint64 // x / 2^k in [1, 2), as a Q31 fixed-point number
	if k <= 31 {
		m = x << (31 - k)
	} else {
		m = x >> (k - 31)
	}
	frac := int64(0)
	for i := 0; i < 8; i++ {
		m = m * m >> 31
		frac <<= 1
		if m >= 1<<32 {
			m >>= 1
			frac |= 1
		}
	}
	return int64(k)*256 + frac
}

// outputWindows cuts tokens into windows of outputWindowTokens tokens
// sliding by outputWindowStride (one window when there are fewer tokens).
func outputWindows(tokens []textnorm.ContentToken) [][]textnorm.ContentToken {
	if len(tokens) <= outputWindowTokens {
		return [][]textnorm.ContentToken{tokens}
	}
	var windows [][]textnorm.ContentToken
	for first := 0; ; first += outputWindowStride {
		last := min(first+outputWindowTokens, len(tokens))
		windows = append(windows, tokens[first:last])
		if last == len(tokens) {
			break
		}
	}
	return windows
}

// sentenceWindows returns the runs of whole sentences of the output that
// hold between minSentenceWindowTokens and maxSentenceWindowTokens content
// tokens and are not already a sliding window. An output that joins
// passages from several sources changes source at a sentence end, so a
// window cut there holds one source's words only, where a sliding window
// straddles two and matches neither; and a whole sentence run of a single
// source carries more of its evidence than a fixed 24-token cut of it.
func sentenceWindows(tokens []textnorm.ContentToken, q []byte, words []textnorm.Span) [][]textnorm.ContentToken {
	// starts[i] is the content token that begins sentence i; the last
	// entry is len(tokens).
	starts := []int{0}
	for i := 1; i < len(tokens); i++ {
		gap := q[words[tokens[i-1].Word].End:words[tokens[i].Word].Start]
		if bytes.ContainsAny(gap, sentenceEnds) {
			starts = append(starts, i)
		}
	}
	starts = append(starts, len(tokens))
	var windows [][]textnorm.ContentToken
	for a := 0; a+1 < len(starts); a++ {
		for b := a + 1; b < len(starts); b++ {
			first, last := starts[a], starts[b]
			n := last - first
			if n > maxSentenceWindowTokens {
				break
			}
			if n < minSentenceWindowTokens || isSlidingWindow(first, last, len(tokens)) {
				continue
			}
			windows = append(windows, tokens[first:last])
		}
	}
	return windows
}

// isSlidingWindow reports whether outputWindows already has tokens
// [first, last).
func isSlidingWindow(first, last, n int) bool {
	if n <= outputWindowTokens {
		return first == 0 && last == n
	}
	if first%outputWindowStride != 0 {
		return false
	}
	if last == first+outputWindowTokens {
		return true
	}
	// The last sliding window ends at n and starts at the first stride
	// within outputWindowTokens of it.
	return last == n && n-first < outputWindowTokens && n-first > outputWindowTokens-outputWindowStride
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
	short                 bool // the whole output, shorter than a window
	// sentenceMinShared, for a sentence window, is the least idf sum of
	// its tokens (1/256 bits) a neighbourhood must share; 0 for the others.
	sentenceMinShared int64
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
	if p.tokenTotal == 0 {
		return ParaphraseMatch{}, false
	}
	// A short output that shares fewer than minSharedTokens is held to
	// the stricter rule.
	threshold := int64(paraphraseThresholdPPM)
	if distinctShared < minSharedTokens {
		switch {
		case distinctShared >= rareMinShared && shared >= rareSharedBits*256:
			// Few shared tokens, but rare ones: the regular threshold.
		case p.short && distinctShared >= shortMinShared && distinctShared*100 >= len(p.distinct)*shortSharedPercent:
			threshold = shortThresholdPPM
		default:
			return ParaphraseMatch{}, false
		}
	}
	if shared < p.sentenceMinShared {
		return ParaphraseMatch{}, false
	}
	var pairShared int64
	for _, pr := range p.pairs {
		if region.pairs[pr.key] {
			pairShared += pr.weight
		}
	}
	score := (shared*1_000_000/p.tokenTotal + pairShared*1_000_000/max(p.pairTotal, 1)) / 2
	if score < threshold {
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
