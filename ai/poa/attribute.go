package poa

import (
	"cmp"
	"slices"

	"github.com/openledger/openledger/ai/poa/internal/index"
	"github.com/openledger/openledger/ai/poa/internal/query"
	"github.com/openledger/openledger/ai/poa/internal/textnorm"
)

// Method names the attribution rule: exact maximal spans plus BM25-retrieved,
// exactly re-scored paraphrase windows. It is part of every answer and is what a serving node
// records on chain, so it keeps to x/attribution's method alphabet
// (a-z, 0-9, '.', '-'; at most 32 bytes).
const Method = MethodVersion + ".exact-spans.bm25-rescored"

// Attribute answers which contributions shaped text, and by how much. The
// rule (README.md, "Combining the evidence"):
//
//  1. Every output word covered by an exact span is credited through the
//     covering span that is rarest (fewest occurrences; then longest; then
//     first). Its mass is rarity(occurrences), shared equally by the
//     distinct contributions holding the span.
//  2. Every other word covered by an accepted paraphrase window is credited
//     through the best-scoring window (ties: all tied contributions share).
//     Its mass is max(1, rarity(1) * score_ppm / 1e6).
//  3. attributed_ppm = 1e6 * credited words / output words (floor), split
//     among contributions in proportion to their mass by largest
//     remainder, ties to the smaller id.
func (e *Engine) Attribute(text []byte, opts Options) (res *Result, err error) {
	// Index bytes that fail their check stop the query with a panic deep in
	// a lookup; it ends here, as the returned *CorruptIndexError.
	defer func() { err = publicError(err) }()
	defer index.CatchCorruption(&err)
	minSpan, err := opts.minSpan()
	if err != nil {
		return nil, err
	}
	if err := validateText(text); err != nil {
		return nil, err
	}
	n := textnorm.Normalize(text)
	words := textnorm.Words(n.Text)
	res = &Result{
		Method:       Method,
		Attributions: []Attribution{},
		Exact:        []ExactEvidence{},
		Paraphrase:   []ParaphraseEvidence{},
		MinSpan:      minSpan,
		OutputWords:  len(words),
		Indexes:      make([]IndexRef, 0, len(e.indexes)),
	}
	for _, ix := range e.indexes {
		res.Indexes = append(res.Indexes, IndexRef{Name: ix.Name(), ManifestSHA256: ix.ManifestSHA256})
	}
	if len(words) == 0 {
		return res, nil
	}
	rarities := e.evidence.Rarity()
	spans, _ := e.evidence.ExactSpans(n.Text, words, minSpan)
	matches := e.evidence.Paraphrases(n.Text, words)

	book := newCreditBook(len(words))
	book.creditExact(e, spans, rarities)
	book.creditParaphrase(e, matches, rarities)

	res.AttributedPPM = int64(book.covered) * 1_000_000 / int64(len(words))
	res.Attributions = book.attributions(uint64(res.AttributedPPM), n, words)
	res.Exact = e.exactEvidence(spans, n, rarities)
	res.Paraphrase = book.paraphraseEvidence(n, words)
	return res, nil
}

// creditBook assigns each output word to at most one piece of evidence and
// accumulates the contributions' raw credit.
type creditBook struct {
	exactOf   []int   // covering span chosen for each word, or -1
	paraScore []int64 // best paraphrase score for each remaining word
	paraIDs   [][]string
	raw       map[string]uint64
	wordsOf   map[string][]int // credited words per contribution, ascending
	paraWords map[string][]int
	paraBest  map[string]int64
	covered   int
}

func newCreditBook(words int) *creditBook {
	b := &creditBook{
		exactOf:   make([]int, words),
		paraScore: make([]int64, words),
		paraIDs:   make([][]string, words),
		raw:       map[string]uint64{},
		wordsOf:   map[string][]int{},
		paraWords: map[string][]int{},
		paraBest:  map[string]int64{},
	}
	for i := range b.exactOf {
		b.exactOf[i] = -1
	}
	return b
}

// massUnit scales masses so equal shares of a small mass stay exact
// enough: a word's mass is split as floor(mass << 32 / holders).
const massUnit = 32

func (b *creditBook) creditExact(e *Engine, spans []query.ExactSpan, r *query.Rarity) {
	better := func(a, c int) bool { // is span a a better cover than span c?
		sa, sc := &spans[a], &spans[c]
		if sa.Occurrences != sc.Occurrences {
			return sa.Occurrences < sc.Occurrences
		}
		if wa, wc := sa.LastWord-sa.FirstWord, sc.LastWord-sc.FirstWord; wa != wc {
			return wa > wc
		}
		return a < c // spans are in order of start
	}
	for si := range spans {
		for k := spans[si].FirstWord; k < spans[si].LastWord; k++ {
			if b.exactOf[k] < 0 || better(si, b.exactOf[k]) {
				b.exactOf[k] = si
			}
		}
	}
	holders := make([][]string, len(spans))
	for si, s := range spans {
		holders[si] = e.evidence.HolderIDs(s)
	}
	for k, si := range b.exactOf {
		if si < 0 {
			continue
		}
		ids := holders[si]
		mass := uint64(r.Of(spans[si].Occurrences))
		b.credit(k, ids, mass)
	}
}

