package paired

import (
	"os"
	"path/filepath"
	"testing"
)

// sliceConfig sizes the run over the committed slice (testdata/README.md).
var sliceConfig = Config{HoldOutEvery: 10, Mixtures: 150, MixtureSize: 3, Verbatim: 150, UnrelatedWords: 120, ShortUnrelatedWords: 30, Seed: 7}

// sliceFloors are the engine's floors on the slice: the measured values
// less a margin (README.md, "Evaluation").
var sliceFloors = struct {
	recall1, recall3, mixture, weightVerbatim float64
}{0.92, 0.92, 0.86, 0.99}

// TestRealParaphrase runs the real-paraphrase evaluation over the committed
// slice and holds the engine to its floors, beside the baselines measured
// in the same run.
func TestRealParaphrase(t *testing.T) {
	pairs, err := ReadPairs("testdata/pairs.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	unrelated, err := ReadUnrelated("../testdata/novel.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Evaluate(pairs, unrelated, t.TempDir(), sliceConfig)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", rep.Markdown())
	if len(rep.Rows) != 3 {
		t.Fatalf("%d rows, want the engine and two baselines", len(rep.Rows))
	}
	engine := rep.Rows[0]
	floor := func(what string, got, min float64) {
		if got < min {
			t.Errorf("engine %s = %.3f, below the floor %.2f", what, got, min)
		}
	}
	floor("recall@1", engine.Recall1, sliceFloors.recall1)
	floor("recall@3", engine.Recall3, sliceFloors.recall3)
	floor("mixture recall", engine.MixtureRecall, sliceFloors.mixture)
	floor("verbatim weight precision", engine.WeightVerbatim, sliceFloors.weightVerbatim)
	if engine.FalseAlarm != 0 {
		t.Errorf("engine named a contribution for %.3f of unrelated texts", engine.FalseAlarm)
	}
	// The baselines are real retrievals: an exact copy of a contribution
	// is found by both.
	for _, row := range rep.Rows[1:] {
		if row.Recall3 < 0.5 {
			t.Errorf("%s: recall@3 %.3f, the baseline is broken", row.Method, row.Recall3)
		}
	}
}

func TestLexicalBaselinesRankTheCopyFirst(t *testing.T) {
	ix := newLexicalIndex([]string{"a", "b", "c"}, []string{
		"the quick brown fox jumps over the lazy dog",
		"a slow green turtle walks under the busy bridge",
		"the brown dog sleeps",
	})
	for name, rank := range map[string]func(string) []scored{"bm25": ix.bm25, "tfidf": ix.tfidf} {
		got := rank("slow green turtles walking under a bridge")
		if len(got) == 0 || got[0].id != "b" {
			t.Errorf("%s ranked %v", name, got)
		}
		if got := rank("entirely unrelated words"); len(got) != 0 {
			t.Errorf("%s ranked %v for unrelated words", name, got)
		}
	}
}

func TestReadPairsRejectsBadLines(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"missing.jsonl": `{"ref": "x", "source": "text"}`,
		"unknown.jsonl": `{"ref": "x", "source": "a", "rendering": "b", "extra": 1}`,
		"broken.jsonl":  `{"ref": `,
	} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := ReadPairs(path); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
