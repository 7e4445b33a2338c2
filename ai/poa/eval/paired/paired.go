// Package paired evaluates attribution on real paraphrase: the same
// passages written twice, independently, by people. One rendering of each
// passage is a contribution of the Datanet; the other, which shares the
// meaning but rarely a six-word run, is the model's output. Beside single
// passages it scores three-passage mixtures, verbatim copies and unrelated
// text, and it runs two lexical baselines (BM25 and TF-IDF cosine) over
// the same contributions in the same run.
//
// The pairs come from genpairs (the King James and World English Bibles,
// both public domain); a slice is committed under testdata and runs in go
// test, the full set is made and run by `make eval-poa-paraphrase`.
package paired

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/openledger/openledger/ai/poa"
	"github.com/openledger/openledger/ai/poa/internal/textnorm"
)

// Pair is one passage in two renderings.
type Pair struct {
	Ref       string `json:"ref"`
	Source    string `json:"source"`    // the Datanet's rendering
	Rendering string `json:"rendering"` // the other one, used as output
}

// ReadPairs reads a JSONL file of pairs.
func ReadPairs(path string) ([]Pair, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var pairs []Pair
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for line := 1; sc.Scan(); line++ {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var p Pair
		dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&p); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		if p.Ref == "" || strings.TrimSpace(p.Source) == "" || strings.TrimSpace(p.Rendering) == "" {
			return nil, fmt.Errorf("%s:%d: a pair needs ref, source and rendering", path, line)
		}
		pairs = append(pairs, p)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return pairs, nil
}

// ReadUnrelated reads the "text" field of every line of a JSONL file.
func ReadUnrelated(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []string
	for i, line := range bytes.Split(data, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var r struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(line, &r); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, i+1, err)
		}
		out = append(out, r.Text)
	}
	return out, nil
}

// Config sizes an evaluation run. Zero counts mean "as many as there are"
// for Singles, Verbatim and Unrelated.
type Config struct {
	// HoldOutEvery keeps every n-th pair out of the Datanet: its
	// rendering is same-domain text whose source is absent.
	HoldOutEvery int
	Singles      int // single reworded passages (0: every indexed pair)
	Mixtures     int // outputs of MixtureSize reworded passages
	MixtureSize  int
	Verbatim     int // single source passages copied verbatim
	// UnrelatedWords cuts each unrelated text to at most this many words;
	// ShortUnrelatedWords, when set, adds a second output of each, cut to
	// that many (short texts carry less evidence either way).
	UnrelatedWords, ShortUnrelatedWords int
	Seed                                uint64
}

// Output is one evaluated output.
type Output struct {
	Kind    string   // single, mixture, verbatim, held-out, unrelated
	Text    string   //
	Sources []string // contribution ids that are its sources, sorted
}

// Kinds of output, in report order.
const (
	KindSingle    = "single"
	KindMixture   = "mixture"
	KindVerbatim  = "verbatim"
	KindHeldOut   = "held-out"
	KindUnrelated = "unrelated"
)

// Row is one method's figures.
type Row struct {
	Method string
	// Recall1, Recall3: share of single reworded passages whose source is
	// ranked first / in the top three.
	Recall1, Recall3 float64
	// MixtureRecall: share of a mixture's sources ranked in its top
	// MixtureSize, over all mixtures.
	MixtureRecall float64
	// FalseAlarm: share of unrelated outputs (another domain) naming any
	// contribution; HeldOutAlarm the same for same-domain passages whose
	// source is not in the Datanet. -1 where the method cannot abstain.
	FalseAlarm, HeldOutAlarm float64
	// WeightVerbatim and WeightSingle: share of attributed weight given to
	// the sources, on verbatim copies and on single reworded passages. -1
	// where the method gives no weights.
	WeightVerbatim, WeightSingle float64
}

// Report is the outcome of one run.
type Report struct {
	Contributions, HeldOut int
	Counts                 map[string]int
	Rows                   []Row
}

