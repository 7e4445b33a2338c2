package train

import (
	"encoding/binary"
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/openledger/openledger/ai/llm/internal/reference"
	"github.com/openledger/openledger/ai/llm/lora"
	"github.com/openledger/openledger/ai/llm/model"
)

// python is Debian's interpreter, where apt's python3-torch installs.
const python = "/usr/bin/python3"

// The LoRA gradients of one example equal torch autograd's (float64,
// testdata/lora_grad.py) on the same safetensors model and PEFT adapter,
// within 1e-4 of each tensor's largest gradient, for Llama and for Qwen2.
// Skipped when python3-torch is not installed.
func TestGradientsMatchTorch(t *testing.T) {
	if err := exec.Command(python, "-c", "import torch").Run(); err != nil {
		reference.Unavailable(t, "torch gradient reference: python3-torch is not installed")
	}
	script, err := filepath.Abs("testdata/lora_grad.py")
	if err != nil {
		t.Fatal(err)
	}
	for _, arch := range []string{model.ArchLlama, model.ArchQwen2} {
		t.Run(arch, func(t *testing.T) {
			cfg := gradConfig(arch)
			base, err := model.NewRandom(cfg, 7)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			modelDir, adapterDir := filepath.Join(dir, "model"), filepath.Join(dir, "adapter")
			if err := base.Save(modelDir, model.SaveOptions{}); err != nil {
				t.Fatal(err)
			}
			e := gradExample()
			tr, err := New(base, []Example{e}, Options{Rank: 2, Alpha: 3, Steps: 1, Seed: 1})
			if err != nil {
				t.Fatal(err)
			}
			randomizeParams(tr, 3)
			if err := tr.SaveAdapter(adapterDir); err != nil {
				t.Fatal(err)
			}
			rows := lossRows(&e)
			act := tr.net.forward(tr.params, e.Tokens)
			_, dnormed := tr.net.headLoss(act, rows, e.Tokens, 1/float32(len(rows)), true)
			grad := make([]float32, len(tr.params))
			tr.net.backward(tr.params, grad, act, dnormed)

			type part struct {
				key    string
				lo, hi int
			}
			var parts []part
			lay := tr.net.lay
			for l := range cfg.Layers {
				for m := range model.NumModules {
					f := lay.factors[l][m]
					parts = append(parts,
						part{lora.KeyName(l, m, "lora_A"), f.a, f.a + lay.rank*f.in},
						part{lora.KeyName(l, m, "lora_B"), f.b, f.b + f.out*lay.rank})
				}
			}
			keys := make([]string, len(parts))
			for i, p := range parts {
				keys[i] = p.key
			}
			out := filepath.Join(dir, "grads.f64")
			job, _ := json.Marshal(map[string]any{"model": modelDir, "adapter": adapterDir, "tokens": e.Tokens,
				"mask": e.Mask, "keys": keys, "out": out})
			jobPath := filepath.Join(dir, "job.json")
			if err := os.WriteFile(jobPath, job, 0o644); err != nil {
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
			ref := make([]float64, len(raw)/8)
			for i := range ref {
				ref[i] = math.Float64frombits(binary.LittleEndian.Uint64(raw[8*i:]))
			}
			if len(ref) != len(grad)+1 {
				t.Fatalf("torch wrote %d values, want %d gradients and the loss", len(ref), len(grad)+1)
			}
			if got, want := tr.Loss([]Example{e}), ref[len(grad)]; math.Abs(got-want) > 1e-5*want {
				t.Fatalf("loss %v, torch %v", got, want)
			}
			off, worst := 0, 0.0
			for _, p := range parts {
				var maxRef, maxErr float64
				for i := p.lo; i < p.hi; i++ {
					r := ref[off+i-p.lo]
					maxRef = math.Max(maxRef, math.Abs(r))
					maxErr = math.Max(maxErr, math.Abs(r-float64(grad[i])))
				}
				off += p.hi - p.lo
				worst = math.Max(worst, maxErr/maxRef)
				if maxErr > 1e-4*maxRef {
					t.Errorf("%s: max error %.3g against largest gradient %.3g", p.key, maxErr, maxRef)
				}
			}
			t.Logf("worst error relative to the tensor's largest gradient: %.2g", worst)
		})
	}
}
