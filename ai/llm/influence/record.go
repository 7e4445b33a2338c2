package influence

import (
	"fmt"
	"slices"

	"github.com/openledger/openledger/ai/llm/lora"
	"github.com/openledger/openledger/ai/llm/model"
	"github.com/openledger/openledger/ai/llm/train"
)

// CheckpointSteps are n steps spread evenly over a run of total steps,
// ending at the last: where a Recorder takes the rows' gradients.
func CheckpointSteps(total, n int) []int {
	n = max(1, min(n, total))
	steps := make([]int, n)
	for i := range n {
		steps[i] = total * (i + 1) / n
	}
	return steps
}

// DefaultCheckpoints is how many checkpoints a run records unless another
// number is chosen.
const DefaultCheckpoints = 3

// Recorder builds a Run while an adapter trains: at each checkpoint it
// takes every training row's projected gradient at the current factors.
type Recorder struct {
	grads *train.GradientModel
	rows  []train.Example
	run   Run
}

// NewRecorder prepares recording for rows (the training examples) whose
// contributions are contributions[i], on an adapter shaped by cfg.
func NewRecorder(base *model.Model, cfg lora.Config, proj Projector, topRows int, rows []train.Example, contributions []uint64) (*Recorder, error) {
	if len(rows) != len(contributions) {
		return nil, fmt.Errorf("influence: %d rows with %d contribution ids", len(rows), len(contributions))
	}
	if err := proj.validate(); err != nil {
		return nil, err
	}
	grads, err := train.NewGradientModel(base, cfg)
	if err != nil {
		return nil, err
	}
	r := &Recorder{grads: grads, rows: rows, run: Run{Method: Method, Projector: proj, LoRA: cfg, TopRows: topRows}}
	for _, id := range contributions {
		r.run.Rows = append(r.run.Rows, Row{Contribution: id})
	}
	return r, nil
}

// Checkpoint records the factors params (Trainer.Parameters after step
// steps, at learning rate lr) and every row's gradient there. progress, if
// set, is called after each row.
func (r *Recorder) Checkpoint(step int, lr float64, params []float32, progress func(done, total int)) error {
	if err := r.grads.SetParameters(params); err != nil {
		return err
	}
	for i, e := range r.rows {
		g, err := r.grads.LossGradient(e)
		if err != nil {
			return fmt.Errorf("influence: row %d: %w", i, err)
		}
		r.run.Rows[i].Gradients = append(r.run.Rows[i].Gradients, r.run.Projector.Project(g))
		if progress != nil {
			progress(i+1, len(r.rows))
		}
	}
	r.run.Checkpoints = append(r.run.Checkpoints, Checkpoint{Step: step, LearningRate: LearningRateQ32(lr)})
	r.run.Parameters = append(r.run.Parameters, append([]float32(nil), params...))
	return nil
}

// Run returns the recorded run, validated.
func (r *Recorder) Run() (*Run, error) {
	run := r.run
	if err := run.Validate(); err != nil {
		return nil, err
	}
	return &run, nil
}

// Restore continues a recording from a partial run saved earlier (Run of a
// recorder of the same rows and settings), keeping its checkpoints up to
// step upTo: those after it are taken again when the resumed run reaches
// them.
func (r *Recorder) Restore(saved *Run, upTo int) error {
	switch {
	case saved.Method != r.run.Method || saved.Projector != r.run.Projector || saved.TopRows != r.run.TopRows:
		return fmt.Errorf("influence: the saved run has other settings (method %s, projection %+v, top rows %d)", saved.Method, saved.Projector, saved.TopRows)
	case !sameLoRA(saved.LoRA, r.run.LoRA):
		return fmt.Errorf("influence: the saved run's adapter is shaped otherwise")
	case len(saved.Rows) != len(r.run.Rows):
		return fmt.Errorf("influence: the saved run has %d rows, this one %d", len(saved.Rows), len(r.run.Rows))
	}
	for i, row := range saved.Rows {
		if row.Contribution != r.run.Rows[i].Contribution {
			return fmt.Errorf("influence: row %d is from contribution %d in the saved run, %d now", i, row.Contribution, r.run.Rows[i].Contribution)
		}
	}
	keep := 0
	for keep < len(saved.Checkpoints) && saved.Checkpoints[keep].Step <= upTo {
		keep++
	}
	r.run.Checkpoints = append([]Checkpoint(nil), saved.Checkpoints[:keep]...)
	r.run.Parameters = append([][]float32(nil), saved.Parameters[:keep]...)
	for i, row := range saved.Rows {
		r.run.Rows[i].Gradients = append([]Vector(nil), row.Gradients[:keep]...)
	}
	return nil
}

// Recorded reports whether a checkpoint at step is already in the run.
func (r *Recorder) Recorded(step int) bool {
	for _, c := range r.run.Checkpoints {
		if c.Step == step {
			return true
		}
	}
	return false
}

func sameLoRA(a, b lora.Config) bool {
	return a.R == b.R && a.LoraAlpha == b.LoraAlpha && a.UseRSLoRA == b.UseRSLoRA && slices.Equal(a.TargetModules, b.TargetModules)
}
