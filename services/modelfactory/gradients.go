package modelfactory

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"

	"github.com/openledger/openledger/ai/llm/influence"
	"github.com/openledger/openledger/ai/llm/model"
	"github.com/openledger/openledger/ai/llm/train"
)

// ManifestGradients is the run's recorded row gradients for gradient
// attribution, stored beside the adapter.
type ManifestGradients struct {
	Method      string `json:"method"`
	SHA256      string `json:"sha256"`
	SizeBytes   uint64 `json:"size_bytes"`
	Checkpoints []int  `json:"checkpoint_steps"`
	Rows        int    `json:"rows"`
}

// gradientsFile is the finished run's gradients in a job's folder;
// partialGradientsFile holds the checkpoints recorded so far.
const (
	gradientsFile        = "gradients.bin"
	partialGradientsFile = "gradients.partial"
)

// gradientRecording records a job's row gradients at its checkpoints.
type gradientRecording struct {
	rec *influence.Recorder
	at  []int
}

// newGradientRecording prepares recording for a run of steps over data
// (from rows), or returns nil when the settings turn it off. The
// projection is seeded by the run's seed.
func newGradientRecording(base *model.Model, tr *train.Trainer, h Hyperparameters, data []train.Example, rows []Row, steps int) (*gradientRecording, error) {
	if h.AttributionCheckpoints == 0 {
		return nil, nil
	}
	ids := make([]uint64, len(rows))
	for i, r := range rows {
		ids[i] = r.ContributionID
	}
	proj := influence.Projector{Seed: h.Seed, Dim: influence.DefaultDim}
	rec, err := influence.NewRecorder(base, tr.LoRAConfig(), proj, influence.DefaultTopRows, data, ids)
	if err != nil {
		return nil, fmt.Errorf("gradient attribution: %w", err)
	}
	return &gradientRecording{rec: rec, at: influence.CheckpointSteps(steps, h.AttributionCheckpoints)}, nil
}

// due reports whether step is a checkpoint not yet recorded.
func (g *gradientRecording) due(step int) bool {
	for _, s := range g.at {
		if s == step {
			return !g.rec.Recorded(step)
		}
	}
	return false
}

// record takes every row's gradient at the trainer's current factors.
func (g *gradientRecording) record(p train.Progress, tr *train.Trainer) error {
	if err := g.rec.Checkpoint(p.Step, p.LearningRate, tr.Parameters(), nil); err != nil {
		return fmt.Errorf("gradient attribution at step %d: %w", p.Step, err)
	}
	return nil
}

// save writes the checkpoints recorded so far, for a resumed job.
func (g *gradientRecording) save(path string) error {
	run, err := g.rec.Run()
	if err != nil {
		return err
	}
	bz, err := run.Encode()
	if err != nil {
		return err
	}
	return writeFileAtomic(path, bz)
}

// restore takes up the checkpoints a stopped job recorded, up to the step
// its trainer resumes from.
func (g *gradientRecording) restore(path string, stepsDone int) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	saved, err := influence.ReadRun(f)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return g.rec.Restore(saved, stepsDone)
}

// finish returns the run's file and its manifest entry.
func (g *gradientRecording) finish() ([]byte, *ManifestGradients, error) {
	run, err := g.rec.Run()
	if err != nil {
		return nil, nil, err
	}
	if len(run.Checkpoints) != len(g.at) {
		return nil, nil, fmt.Errorf("gradient attribution: %d of %d checkpoints recorded", len(run.Checkpoints), len(g.at))
	}
	bz, err := run.Encode()
	if err != nil {
		return nil, nil, err
	}
	sum := sha256.Sum256(bz)
	m := &ManifestGradients{Method: run.Method, SHA256: hex.EncodeToString(sum[:]), SizeBytes: uint64(len(bz)), Rows: len(run.Rows)}
	for _, c := range run.Checkpoints {
		m.Checkpoints = append(m.Checkpoints, c.Step)
	}
	return bz, m, nil
}
