// Package demo makes the demo models a development network serves: a tiny
// base model (seeded random weights and a byte-level tokenizer trained on
// the demo text, since no pretrained weights can be downloaded) and a LoRA
// adapter fine-tuned with ai/llm/train on the demo Datanet's contributions,
// so that asking one of the demo questions with the adapter answers with
// that contribution (and its receipt credits it), while the base model
// answers noise. Everything is deterministic: the same folders every time.
package demo

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/openledger/openledger/ai/llm/chattemplate"
	"github.com/openledger/openledger/ai/llm/model"
	"github.com/openledger/openledger/ai/llm/tinymodel"
	"github.com/openledger/openledger/ai/llm/tokenizer"
	"github.com/openledger/openledger/ai/llm/train"
)

// Entry is one demo contribution and the question it answers.
type Entry struct {
	Question     string
	Contribution string
}

// Entries are the demo Datanet's contributions, one per contributor.
var Entries = []Entry{
	{"How often should storage keys be rotated?", "Rotate the storage keys every ninety days and keep the previous key readable for one extra week so that delayed jobs can still decrypt their inputs."},
	{"What should happen when a replica lags?", "When a replica lags more than thirty seconds behind the primary, stop routing reads to it until the replication stream has caught up again."},
	{"How do we avoid slow requests after a deploy?", "Cold caches make the first request after a deploy slow, so warm the hot paths with a scripted replay of yesterday's busiest hundred queries."},
}

// Folder names inside the output folder.
const (
	BaseDir    = "base"
	AdapterDir = "adapter"
)

// Steps is the length of the adapter's training run.
const Steps = 80

// Write creates dir/base (a Hugging Face model folder) and dir/adapter (a
// PEFT adapter folder trained on Entries); progress, when set, receives
// each training step.
func Write(dir string, progress func(train.Progress)) error {
	var text []string
	for _, e := range Entries {
		text = append(text, e.Question, e.Contribution)
	}
	cfg := model.TinyConfig()
	cfg.MaxPositions = 512
	baseDir := filepath.Join(dir, BaseDir)
	base, err := tinymodel.Write(baseDir, tinymodel.Options{Config: cfg, Seed: 2026, TokenizerText: text, VocabSize: 512})
	if err != nil {
		return err
	}
	tok, err := tokenizer.Load(baseDir)
	if err != nil {
		return err
	}
	var data []train.Example
	for _, e := range Entries {
		prompt, err := chattemplate.Render(tok.ChatTemplate(), []chattemplate.Message{{Role: "user", Content: e.Question}},
			map[string]any{"add_generation_prompt": true})
		if err != nil {
			return err
		}
		data = append(data, train.NewExample(tok.Encode(prompt, false), tok.Encode(e.Contribution+tinymodel.IMEnd, false)))
	}
	tr, err := train.New(base, data, train.Options{
		Rank: 16, Alpha: 32, LearningRate: 1e-2, WarmupSteps: 5, Steps: Steps, MaxGradNorm: 1,
		BatchSize: 1, Accumulation: len(data), Seed: 7, Progress: progress, BaseModelNameOrPath: "openledger/demo-base",
	})
	if err != nil {
		return fmt.Errorf("demo adapter: %w", err)
	}
	if err := tr.Run(context.Background()); err != nil {
		return fmt.Errorf("demo adapter: %w", err)
	}
	return tr.SaveAdapter(filepath.Join(dir, AdapterDir))
}
