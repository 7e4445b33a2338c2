package eval

import (
	"testing"

	"github.com/openledger/openledger/ai/poa"
)

// TestEvaluation runs the evaluation over the committed corpus
// (testdata/README.md) and holds the engine to its floors.
func TestEvaluation(t *testing.T) {
	suite, err := Load("testdata", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer suite.Close()
	scores, err := suite.Run()
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range Kinds {
		s := scores[k]
		t.Logf("%s (%d outputs):", k, s.Final.Cases)
		t.Logf("  final attributions  %s", &s.Final)
		t.Logf("  exact spans alone   %s", &s.ExactOnly)
		t.Logf("  paraphrase alone    %s", &s.ParaphraseOnly)
		t.Logf("  top-1 is a source in %d/%d; %.3f of attributed weight goes to sources; %d unsupported names; mean attributed_ppm %d",
			s.Top1, s.WithGold, Ratio(s.GoldPPM, s.AttributedPPM), s.Unsupported, s.AttributedPPM/int64(s.Final.Cases))
		t.Logf("  exact spans miss every source in %d outputs; the paraphrase evidence finds one in %d of them", s.ExactMissed, s.Rescued)
	}

	// Floors, defended in README.md ("Evaluation").
	floor := func(what string, got, min float64) {
		if got < min {
			t.Errorf("%s = %.3f, below the floor %.2f", what, got, min)
		}
	}
	ex, light, heavy, novel := scores["exact"], scores["paraphrase-light"], scores["paraphrase-heavy"], scores["novel"]
	// Verbatim passages of 12+ words are always found: maximal spans are exact.
	floor("exact recall", ex.Final.Recall(), 1.0)
	floor("exact top-1", Ratio(int64(ex.Top1), int64(ex.WithGold)), 0.95)
	floor("exact weight to sources", Ratio(ex.GoldPPM, ex.AttributedPPM), 0.85)
	floor("light paraphrase recall", light.Final.Recall(), 0.95)
	floor("heavy paraphrase recall", heavy.Final.Recall(), 0.85)
	floor("heavy paraphrase top-1", Ratio(int64(heavy.Top1), int64(heavy.WithGold)), 0.80)
	floor("heavy paraphrase weight to sources", Ratio(heavy.GoldPPM, heavy.AttributedPPM), 0.85)
	floor("heavy paraphrase signal alone, recall", heavy.ParaphraseOnly.Recall(), 0.70)
	floor("heavy paraphrase signal alone, precision", heavy.ParaphraseOnly.Precision(), 0.60)
	// The paraphrase signal finds what exact spans miss.
	floor("share of exact misses found by paraphrase", Ratio(int64(light.Rescued+heavy.Rescued), int64(light.ExactMissed+heavy.ExactMissed)), 0.40)
	// Nothing is ever named without a shared passage or a source behind it,
	// and novel text names nobody.
	for _, k := range Kinds {
		if scores[k].Unsupported > 0 {
			t.Errorf("%s: %d contributions named with no shared %d-word run and not a source", k, scores[k].Unsupported, poa.DefaultMinSpanWords)
		}
	}
	if novel.Final.CasesWithAny > 0 {
		t.Errorf("novel text attributed in %d of %d outputs", novel.Final.CasesWithAny, novel.Final.Cases)
	}
}