// Evaluate indexes the Datanet renderings of pairs into workDir and scores
// the engine and the baselines on outputs generated with cfg.Seed.
func Evaluate(pairs []Pair, unrelated []string, workDir string, cfg Config) (*Report, error) {
	if cfg.MixtureSize <= 0 {
		cfg.MixtureSize = 3
	}
	var indexed, heldOut []Pair
	for i, p := range pairs {
		if cfg.HoldOutEvery > 0 && i%cfg.HoldOutEvery == cfg.HoldOutEvery-1 {
			heldOut = append(heldOut, p)
		} else {
			indexed = append(indexed, p)
		}
	}
	if len(indexed) < cfg.MixtureSize {
		return nil, fmt.Errorf("%d pairs are too few to evaluate", len(pairs))
	}
	engine, closeIndex, err := buildEngine(indexed, workDir)
	if err != nil {
		return nil, err
	}
	defer closeIndex()
	ids := make([]string, len(indexed))
	texts := make([]string, len(indexed))
	for i, p := range indexed {
		ids[i], texts[i] = p.Ref, p.Source
	}
	lexical := newLexicalIndex(ids, texts)
	outputs := makeOutputs(indexed, heldOut, unrelated, cfg)

	rep := &Report{Contributions: len(indexed), HeldOut: len(heldOut), Counts: map[string]int{}}
	for _, o := range outputs {
		rep.Counts[o.Kind]++
	}
	type ranker struct {
		name    string
		rank    func(string) ([]string, []int64, error) // ids by rank, weights (nil: none)
		abstain bool                                    // it can name nothing
		weights bool                                    // it gives weights
	}
	const tfidfThreshold = 0.2
	rankers := []ranker{
		{"poa engine (" + poa.Method + ")", func(text string) ([]string, []int64, error) {
			res, err := engine.Attribute([]byte(text), poa.Options{})
			if err != nil {
				return nil, nil, err
			}
			var ids []string
			var ws []int64
			for _, a := range res.Attributions {
				ids = append(ids, a.ID)
				ws = append(ws, a.WeightPPM)
			}
			return ids, ws, nil
		}, true, true},
		{"BM25 (whole output)", func(text string) ([]string, []int64, error) {
			return topIDs(lexical.bm25(text), 0), nil, nil
		}, false, false},
		{fmt.Sprintf("TF-IDF cosine (whole output, >= %.1f)", tfidfThreshold), func(text string) ([]string, []int64, error) {
			return topIDs(lexical.tfidf(text), tfidfThreshold), nil, nil
		}, true, false},
	}
	for _, r := range rankers {
		var t tally
		for i, o := range outputs {
			ranked, weights, err := r.rank(o.Text)
			if err != nil {
				return nil, fmt.Errorf("%s, output %d: %w", r.name, i, err)
			}
			t.add(o, ranked, weights, cfg.MixtureSize)
		}
		row := t.row(r.name)
		if !r.abstain {
			row.FalseAlarm, row.HeldOutAlarm = -1, -1
		}
		if !r.weights {
			row.WeightVerbatim, row.WeightSingle = -1, -1
		}
		rep.Rows = append(rep.Rows, row)
	}
	return rep, nil
}

func topIDs(s []scored, threshold float64) []string {
	var ids []string
	for _, x := range s {
		if x.score >= threshold {
			ids = append(ids, x.id)
		}
	}
	return ids
}

// tally accumulates one method's counts.
type tally struct {
	singles, top1, top3        int
	mixSources, mixFound       int
	unrelated, unrelatedAlarm  int
	heldOut, heldOutAlarm      int
	verbatimGold, verbatimAttr int64
	singleGold, singleAttr     int64
}

func (t *tally) add(o Output, ranked []string, weights []int64, mixtureSize int) {
	inTop := func(k int, id string) bool { return slices.Contains(ranked[:min(k, len(ranked))], id) }
	goldWeight := func() (gold, all int64) {
		for i, w := range weights {
			all += w
			if slices.Contains(o.Sources, ranked[i]) {
				gold += w
			}
		}
		return
	}
	switch o.Kind {
	case KindSingle:
		t.singles++
		if inTop(1, o.Sources[0]) {
			t.top1++
		}
		if inTop(3, o.Sources[0]) {
			t.top3++
		}
		g, a := goldWeight()
		t.singleGold += g
		t.singleAttr += a
	case KindMixture:
		for _, s := range o.Sources {
			t.mixSources++
			if inTop(mixtureSize, s) {
				t.mixFound++
			}
		}
	case KindVerbatim:
		g, a := goldWeight()
		t.verbatimGold += g
		t.verbatimAttr += a
	case KindHeldOut:
		t.heldOut++
		if len(ranked) > 0 {
			t.heldOutAlarm++
		}
	case KindUnrelated:
		t.unrelated++
		if len(ranked) > 0 {
			t.unrelatedAlarm++
		}
	}
}

func ratio(a, b int64) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func (t *tally) row(name string) Row {
	return Row{
		Method:         name,
		Recall1:        ratio(int64(t.top1), int64(t.singles)),
		Recall3:        ratio(int64(t.top3), int64(t.singles)),
		MixtureRecall:  ratio(int64(t.mixFound), int64(t.mixSources)),
		FalseAlarm:     ratio(int64(t.unrelatedAlarm), int64(t.unrelated)),
		HeldOutAlarm:   ratio(int64(t.heldOutAlarm), int64(t.heldOut)),
		WeightVerbatim: ratio(t.verbatimGold, t.verbatimAttr),
		WeightSingle:   ratio(t.singleGold, t.singleAttr),
	}
}

