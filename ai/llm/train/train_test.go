package train

import (
	"bytes"
	"context"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/openledger/openledger/ai/llm/chattemplate"
	"github.com/openledger/openledger/ai/llm/lora"
	"github.com/openledger/openledger/ai/llm/model"
	"github.com/openledger/openledger/ai/llm/tinymodel"
	"github.com/openledger/openledger/ai/llm/tokenizer"
)

// servingLogits runs package model's forward (the serving path) over tokens
// with an adapter and returns the logits at every position.
func servingLogits(t *testing.T, m *model.Model, a model.Adapter, tokens []int) []float32 {
	t.Helper()
	out, err := m.Forward([]model.Sequence{{Tokens: tokens, Cache: m.NewCache(), Adapter: a, AllLogits: true}})
	if err != nil {
		t.Fatal(err)
	}
	return out[0]
}

// maxRelDiff is max |a−b| over max |b|.
func maxRelDiff(a, b []float32) float64 {
	var d, s float64
	for i := range b {
		d = math.Max(d, math.Abs(float64(a[i]-b[i])))
		s = math.Max(s, math.Abs(float64(b[i])))
	}
	return d / s
}

// The training forward computes the serving forward's logits for the same
// weights and adapter, within 1e-4 relative, for Llama and for Qwen2 with
// biases, an untied head and llama3 rope scaling; and the training loss
// (lm_head and cross-entropy in chunks of headChunk positions) equals the
// cross-entropy of the serving logits.
func TestTrainingForwardEqualsServingForward(t *testing.T) {
	for _, arch := range []string{model.ArchLlama, model.ArchQwen2} {
		t.Run(arch, func(t *testing.T) {
			cfg := model.TinyConfig()
			if arch == model.ArchQwen2 {
				g := gradConfig(arch)
				cfg.Architecture, cfg.QKVBias, cfg.TieEmbeddings, cfg.Rope = arch, true, false, g.Rope
			}
			base, err := model.NewRandom(cfg, 11)
			if err != nil {
				t.Fatal(err)
			}
			tokens := make([]int, 3*headChunk+5)
			for i := range tokens {
				tokens[i] = (i*37 + 11) % cfg.Vocab
			}
			ex := NewExample(tokens[:4], tokens[4:])
			tr, err := New(base, []Example{ex}, Options{Rank: 4, RSLoRA: true, Steps: 1, Seed: 2})
			if err != nil {
				t.Fatal(err)
			}
			randomizeParams(tr, 5)
			a, err := tr.Adapter()
			if err != nil {
				t.Fatal(err)
			}
			serving := servingLogits(t, base, a, tokens)
			d := maxRelDiff(tr.Logits(tokens), serving)
			t.Logf("logits differ by %.2g relative", d)
			if d > 1e-4 {
				t.Fatalf("logits differ by %.3g relative", d)
			}
			var want float64
			V := cfg.Vocab
			for _, r := range lossRows(&ex) {
				z := serving[r*V : (r+1)*V]
				var s float64
				for _, v := range z {
					s += math.Exp(float64(v))
				}
				want += math.Log(s) - float64(z[tokens[r+1]])
			}
			want /= float64(len(lossRows(&ex)))
			if got := tr.Loss([]Example{ex}); math.Abs(got-want) > 1e-4*want {
				t.Fatalf("training loss %v, cross-entropy of the serving logits %v", got, want)
			}
		})
	}
}