func (b *creditBook) creditParaphrase(e *Engine, matches []query.ParaphraseMatch, r *query.Rarity) {
	for _, m := range matches {
		id := e.evidence.ID(m.Index, m.Doc)
		for k := m.FirstWord; k <= m.LastWord; k++ {
			switch {
			case b.exactOf[k] >= 0:
			case m.Score > b.paraScore[k]:
				b.paraScore[k] = m.Score
				b.paraIDs[k] = append(b.paraIDs[k][:0], id)
			case m.Score == b.paraScore[k] && !slices.Contains(b.paraIDs[k], id):
				b.paraIDs[k] = append(b.paraIDs[k], id)
			}
		}
	}
	for k, score := range b.paraScore {
		if score == 0 {
			continue
		}
		ids := b.paraIDs[k]
		slices.Sort(ids)
		mass := uint64(max(1, r.Max()*score/1_000_000))
		b.credit(k, ids, mass)
		for _, id := range ids {
			b.paraWords[id] = append(b.paraWords[id], k)
			b.paraBest[id] = max(b.paraBest[id], score)
		}
	}
}

// credit gives word k's mass to the contributions ids, in equal shares.
func (b *creditBook) credit(k int, ids []string, mass uint64) {
	share := (mass << massUnit) / uint64(len(ids))
	for _, id := range ids {
		b.raw[id] += share
		b.wordsOf[id] = append(b.wordsOf[id], k)
	}
	b.covered++
}

// attributions turns raw credit into ppm weights.
func (b *creditBook) attributions(total uint64, n *textnorm.Normalized, words []textnorm.Span) []Attribution {
	credits := make([]rawCredit, 0, len(b.raw))
	for id, raw := range b.raw {
		credits = append(credits, rawCredit{id, raw})
	}
	slices.SortFunc(credits, func(a, c rawCredit) int { return cmp.Compare(a.id, c.id) })
	shares := splitLargestRemainder(total, credits)
	out := []Attribution{}
	for i, c := range credits {
		if shares[i] == 0 {
			continue // credited, but too little to show in parts per million
		}
		ws := b.wordsOf[c.id]
		slices.Sort(ws)
		out = append(out, Attribution{ID: c.id, WeightPPM: int64(shares[i]), Spans: wordRuns(slices.Compact(ws), n, words)})
	}
	slices.SortFunc(out, func(a, c Attribution) int {
		if a.WeightPPM != c.WeightPPM {
			return cmp.Compare(c.WeightPPM, a.WeightPPM)
		}
		return cmp.Compare(a.ID, c.ID)
	})
	return out
}

func (b *creditBook) paraphraseEvidence(n *textnorm.Normalized, words []textnorm.Span) []ParaphraseEvidence {
	out := []ParaphraseEvidence{}
	for id, ws := range b.paraWords {
		out = append(out, ParaphraseEvidence{ID: id, ScorePPM: b.paraBest[id], Spans: wordRuns(ws, n, words)})
	}
	slices.SortFunc(out, func(a, c ParaphraseEvidence) int {
		if a.ScorePPM != c.ScorePPM {
			return cmp.Compare(c.ScorePPM, a.ScorePPM)
		}
		return cmp.Compare(a.ID, c.ID)
	})
	return out
}

// wordRuns turns ascending word indexes into original-text spans, joining
// consecutive words (and what lies between them).
func wordRuns(ws []int, n *textnorm.Normalized, words []textnorm.Span) []Span {
	spans := []Span{}
	for i := 0; i < len(ws); {
		j := i
		for j+1 < len(ws) && ws[j+1] == ws[j]+1 {
			j++
		}
		s, e := n.OriginalSpan(words[ws[i]].Start, words[ws[j]].End)
		spans = append(spans, Span{s, e})
		i = j + 1
	}
	return spans
}

func (e *Engine) exactEvidence(spans []query.ExactSpan, n *textnorm.Normalized, r *query.Rarity) []ExactEvidence {
	out := make([]ExactEvidence, 0, len(spans))
	for _, s := range spans {
		start, end := n.OriginalSpan(s.Start, s.End)
		ev := ExactEvidence{
			Start: start, End: end,
			Words:        s.LastWord - s.FirstWord,
			Occurrences:  s.Occurrences,
			Rarity:       r.Of(s.Occurrences),
			Sources:      []Source{},
			SourcesTotal: len(s.Hits),
		}
		for _, h := range s.Hits[:min(len(s.Hits), maxListedSources)] {
			ix := e.indexes[h.Index]
			srcStart, srcEnd := ix.ix.SourceSpan(h.Pos, h.Pos+s.End-s.Start)
			ev.Sources = append(ev.Sources, Source{ID: ix.ID(h.Doc), Index: ix.Name(), Start: srcStart, End: srcEnd})
		}
		out = append(out, ev)
	}
	return out
}
