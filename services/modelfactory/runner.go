package modelfactory

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"time"

	"github.com/openledger/openledger/ai/llm/train"
	"github.com/openledger/openledger/services/openlora"
)

// Run trains queued jobs one after another until ctx ends; a job running
// then is checkpointed and left queued, to resume when the service starts
// again.
func (f *Factory) Run(ctx context.Context) {
	for {
		jobCtx, cancel := context.WithCancelCause(ctx)
		f.mu.Lock()
		j, err := f.nextQueued()
		if j != nil {
			f.cancel[j.ID] = cancel
		}
		f.mu.Unlock()
		if err != nil {
			f.log.Error("reading the job queue", "err", err)
		}
		if j == nil {
			cancel(nil)
			// Every change that queues a job pokes the queue.
			select {
			case <-ctx.Done():
				return
			case <-f.wake:
				continue
			}
		}
		f.runJob(ctx, jobCtx, j)
		cancel(nil)
		if ctx.Err() != nil {
			return
		}
	}
}

func (f *Factory) poke() {
	select {
	case f.wake <- struct{}{}:
	default:
	}
}

func (f *Factory) nextQueued() (*Job, error) {
	jobs, err := f.jobs.all()
	if err != nil {
		return nil, err
	}
	for _, j := range jobs {
		if j.Status == StatusQueued {
			return j, nil
		}
	}
	return nil, nil
}

// setStatus records a job's status and tells the page.
func (f *Factory) setStatus(j *Job, status, message string) {
	j.Status, j.Error, j.Updated = status, message, now()
	if err := f.jobs.save(j); err != nil {
		f.log.Error("saving a job", "job", j.ID, "err", err)
	}
	f.events.publish(j.ID, Event{Type: "job", Job: j})
}

// runJob trains, evaluates and writes the manifest of one job; jobCtx is
// ctx, cancelled (with errCancelled) when the user cancels the job.
func (f *Factory) runJob(ctx, jobCtx context.Context, j *Job) {
	defer func() {
		f.mu.Lock()
		delete(f.cancel, j.ID)
		f.mu.Unlock()
	}()
	f.setStatus(j, StatusRunning, "")
	f.log.Info("job started", "job", j.ID, "step", j.Progress.Step, "steps", j.Progress.Steps)
	err := f.trainJob(jobCtx, j)
	switch {
	case err == nil:
		f.setStatus(j, StatusSucceeded, "")
		f.metrics.jobs.WithLabelValues(StatusSucceeded).Inc()
		f.log.Info("job finished", "job", j.ID, "loss", j.Progress.Loss)
	case errors.Is(context.Cause(jobCtx), errCancelled):
		f.setStatus(j, StatusCancelled, "cancelled at step "+fmt.Sprint(j.Progress.Step)+"; resume continues from there")
		f.metrics.jobs.WithLabelValues(StatusCancelled).Inc()
	case ctx.Err() != nil:
		f.setStatus(j, StatusQueued, "")
	default:
		f.setStatus(j, StatusFailed, err.Error())
		f.metrics.jobs.WithLabelValues(StatusFailed).Inc()
		f.log.Error("job failed", "job", j.ID, "err", err)
	}
}

// trainingRun is a job's trainer and data, ready to step.
type trainingRun struct {
	base    *openlora.Embedded
	rows    jobRows
	train   []train.Example
	eval    []train.Example
	opts    train.Options
	trainer *train.Trainer
	// grads records the rows' gradients at the run's checkpoints, or is
	// nil when the job records none.
	grads *gradientRecording
}

