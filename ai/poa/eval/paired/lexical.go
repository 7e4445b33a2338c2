package paired

import (
	"cmp"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/openledger/openledger/ai/poa/internal/textnorm"
)

// The lexical baselines rank contributions for a whole output, as a search
// engine would: BM25 (k1 = 1.2, b = 0.75) and TF-IDF cosine, over the
// normalised words of the text less common English stop words, with plural
// and -ing/-ed endings stripped. They know nothing of the engine's
// synonym classes or spelling variants. Floating point is fine here: they
// are measured, never verified.

// baselineStopWords is a common English stop list.
var baselineStopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above after again against all am an and any are as at be because been
before being below between both but by can could did do does doing down during each few for from further had has
have having he her here hers herself him himself his how i if in into is it its itself me more most my myself no nor
not of off on once only or other ought our ours ourselves out over own same she should so some such than that the
their theirs them themselves then there these they this those through to too under until up very was we were what
when where which while who whom why with would you your yours yourself yourselves will shall`) {
		m[w] = true
	}
	return m
}()

// baselineTerms returns the terms of a text.
func baselineTerms(text string) []string {
	n := textnorm.Normalize([]byte(text)).Text
	var terms []string
	for _, w := range textnorm.Words(n) {
		word := string(n[w.Start:w.End])
		if baselineStopWords[word] {
			continue
		}
		for _, suffix := range []string{"ing", "ed", "es", "s"} {
			if len(word) > len(suffix)+2 && strings.HasSuffix(word, suffix) {
				word = word[:len(word)-len(suffix)]
				break
			}
		}
		terms = append(terms, word)
	}
	return terms
}

// lexicalIndex holds the contributions' term statistics.
type lexicalIndex struct {
	ids      []string
	tf       []map[string]int
	postings map[string][]posting
	length   []int
	df       map[string]int
	avgLen   float64
	tfidfLen []float64 // TF-IDF vector norms
}

func newLexicalIndex(ids, texts []string) *lexicalIndex {
	ix := &lexicalIndex{ids: ids, df: map[string]int{}, postings: map[string][]posting{}}
	total := 0
	for _, text := range texts {
		terms := baselineTerms(text)
		tf := map[string]int{}
		for _, t := range terms {
			tf[t]++
		}
		for _, t := range slices.Sorted(maps.Keys(tf)) {
			n := tf[t]
			ix.df[t]++
			ix.postings[t] = append(ix.postings[t], posting{len(ix.tf), n})
		}
		ix.tf = append(ix.tf, tf)
		ix.length = append(ix.length, len(terms))
		total += len(terms)
	}
	ix.avgLen = float64(total) / float64(max(1, len(texts)))
	for _, tf := range ix.tf {
		var sq float64
		for _, t := range slices.Sorted(maps.Keys(tf)) {
			w := float64(tf[t]) * ix.idf(t)
			sq += w * w
		}
		ix.tfidfLen = append(ix.tfidfLen, math.Sqrt(sq))
	}
	return ix
}

func (ix *lexicalIndex) idf(t string) float64 {
	return math.Log(float64(len(ix.ids)+1) / float64(ix.df[t]+1))
}

type posting struct{ doc, tf int }

// scored is a contribution with its score.
type scored struct {
	id    string
	score float64
}

func (ix *lexicalIndex) rank(scores []float64) []scored {
	out := make([]scored, 0, 16)
	for i, s := range scores {
		if s > 0 {
			out = append(out, scored{ix.ids[i], s})
		}
	}
	slices.SortFunc(out, func(a, b scored) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		return cmp.Compare(a.id, b.id)
	})
	return out
}

// bm25 ranks the contributions for a query text.
func (ix *lexicalIndex) bm25(text string) []scored {
	const k1, b = 1.2, 0.75
	q := map[string]bool{}
	for _, t := range baselineTerms(text) {
		q[t] = true
	}
	scores := make([]float64, len(ix.ids))
	n := float64(len(ix.ids))
	for _, t := range slices.Sorted(maps.Keys(q)) {
		df := float64(ix.df[t])
		if df == 0 {
			continue
		}
		idf := math.Log(1 + (n-df+0.5)/(df+0.5))
		for _, p := range ix.postings[t] {
			f := float64(p.tf)
			scores[p.doc] += idf * f * (k1 + 1) / (f + k1*(1-b+b*float64(ix.length[p.doc])/ix.avgLen))
		}
	}
	return ix.rank(scores)
}

// tfidf ranks the contributions by the cosine of TF-IDF vectors.
func (ix *lexicalIndex) tfidf(text string) []scored {
	q := map[string]int{}
	for _, t := range baselineTerms(text) {
		q[t]++
	}
	var qsq float64
	terms := slices.Sorted(maps.Keys(q))
	for _, t := range terms {
		w := float64(q[t]) * ix.idf(t)
		qsq += w * w
	}
	scores := make([]float64, len(ix.ids))
	if qsq == 0 {
		return nil
	}
	for _, t := range terms {
		if ix.df[t] == 0 {
			continue
		}
		qw := float64(q[t]) * ix.idf(t)
		for _, p := range ix.postings[t] {
			scores[p.doc] += qw * float64(p.tf) * ix.idf(t)
		}
	}
	for i := range scores {
		if ix.tfidfLen[i] > 0 {
			scores[i] /= ix.tfidfLen[i] * math.Sqrt(qsq)
		}
	}
	return ix.rank(scores)
}
