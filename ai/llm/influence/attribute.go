package influence

import (
	"math/big"
	"sync"

	"github.com/openledger/openledger/ai/llm/model"
	"github.com/openledger/openledger/ai/llm/train"
)

// Attributor scores answers against a recorded run. It is safe for
// concurrent use; answers are scored one at a time.
type Attributor struct {
	run      *Run
	rowGrads [][]Vector
	rowIDs   []uint64

	mu    sync.Mutex // guards grads' parameters
	grads *train.GradientModel
}

// NewAttributor prepares attribution of answers of the adapter whose run
// is run, on the base model it was trained on.
func NewAttributor(base *model.Model, run *Run) (*Attributor, error) {
	if err := run.Validate(); err != nil {
		return nil, err
	}
	grads, err := train.NewGradientModel(base, run.LoRA)
	if err != nil {
		return nil, err
	}
	return newAttributor(grads, run)
}

// NewAttributorOn is NewAttributor on the base weights grads already
// holds (train.GradientModel.Reshape), so that attributors of many adapters
// of one base share them.
func NewAttributorOn(grads *train.GradientModel, run *Run) (*Attributor, error) {
	if err := run.Validate(); err != nil {
		return nil, err
	}
	shaped, err := grads.Reshape(run.LoRA)
	if err != nil {
		return nil, err
	}
	return newAttributor(shaped, run)
}

func newAttributor(grads *train.GradientModel, run *Run) (*Attributor, error) {
	if err := grads.SetParameters(run.Parameters[0]); err != nil {
		return nil, err
	}
	a := &Attributor{run: run, grads: grads}
	for _, row := range run.Rows {
		a.rowGrads = append(a.rowGrads, row.Gradients)
		a.rowIDs = append(a.rowIDs, row.Contribution)
	}
	return a, nil
}

// Gradients are the answer's projected gradients at every checkpoint;
// answer is the prompt and the answer's tokens with the answer masked in.
func (a *Attributor) Gradients(answer train.Example) ([]Vector, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	out := make([]Vector, len(a.run.Checkpoints))
	for c, p := range a.run.Parameters {
		if err := a.grads.SetParameters(p); err != nil {
			return nil, err
		}
		g, err := a.grads.LossGradient(answer)
		if err != nil {
			return nil, err
		}
		out[c] = a.run.Projector.Project(g)
	}
	return out, nil
}

// Scores are every row's influence on the answer, exact.
func (a *Attributor) Scores(answer train.Example) ([]*big.Int, error) {
	g, err := a.Gradients(answer)
	if err != nil {
		return nil, err
	}
	return Scores(a.run.Checkpoints, a.rowGrads, g)
}

// Attribute is the answer's weights per contribution, as the chain
// records them.
func (a *Attributor) Attribute(answer train.Example) ([]ContributionWeight, error) {
	scores, err := a.Scores(answer)
	if err != nil {
		return nil, err
	}
	return Weights(scores, a.rowIDs, a.run.TopRows)
}