// prepare loads the base model and the job's rows and builds (or resumes)
// its trainer.
func (f *Factory) prepare(j *Job, checkpoint string) (*trainingRun, error) {
	s := &trainingRun{}
	var err error
	if s.base, err = f.base(j.BaseSHA256); err != nil {
		return nil, err
	}
	if err := readJSONFile(filepath.Join(f.jobs.jobDir(j.ID), "rows.json"), &s.rows); err != nil {
		return nil, err
	}
	h := j.Spec.Hyperparameters
	if s.train, err = examples(s.base, s.rows.Train, j.Spec.Mapping.Format, h.MaxSeqLength); err != nil {
		return nil, err
	}
	if s.eval, err = examples(s.base, s.rows.Holdout, j.Spec.Mapping.Format, h.MaxSeqLength); err != nil {
		return nil, err
	}
	steps := h.steps(len(s.train))
	s.opts = trainOptions(h, steps, j.Spec.BaseModelID)
	if _, statErr := os.Stat(checkpoint); statErr == nil {
		s.trainer, err = train.Resume(s.base.Model(), s.train, s.opts, checkpoint)
	} else {
		s.trainer, err = train.New(s.base.Model(), s.train, s.opts)
	}
	if err != nil {
		return nil, err
	}
	if s.grads, err = newGradientRecording(s.base.Model(), s.trainer, h, s.train, s.rows.Train, steps); err != nil {
		return nil, err
	}
	if s.grads != nil {
		if err := s.grads.restore(filepath.Join(f.jobs.jobDir(j.ID), partialGradientsFile), s.trainer.StepsDone()); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// trainOptions are the engine's settings for a job's hyperparameters.
func trainOptions(h Hyperparameters, steps int, baseModelID uint64) train.Options {
	return train.Options{
		Rank: h.Rank, Alpha: h.Alpha, Dropout: h.Dropout, Targets: h.modules(),
		LearningRate: h.LearningRate, WarmupSteps: h.warmupSteps(steps), Steps: steps,
		WeightDecay: h.WeightDecay, MaxGradNorm: h.MaxGradNorm,
		BatchSize: h.BatchSize, Accumulation: h.Accumulation, Seed: h.Seed,
		BaseModelNameOrPath: fmt.Sprintf("openledger:model/%d", baseModelID),
	}
}

// evalSet is what a job is evaluated on: the held-out rows, or the
// training rows when none were held out.
func (s *trainingRun) evalSet() ([]train.Example, []Row, string) {
	if len(s.eval) > 0 {
		return s.eval, s.rows.Holdout, "holdout"
	}
	return s.train, s.rows.Train, "training"
}

func (f *Factory) trainJob(ctx context.Context, j *Job) error {
	dir := f.jobs.jobDir(j.ID)
	checkpoint := filepath.Join(dir, "checkpoint")
	s, err := f.prepare(j, checkpoint)
	if err != nil {
		return err
	}
	tr := s.trainer
	points, err := f.jobs.losses(j.ID, tr.StepsDone())
	if err != nil {
		return err
	}
	if len(points) != tr.StepsDone() {
		return fmt.Errorf("the loss curve has %d steps and the checkpoint %d", len(points), tr.StepsDone())
	}
	evalSet, _, _ := s.evalSet()
	if j.BaseLoss == nil {
		loss := tr.Loss(evalSet)
		j.BaseLoss = &loss
	}
	j.Progress.Steps = s.opts.Steps
	lastSave := time.Now()
	save := func() error {
		if err := tr.SaveCheckpoint(checkpoint); err != nil {
			return err
		}
		lastSave = time.Now()
		j.Updated = now()
		return f.jobs.save(j)
	}
	for tr.StepsDone() < s.opts.Steps {
		if ctx.Err() != nil {
			if err := save(); err != nil {
				return err
			}
			return context.Cause(ctx)
		}
		start := time.Now()
		p := tr.Step()
		if math.IsNaN(p.Loss) || math.IsInf(p.Loss, 0) {
			return fmt.Errorf("the loss became %v at step %d: lower the learning rate", p.Loss, p.Step)
		}
		point := LossPoint{Step: p.Step, Loss: p.Loss, LearningRate: p.LearningRate}
		if err := f.jobs.appendLoss(j.ID, point); err != nil {
			return err
		}
		// A checkpoint's gradients are saved before the trainer's
		// checkpoint, so a resumed job never lacks one it passed.
		if s.grads != nil && s.grads.due(p.Step) {
			f.log.Info("recording row gradients", "job", j.ID, "step", p.Step, "rows", len(s.train))
			if err := s.grads.record(p, tr); err != nil {
				return err
			}
			if err := s.grads.save(filepath.Join(dir, partialGradientsFile)); err != nil {
				return err
			}
		}
		pr := &j.Progress
		pr.Step, pr.Loss, pr.LearningRate, pr.TokensPerSecond = p.Step, p.Loss, p.LearningRate, p.TokensPerSecond
		pr.Tokens += int64(p.Tokens)
		f.metrics.steps.Inc()
		f.metrics.tokens.Add(float64(p.Tokens))
		if p.Step%f.opts.CheckpointEvery == 0 || time.Since(lastSave) > 30*time.Second {
			if err := save(); err != nil {
				return err
			}
		}
		// The job's training time is the loop's wall time, bookkeeping
		// and checkpoints included.
		pr.TrainSeconds += time.Since(start).Seconds()
		pr.ETASeconds = pr.TrainSeconds / float64(pr.Step) * float64(pr.Steps-pr.Step)
		f.events.publish(j.ID, Event{Type: "step", Job: j, Point: &point})
	}
	if err := tr.SaveAdapter(filepath.Join(dir, "adapter")); err != nil {
		return err
	}
	art, err := adapterArtifact(filepath.Join(dir, "adapter"))
	if err != nil {
		return err
	}
	j.Adapter = art
	if s.grads != nil {
		bz, entry, err := s.grads.finish()
		if err != nil {
			return err
		}
		if err := writeFileAtomic(filepath.Join(dir, gradientsFile), bz); err != nil {
			return err
		}
		j.Gradients = entry
	}
	f.setStatus(j, StatusEvaluating, "")
	if j.Evaluation, err = f.evaluate(ctx, s, *j.BaseLoss, filepath.Join(dir, "adapter")); err != nil {
		return fmt.Errorf("evaluation: %w", err)
	}
	all, err := f.jobs.losses(j.ID, -1)
	if err != nil {
		return err
	}
	manifest := buildManifest(j, s.rows, all, *art)
	bz, err := manifest.encode()
	if err != nil {
		return err
	}
	if err := writeFileAtomic(filepath.Join(dir, "manifest.json"), bz); err != nil {
		return err
	}
	if err := os.RemoveAll(filepath.Join(dir, partialGradientsFile)); err != nil {
		return err
	}
	return os.RemoveAll(checkpoint)
}

// buildManifest is a finished job's training manifest.
func buildManifest(j *Job, rows jobRows, points []LossPoint, art ManifestArtifact) *Manifest {
	losses := make([]float64, len(points))
	for i, p := range points {
		losses[i] = p.Loss
	}
	return &Manifest{
		Format: ManifestFormat, Engine: EngineVersion,
		BaseModel: ManifestBase{ModelID: j.Spec.BaseModelID, SHA256: j.BaseSHA256},
		Datasets:  j.Datasets, Mapping: j.Spec.Mapping,
		Rows: manifestRows(rows.Train), Holdout: manifestRows(rows.Holdout),
		Hyperparameters: j.Spec.Hyperparameters, Steps: j.Progress.Steps,
		Losses: losses, LossDigest: lossDigest(losses), Adapter: art, Gradients: j.Gradients,
	}
}

// evalSamples bounds the prompts answered side by side.
const evalSamples = 3

// evaluate measures the adapter against the base on the evaluation rows
// and answers a few of their prompts with both, greedily.
func (f *Factory) evaluate(ctx context.Context, s *trainingRun, baseLoss float64, adapterDir string) (*Evaluation, error) {
	set, rows, on := s.evalSet()
	loss := s.trainer.Loss(set)
	ev := &Evaluation{
		On: on, Rows: len(set), BaseLoss: baseLoss, AdapterLoss: loss,
		BasePerplexity: math.Exp(baseLoss), AdapterPerplexity: math.Exp(loss),
	}
	if len(rows) == 0 || rows[0].Prompt == "" {
		return ev, nil
	}
	adapter, err := s.base.LoadAdapter(ctx, "", adapterDir)
	if err != nil {
		return nil, err
	}
	greedy := 0.0
	for _, r := range rows[:min(evalSamples, len(rows))] {
		sample := EvalSample{Prompt: r.Prompt, Reference: r.Response}
		for _, side := range []struct {
			adapter openlora.LoadedAdapter
			into    *string
		}{{nil, &sample.Base}, {adapter, &sample.Adapter}} {
			g, err := s.base.Generate(ctx, &openlora.GenerateRequest{
				Adapter: side.adapter, Messages: []openlora.ChatMessage{{Role: "user", Content: r.Prompt}},
				MaxTokens: 96, Temperature: &greedy,
			}, nil)
			if err != nil {
				return nil, err
			}
			*side.into = g.Text
		}
		ev.Samples = append(ev.Samples, sample)
	}
	return ev, nil
}

// Cancel stops a queued or running job; a running one is checkpointed
// first, so Resume continues where it stopped.
func (f *Factory) Cancel(id string) (*Job, error) {
	j, err := f.Job(id)
	if err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if cancel, running := f.cancel[id]; running {
		cancel(errCancelled)
		return j, nil
	}
	if j.Status == StatusQueued {
		f.setStatus(j, StatusCancelled, "cancelled before it started")
		return j, nil
	}
	return nil, conflict("not_cancellable", "job %s is %s; only queued and running jobs can be cancelled", id, j.Status)
}

// Resume queues a cancelled or failed job again; it continues from its
// last checkpoint.
func (f *Factory) Resume(id string) (*Job, error) {
	j, err := f.Job(id)
	if err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if j.Status != StatusCancelled && j.Status != StatusFailed {
		return nil, conflict("not_resumable", "job %s is %s; only cancelled and failed jobs can be resumed", id, j.Status)
	}
	f.setStatus(j, StatusQueued, "")
	f.poke()
	return j, nil
}
