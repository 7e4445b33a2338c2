package eval

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/openledger/openledger/ai/poa"
	"github.com/openledger/openledger/ai/poa/internal/index"
	"github.com/openledger/openledger/ai/poa/internal/query"
	"github.com/openledger/openledger/ai/poa/internal/textnorm"
)

// Suite is the evaluation over one corpus of real prose: outputs built from
// known passages of known contributions (copied verbatim, or reworded by
// the deterministic paraphraser) and novel text that shares no 6-word
// sequence with the corpus. Ground truth for a passage is every
// contribution whose normalised text holds the normalised passage, found
// by brute force.
type Suite struct {
	engine *poa.Engine
	// evidence looks at the same index for what each kind of evidence
	// finds alone, which the answer does not show.
	evidence *query.Engine
	closers  []func() error
	corpus   []*index.Contribution
	normal   [][]byte // normalised corpus texts
	novel    []*index.Contribution
	cases    []Case
}

// Load reads dataDir/corpus.jsonl and dataDir/novel.jsonl, indexes the
// corpus into workDir and generates the outputs with fixed seeds.
func Load(dataDir, workDir string) (_ *Suite, err error) {
	read := func(name string) ([]*index.Contribution, error) {
		f, err := os.Open(filepath.Join(dataDir, name))
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return index.ReadContributions(f)
	}
	s := &Suite{}
	defer func() {
		if err != nil {
			s.Close()
		}
	}()
	if s.corpus, err = read("corpus.jsonl"); err != nil {
		return nil, err
	}
	if s.novel, err = read("novel.jsonl"); err != nil {
		return nil, err
	}
	input, err := os.ReadFile(filepath.Join(dataDir, "corpus.jsonl"))
	if err != nil {
		return nil, err
	}
	indexDir := filepath.Join(workDir, "go-docs")
	if _, err := poa.Build(bytes.NewReader(input), indexDir, poa.BuildOptions{}); err != nil {
		return nil, err
	}
	ix, err := poa.Open(indexDir, poa.OpenOptions{})
	if err != nil {
		return nil, err
	}
	s.closers = append(s.closers, ix.Close)
	if s.engine, err = poa.NewEngine([]*poa.Index{ix}); err != nil {
		return nil, err
	}
	raw, err := index.Open(indexDir, index.OpenOptions{})
	if err != nil {
		return nil, err
	}
	s.closers = append(s.closers, raw.Close)
	s.evidence = query.New([]*index.Index{raw})
	for _, c := range s.corpus {
		s.normal = append(s.normal, textnorm.Normalize([]byte(c.Text)).Text)
	}
	s.cases = s.makeCases()
	return s, nil
}

// Close closes the suite's indexes.
func (s *Suite) Close() error {
	var first error
	for _, c := range s.closers {
		if err := c(); err != nil && first == nil {
			first = err
		}
	}
	s.closers = nil
	return first
}

// Run attributes every output and scores the answers by kind of output.
func (s *Suite) Run() (map[string]*KindScore, error) {
	byID := map[string]int{}
	for i, c := range s.corpus {
		byID[c.ID] = i
	}
	scores := map[string]*KindScore{}
	for _, k := range Kinds {
		scores[k] = &KindScore{}
	}
	for i, c := range s.cases {
		res, err := s.engine.Attribute([]byte(c.Output), poa.Options{})
		if err != nil {
			return nil, fmt.Errorf("case %d: %w", i, err)
		}
		k := scores[c.Kind]
		var sum int64
		var final []string
		for _, a := range res.Attributions {
			sum += a.WeightPPM
			final = append(final, a.ID)
			if slices.Contains(c.Gold, a.ID) {
				k.GoldPPM += a.WeightPPM
			} else if !s.supported(a.ID, c, byID) {
				k.Unsupported++
			}
		}
		if sum != res.AttributedPPM {
			return nil, fmt.Errorf("case %d: weights sum to %d, attributed %d", i, sum, res.AttributedPPM)
		}
		k.AttributedPPM += res.AttributedPPM
		if len(c.Gold) > 0 {
			k.WithGold++
			if len(res.Attributions) > 0 && slices.Contains(c.Gold, res.Attributions[0].ID) {
				k.Top1++
			}
		}
		exact, para := s.separateEvidence(c.Output)
		if len(c.Gold) > 0 && !intersects(exact, c.Gold) {
			k.ExactMissed++
			if intersects(final, c.Gold) {
				k.Rescued++
			}
		}
		k.Final.add(sortedSet(final), c.Gold)
		k.ExactOnly.add(exact, c.Gold)
		k.ParaphraseOnly.add(para, c.Gold)
	}
	return scores, nil
}

// supported reports whether naming id is backed by the case: id holds a
// source, or shares a MinSpan-word run with the output or with a source
// passage (a near-duplicate of the source).
func (s *Suite) supported(id string, c Case, byID map[string]int) bool {
	if slices.Contains(c.Gold, id) {
		return true
	}
	text := s.normal[byID[id]]
	if sharesRun(text, textnorm.Normalize([]byte(c.Output)).Text, poa.DefaultMinSpanWords) {
		return true
	}
	for _, p := range c.Sources {
		if sharesRun(text, textnorm.Normalize([]byte(p)).Text, poa.DefaultMinSpanWords) {
			return true
		}
	}
	return false
}

func intersects(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// separateEvidence returns the contributions found by exact spans alone
// and by the paraphrase signal alone.
func (s *Suite) separateEvidence(output string) (exact, para []string) {
	n := textnorm.Normalize([]byte(output))
	words := textnorm.Words(n.Text)
	spans, _ := s.evidence.ExactSpans(n.Text, words, poa.DefaultMinSpanWords)
	for _, span := range spans {
		exact = append(exact, s.evidence.HolderIDs(span)...)
	}
	for _, m := range s.evidence.Paraphrases(n.Text, words) {
		para = append(para, s.evidence.ID(m.Index, m.Doc))
	}
	return sortedSet(exact), sortedSet(para)
}

// sharesRun reports whether two normalised texts share a run of n words.
func sharesRun(a, b []byte, n int) bool {
	grams := map[string]bool{}
	wordGrams(a, n, func(g string) { grams[g] = true })
	found := false
	wordGrams(b, n, func(g string) { found = found || grams[g] })
	return found
}

func wordGrams(text []byte, n int, fn func(string)) {
	var words []string
	for _, w := range textnorm.Words(text) {
		words = append(words, string(text[w.Start:w.End]))
	}
	for i := 0; i+n <= len(words); i++ {
		fn(strings.Join(words[i:i+n], " "))
	}
}
