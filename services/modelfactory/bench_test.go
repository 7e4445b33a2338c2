package modelfactory

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/openledger/openledger/ai/llm/tinymodel"
	"github.com/openledger/openledger/ai/llm/train"
	"github.com/openledger/openledger/services/openlora/demo"
)

// BenchmarkTrainingThroughTheApp measures what a ModelFactory job costs on
// top of the engine: the same rows and settings trained by a bare
// train.Trainer loop and by a job (queue bookkeeping, a loss point and an
// event per step, checkpoints every 10 steps, then evaluation and the
// manifest), alternating in one run on a ~31M-parameter model, and reports
// both training tokens/s, their ratio, and the job's time after training.
// The job records no row gradients; a third run of it records them at the
// default checkpoints, and its training time over the plain job's is what
// gradient attribution adds.
//
//	go test ./services/modelfactory -run '^$' -bench TrainingThroughTheApp -benchtime 3x
func BenchmarkTrainingThroughTheApp(b *testing.B) {
	dir := b.TempDir()
	var text []string
	for _, e := range demo.Entries {
		text = append(text, e.Question, e.Contribution)
	}
	cfg := tinymodel.Small30M()
	cfg.MaxPositions = 512
	baseDir := filepath.Join(dir, "base")
	if _, err := tinymodel.Write(baseDir, tinymodel.Options{Config: cfg, Seed: 1, TokenizerText: text, VocabSize: 2048}); err != nil {
		b.Fatal(err)
	}
	f, err := New(Options{Home: filepath.Join(dir, "home"), BaseModels: []string{baseDir}, CheckpointEvery: 10})
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var sha string
	for k := range f.localBases {
		sha = k
	}
	var rows []Row
	for i, e := range demo.Entries {
		rows = append(rows, Row{DatanetID: 1, Version: 1, ContributionID: uint64(i + 1), SHA256: fmt.Sprint(i), Prompt: e.Question, Response: e.Contribution})
	}
	h := DefaultHyperparameters()
	h.Epochs, h.Accumulation, h.HoldoutPercent = 10, 1, 0
	steps := h.steps(len(rows))

	var engineTime, appTime, recordingTime, afterTraining time.Duration
	var engineTokens, appTokens int64
	b.ResetTimer()
	for n := range b.N {
		// The engine alone.
		base, err := f.base(sha)
		if err != nil {
			b.Fatal(err)
		}
		data, err := examples(base, rows, FormatPromptResponse, h.MaxSeqLength)
		if err != nil {
			b.Fatal(err)
		}
		tr, err := train.New(base.Model(), data, trainOptions(h, steps, 1))
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		for tr.StepsDone() < steps {
			engineTokens += int64(tr.Step().Tokens)
		}
		engineTime += time.Since(start)

		// The same through a job, without and with recorded gradients.
		job := func(name string, checkpoints int) (*Job, time.Duration) {
			hp := h
			hp.AttributionCheckpoints = checkpoints
			j := &Job{
				ID: fmt.Sprintf("bench-%s-%d", name, n), Spec: JobSpec{Name: "bench", BaseModelID: 1, Mapping: Mapping{}.withDefaults(), Hyperparameters: hp},
				Status: StatusQueued, BaseSHA256: sha, Progress: Progress{Steps: steps},
			}
			if err := os.MkdirAll(f.jobs.jobDir(j.ID), 0o755); err != nil {
				b.Fatal(err)
			}
			if err := writeJSONFile(filepath.Join(f.jobs.jobDir(j.ID), "rows.json"), jobRows{Train: rows}); err != nil {
				b.Fatal(err)
			}
			start := time.Now()
			f.runJob(context.Background(), context.Background(), j)
			total := time.Since(start)
			if j.Status != StatusSucceeded {
				b.Fatalf("job %s: %s", j.Status, j.Error)
			}
			return j, total
		}
		j, total := job("plain", 0)
		appTime += time.Duration(j.Progress.TrainSeconds * float64(time.Second))
		appTokens += j.Progress.Tokens
		afterTraining += total - time.Duration(j.Progress.TrainSeconds*float64(time.Second))
		recorded, _ := job("gradients", DefaultHyperparameters().AttributionCheckpoints)
		recordingTime += time.Duration(recorded.Progress.TrainSeconds * float64(time.Second))
	}
	engine := float64(engineTokens) / engineTime.Seconds()
	app := float64(appTokens) / appTime.Seconds()
	b.ReportMetric(engine, "engine-tokens/s")
	b.ReportMetric(app, "app-tokens/s")
	b.ReportMetric(app/engine, "app/engine")
	b.ReportMetric(afterTraining.Seconds()/float64(b.N), "s-after-training/job")
	b.ReportMetric(recordingTime.Seconds()/appTime.Seconds(), "with-gradients/plain")
}
