package train

import (
	"encoding/binary"
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/openledger/openledger/ai/llm/lora"
	"github.com/openledger/openledger/ai/llm/model"
	"github.com/openledger/openledger/testutil/reference"
)

// python is Debian's interpreter, where apt's python3-torch installs.
const python = "/usr/bin/python3"

// torchCase is a tiny model and a randomised adapter written as a Hugging
// Face folder and a PEFT folder, with the trainer that holds the adapter.
type torchCase struct {
	tr                   *Trainer
	example              Example
	modelDir, adapterDir string
	keys                 []string // PEFT names of every factor, in parameter order
	ranges               [][2]int // each key's range in the parameter vector
}

func newTorchCase(t *testing.T, arch string, opts Options) *torchCase {
	t.Helper()
	if err := exec.Command(python, "-c", "import torch").Run(); err != nil {
		reference.Unavailable(t, "torch gradient reference: python3-torch is not installed")
	}
	cfg := gradConfig(arch)
	base, err := model.NewRandom(cfg, 7)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	c := &torchCase{example: gradExample(), modelDir: filepath.Join(dir, "model"), adapterDir: filepath.Join(dir, "adapter")}
	if err := base.Save(c.modelDir, model.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	if c.tr, err = New(base, []Example{c.example}, opts); err != nil {
		t.Fatal(err)
	}
	randomizeParams(c.tr, 3)
	if err := c.tr.SaveAdapter(c.adapterDir); err != nil {
		t.Fatal(err)
	}
	lay := c.tr.net.lay
	for l := range cfg.Layers {
		for m := range model.NumModules {
			f := lay.factors[l][m]
			c.keys = append(c.keys, lora.KeyName(l, m, "lora_A"), lora.KeyName(l, m, "lora_B"))
			c.ranges = append(c.ranges, [2]int{f.a, f.a + lay.rank*f.in}, [2]int{f.b, f.b + f.out*lay.rank})
		}
	}
	return c
}

// torch runs testdata/lora_grad.py on the case with extra job fields and
// returns the float64 values it wrote.
func (c *torchCase) torch(t *testing.T, extra map[string]any) []float64 {
	t.Helper()
	script, err := filepath.Abs("testdata/lora_grad.py")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "out.f64")
	job := map[string]any{
		"model": c.modelDir, "adapter": c.adapterDir, "tokens": c.example.Tokens,
		"mask": c.example.Mask, "keys": c.keys, "out": out,
	}
	for k, v := range extra {
		job[k] = v
	}
	spec, _ := json.Marshal(job)
	jobPath := filepath.Join(dir, "job.json")
	if err := os.WriteFile(jobPath, spec, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(python, script, jobPath)
	cmd.Env = append(os.Environ(), "OMP_NUM_THREADS=1")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("torch: %v\n%s", err, b)
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	vals := make([]float64, len(raw)/8)
	for i := range vals {
		vals[i] = math.Float64frombits(binary.LittleEndian.Uint64(raw[8*i:]))
	}
	return vals
}

// The LoRA gradients of one example equal torch autograd's (float64,
// testdata/lora_grad.py) on the same safetensors model and PEFT adapter,
// within 1e-4 of each tensor's largest gradient, for Llama and for Qwen2.
// Skipped when python3-torch is not installed.
func TestGradientsMatchTorch(t *testing.T) {
	for _, arch := range []string{model.ArchLlama, model.ArchQwen2} {
		t.Run(arch, func(t *testing.T) {
			c := newTorchCase(t, arch, Options{Rank: 2, Alpha: 3, Steps: 1, Seed: 1})
			tr, e := c.tr, c.example
			rows := lossRows(&e)
			act := tr.net.forward(tr.params, e.Tokens)
			_, dnormed := tr.net.headLoss(act, rows, e.Tokens, 1/float32(len(rows)), true)
			grad := make([]float32, len(tr.params))
			tr.net.backward(tr.params, grad, act, dnormed)

			ref := c.torch(t, nil)
			if len(ref) != len(grad)+1 {
				t.Fatalf("torch wrote %d values, want %d gradients and the loss", len(ref), len(grad)+1)
			}
			if got, want := tr.Loss([]Example{e}), ref[len(grad)]; math.Abs(got-want) > 1e-5*want {
				t.Fatalf("loss %v, torch %v", got, want)
			}
			off, worst := 0, 0.0
			for i, r := range c.ranges {
				var maxRef, maxErr float64
				for j := r[0]; j < r[1]; j++ {
					maxRef = math.Max(maxRef, math.Abs(ref[off]))
					maxErr = math.Max(maxErr, math.Abs(ref[off]-float64(grad[j])))
					off++
				}
				worst = math.Max(worst, maxErr/maxRef)
				if maxErr > 1e-4*maxRef {
					t.Errorf("%s: max error %.3g against largest gradient %.3g", c.keys[i], maxErr, maxRef)
				}
			}
			t.Logf("worst error relative to the tensor's largest gradient: %.2g", worst)
		})
	}
}

// Five steps of the trainer (warm-up, cosine decay, clipping that engages,
// decoupled weight decay) end where torch.optim.AdamW with clip_grad_norm_
// and a LambdaLR of transformers' schedule ends, within 1e-4 per parameter
// (a step moves a parameter by up to the learning rate, 1e-2).
func TestTrainingStepsMatchTorch(t *testing.T) {
	opts := Options{
		Rank: 2, Alpha: 3, Steps: 5, WarmupSteps: 2, LearningRate: 1e-2, WeightDecay: 0.1,
		MaxGradNorm: 0.5, Seed: 1,
	}
	c := newTorchCase(t, model.ArchQwen2, opts)
	clipped := false
	for range opts.Steps {
		if p := c.tr.Step(); p.GradNorm > opts.MaxGradNorm {
			clipped = true
		}
	}
	if !clipped {
		t.Fatal("no step clipped, so the comparison does not cover clipping")
	}
	ref := c.torch(t, map[string]any{"train": map[string]any{
		"steps": opts.Steps, "lr": opts.LearningRate, "warmup": opts.WarmupSteps, "weight_decay": opts.WeightDecay,
		"betas": []float64{0.9, 0.999}, "eps": 1e-8, "max_grad_norm": opts.MaxGradNorm,
	}})
	off, worst := 0, 0.0
	for _, r := range c.ranges {
		for j := r[0]; j < r[1]; j++ {
			worst = math.Max(worst, math.Abs(ref[off]-float64(c.tr.params[j])))
			off++
		}
	}
	if off != len(ref) {
		t.Fatalf("torch wrote %d values, want %d", len(ref), off)
	}
	t.Logf("largest parameter difference after %d steps: %.2g", opts.Steps, worst)
	if worst > 1e-4 {
		t.Fatalf("parameters differ from torch's by up to %.3g", worst)
	}
}