// buildEngine indexes the pairs' Datanet renderings.
func buildEngine(pairs []Pair, workDir string) (*poa.Engine, func(), error) {
	var input bytes.Buffer
	enc := json.NewEncoder(&input)
	for _, p := range pairs {
		if err := enc.Encode(map[string]string{"id": p.Ref, "text": p.Source}); err != nil {
			return nil, nil, err
		}
	}
	dir := filepath.Join(workDir, "paired")
	if _, err := poa.Build(&input, dir, poa.BuildOptions{Replace: true}); err != nil {
		return nil, nil, err
	}
	ix, err := poa.Open(dir, poa.OpenOptions{})
	if err != nil {
		return nil, nil, err
	}
	engine, err := poa.NewEngine([]*poa.Index{ix})
	if err != nil {
		ix.Close()
		return nil, nil, err
	}
	return engine, func() { ix.Close() }, nil
}

// makeOutputs generates every output with a fixed seed.
func makeOutputs(indexed, heldOut []Pair, unrelated []string, cfg Config) []Output {
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x9e3779b97f4a7c15))
	var out []Output
	order := rng.Perm(len(indexed))
	singles := len(indexed)
	if cfg.Singles > 0 {
		singles = min(cfg.Singles, singles)
	}
	for _, i := range order[:singles] {
		out = append(out, Output{KindSingle, indexed[i].Rendering, []string{indexed[i].Ref}})
	}
	for n := 0; n < cfg.Mixtures; n++ {
		picked := map[int]bool{}
		var texts, ids []string
		for len(ids) < cfg.MixtureSize {
			i := rng.IntN(len(indexed))
			if picked[i] {
				continue
			}
			picked[i] = true
			texts = append(texts, indexed[i].Rendering)
			ids = append(ids, indexed[i].Ref)
		}
		slices.Sort(ids)
		out = append(out, Output{KindMixture, strings.Join(texts, " "), ids})
	}
	verbatim := len(indexed)
	if cfg.Verbatim > 0 {
		verbatim = min(cfg.Verbatim, verbatim)
	}
	for _, i := range rng.Perm(len(indexed))[:verbatim] {
		out = append(out, Output{KindVerbatim, indexed[i].Source, holders(indexed, indexed[i].Source)})
	}
	for _, p := range heldOut {
		out = append(out, Output{KindHeldOut, p.Rendering, nil})
	}
	for _, text := range unrelated {
		words := strings.Fields(text)
		if cfg.UnrelatedWords > 0 && len(words) > cfg.UnrelatedWords {
			words = words[:cfg.UnrelatedWords]
		}
		out = append(out, Output{KindUnrelated, strings.Join(words, " "), nil})
		if n := cfg.ShortUnrelatedWords; n > 0 && len(words) > n {
			out = append(out, Output{KindUnrelated, strings.Join(words[:n], " "), nil})
		}
	}
	return out
}

// holders returns the ids of the pairs whose Datanet rendering holds
// passage after normalisation (a verse repeated elsewhere has several).
func holders(pairs []Pair, passage string) []string {
	p := textnorm.Normalize([]byte(passage)).Text
	var ids []string
	for _, q := range pairs {
		if bytes.Contains(textnorm.Normalize([]byte(q.Source)).Text, p) {
			ids = append(ids, q.Ref)
		}
	}
	slices.Sort(ids)
	return ids
}

// Markdown renders the report as a table.
func (r *Report) Markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d contributions; outputs: %d single reworded passages, %d mixtures of reworded passages, %d verbatim passages, %d held-out passages (same domain, source not indexed), %d unrelated texts (another domain)\n\n",
		r.Contributions, r.Counts[KindSingle], r.Counts[KindMixture], r.Counts[KindVerbatim], r.Counts[KindHeldOut], r.Counts[KindUnrelated])
	b.WriteString("| method | recall@1 | recall@3 | mixture recall | false alarms (unrelated) | alarms (held-out) | weight precision (verbatim) | weight precision (reworded) |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|\n")
	f := func(x float64) string {
		if x < 0 {
			return "—"
		}
		return fmt.Sprintf("%.3f", x)
	}
	for _, row := range r.Rows {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s |\n", row.Method, f(row.Recall1), f(row.Recall3), f(row.MixtureRecall),
			f(row.FalseAlarm), f(row.HeldOutAlarm), f(row.WeightVerbatim), f(row.WeightSingle))
	}
	return b.String()
}