// memoryTask is a tiny chat task on tinymodel's seeded model and trained
// tokenizer: answer three questions with fixed short replies, the prompt
// rendered by the chat template and excluded from the loss.
func memoryTask(t testing.TB) (*model.Model, []Example) {
	t.Helper()
	pairs := [][2]string{
		{"Who records datasets?", "The ledger does."},
		{"What is rewarded?", "Data that shapes answers."},
		{"Name a colour.", "Blue, like the sea."},
	}
	var text []string
	for _, p := range pairs {
		text = append(text, p[0], p[1])
	}
	dir := t.TempDir()
	cfg := model.TinyConfig()
	if _, err := tinymodel.Write(dir, tinymodel.Options{Config: cfg, Seed: 9, TokenizerText: text, VocabSize: 300}); err != nil {
		t.Fatal(err)
	}
	base, err := model.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	tok, err := tokenizer.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	var data []Example
	for _, p := range pairs {
		prompt, err := chattemplate.Render(tok.ChatTemplate(), []chattemplate.Message{{Role: "user", Content: p[0]}},
			map[string]any{"add_generation_prompt": true})
		if err != nil {
			t.Fatal(err)
		}
		data = append(data, NewExample(tok.Encode(prompt, false), tok.Encode(p[1]+tinymodel.IMEnd, false)))
	}
	return base, data
}

func memoryOptions(steps int) Options {
	return Options{
		Rank: 8, Alpha: 16, LearningRate: 1e-2, WarmupSteps: 3, Steps: steps, WeightDecay: 0.01,
		MaxGradNorm: 1, BatchSize: 1, Accumulation: 2, Seed: 42,
	}
}

// A short run memorises the replies. The random base is confidently wrong
// (its tied embeddings have standard deviation 1, so its logits are large):
// the mean response loss starts near 40 nats; after 40 steps it must be
// under 1 nat (below a uniform guess, ln 300 ≈ 5.7) and under a twentieth of
// where it started.
func TestTrainingLowersLoss(t *testing.T) {
	base, data := memoryTask(t)
	var seen []Progress
	opts := memoryOptions(40)
	opts.Progress = func(p Progress) { seen = append(seen, p) }
	tr, err := New(base, data, opts)
	if err != nil {
		t.Fatal(err)
	}
	before := tr.Loss(data)
	if err := tr.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	after := tr.Loss(data)
	t.Logf("loss %.3f → %.3f after %d steps", before, after, tr.StepsDone())
	if after > 1 || after > before/20 {
		t.Fatalf("loss %.3f → %.3f: expected under 1 nat and under a twentieth", before, after)
	}
	if len(seen) != 40 || seen[0].Step != 1 || seen[39].Step != 40 || seen[0].LearningRate != 0 || seen[3].LearningRate != 1e-2 {
		t.Fatalf("progress reports: %d, first %+v", len(seen), seen[0])
	}
	for _, p := range seen {
		if p.Tokens == 0 || p.TokensPerSecond <= 0 || math.IsNaN(p.Loss) {
			t.Fatalf("progress report %+v", p)
		}
	}
}

func adapterBytes(t *testing.T, tr *Trainer) ([]byte, string) {
	t.Helper()
	dir := t.TempDir()
	if err := tr.SaveAdapter(dir); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "adapter_model.safetensors"))
	if err != nil {
		t.Fatal(err)
	}
	return b, dir
}

// Two runs with one seed write the same adapter bytes; resuming from a
// checkpoint taken mid-run (in the middle of an epoch) writes the bytes of
// the uninterrupted run; another seed writes other bytes.
func TestDeterministicAndResumable(t *testing.T) {
	base, data := memoryTask(t)
	const steps = 8
	run := func(opts Options) []byte {
		tr, err := New(base, data, opts)
		if err != nil {
			t.Fatal(err)
		}
		if err := tr.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		b, _ := adapterBytes(t, tr)
		return b
	}
	first, second := run(memoryOptions(steps)), run(memoryOptions(steps))
	if !bytes.Equal(first, second) {
		t.Fatal("two runs with one seed wrote different adapters")
	}
	other := memoryOptions(steps)
	other.Seed++
	if bytes.Equal(first, run(other)) {
		t.Fatal("another seed wrote the same adapter")
	}

	tr, err := New(base, data, memoryOptions(steps))
	if err != nil {
		t.Fatal(err)
	}
	for range 5 { // 10 examples: the fourth epoch's first
		tr.Step()
	}
	ckpt := t.TempDir()
	if err := tr.SaveCheckpoint(ckpt); err != nil {
		t.Fatal(err)
	}
	resumed, err := Resume(base, data, memoryOptions(steps), ckpt)
	if err != nil {
		t.Fatal(err)
	}
	if resumed.StepsDone() != 5 {
		t.Fatalf("resumed at step %d", resumed.StepsDone())
	}
	if err := resumed.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if b, _ := adapterBytes(t, resumed); !bytes.Equal(b, first) {
		t.Fatal("resumed run wrote a different adapter from the uninterrupted one")
	}

	changed := memoryOptions(steps)
	changed.Rank = 4
	if _, err := Resume(base, data, changed, ckpt); err == nil {
		t.Fatal("resume with another rank was accepted")
	}
	otherData := append([]Example(nil), data...)
	otherData[0], otherData[1] = otherData[1], otherData[0]
	if _, err := Resume(base, otherData, memoryOptions(steps), ckpt); err == nil {
		t.Fatal("resume on reordered data was accepted")
	}
}

