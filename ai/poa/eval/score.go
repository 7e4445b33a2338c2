package eval

import (
	"fmt"
	"slices"
)

// SetScore accumulates micro-averaged precision and recall of predicted
// contribution sets against the ground truth.
type SetScore struct {
	TruePositives, Predicted, Relevant int
	// CasesWithAny counts the outputs for which any contribution was
	// predicted, of Cases.
	CasesWithAny, Cases int
}

func (s *SetScore) add(predicted, gold []string) {
	s.Cases++
	if len(predicted) > 0 {
		s.CasesWithAny++
	}
	s.Predicted += len(predicted)
	s.Relevant += len(gold)
	for _, id := range predicted {
		if slices.Contains(gold, id) {
			s.TruePositives++
		}
	}
}

// Ratio is a/b, and 1 when b is 0 (nothing to get wrong).
func Ratio(a, b int64) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// Precision is the share of predicted contributions that are sources.
func (s *SetScore) Precision() float64 { return Ratio(int64(s.TruePositives), int64(s.Predicted)) }

// Recall is the share of sources predicted.
func (s *SetScore) Recall() float64 { return Ratio(int64(s.TruePositives), int64(s.Relevant)) }

func (s *SetScore) String() string {
	return fmt.Sprintf("precision %.3f recall %.3f (tp %d, predicted %d, relevant %d; %d/%d outputs name any)",
		s.Precision(), s.Recall(), s.TruePositives, s.Predicted, s.Relevant, s.CasesWithAny, s.Cases)
}

// KindScore gathers every measure for one kind of output.
type KindScore struct {
	// Final scores the answer's attributions; ExactOnly and
	// ParaphraseOnly the contributions each kind of evidence finds alone.
	Final, ExactOnly, ParaphraseOnly SetScore
	// Top1 counts the outputs whose heaviest attribution is a source, of
	// WithGold, the outputs that have sources.
	Top1, WithGold int
	// GoldPPM is the weight given to sources, of AttributedPPM in all.
	GoldPPM, AttributedPPM int64
	// Unsupported counts contributions named that are not a source and
	// share no MinSpan-word run with the output or with the passage it
	// was made from (a near-duplicate of the source is supported).
	Unsupported int
	// ExactMissed counts outputs whose sources exact spans did not find;
	// Rescued how many of them the final answer names a source for.
	ExactMissed, Rescued int
}