// Accumulating two micro-batches of one example is one batch of two: the
// step's loss is the mean over both examples' response tokens either way.
func TestAccumulationEqualsLargerBatch(t *testing.T) {
	base, data := memoryTask(t)
	run := func(batch, accum int) []byte {
		opts := memoryOptions(4)
		opts.BatchSize, opts.Accumulation = batch, accum
		tr, err := New(base, data, opts)
		if err != nil {
			t.Fatal(err)
		}
		if err := tr.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		b, _ := adapterBytes(t, tr)
		return b
	}
	if !bytes.Equal(run(1, 2), run(2, 1)) {
		t.Fatal("two micro-batches of one differ from one batch of two")
	}
}

// The adapter the trainer writes loads back through package lora and gives
// the trainer's logits on the serving path.
func TestSavedAdapterLoadsBack(t *testing.T) {
	base, data := memoryTask(t)
	tr, err := New(base, data, memoryOptions(6))
	if err != nil {
		t.Fatal(err)
	}
	if err := tr.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	_, dir := adapterBytes(t, tr)
	a, err := lora.Load(dir, &base.Config)
	if err != nil {
		t.Fatal(err)
	}
	if a.Config.R != 8 || a.Config.LoraAlpha != 16 || len(a.Config.TargetModules) != int(model.NumModules) {
		t.Fatalf("adapter config %+v", a.Config)
	}
	tokens := data[0].Tokens
	if d := maxRelDiff(tr.Logits(tokens), servingLogits(t, base, a, tokens)); d > 1e-4 {
		t.Fatalf("loaded adapter's logits differ by %.3g relative", d)
	}
	plain := servingLogits(t, base, nil, tokens)
	if maxRelDiff(plain, servingLogits(t, base, a, tokens)) < 1e-3 {
		t.Fatal("the trained adapter changes nothing")
	}
}

// Only the listed projections are adapted, and a subset trains and saves.
func TestTargetSubset(t *testing.T) {
	base, data := memoryTask(t)
	opts := memoryOptions(2)
	opts.Targets = []model.Module{model.V, model.Q}
	tr, err := New(base, data, opts)
	if err != nil {
		t.Fatal(err)
	}
	tr.Step()
	tr.Step()
	_, dir := adapterBytes(t, tr)
	a, err := lora.Load(dir, &base.Config)
	if err != nil {
		t.Fatal(err)
	}
	for m := range model.NumModules {
		if (a.LowRank(0, m) != nil) != (m == model.Q || m == model.V) {
			t.Fatalf("module %s adapted: %v", m, a.LowRank(0, m) != nil)
		}
	}
}

// The adapter does not depend on how many goroutines the kernels and the
// attention split their work into.
func TestAdapterIndependentOfCores(t *testing.T) {
	base, data := memoryTask(t)
	run := func(procs int) []byte {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		tr, err := New(base, data, memoryOptions(3))
		if err != nil {
			t.Fatal(err)
		}
		if err := tr.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		b, _ := adapterBytes(t, tr)
		return b
	}
	if !bytes.Equal(run(1), run(4)) {
		t.Fatal("one and four cores wrote different adapters")
	}
}
