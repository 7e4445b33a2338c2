package train

import (
	"bytes"
	"context"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/openledger/openledger/ai/llm/model"
)

// With LoRA dropout, every A and B gradient equals the central finite
// difference of the same dropped forward pass (the key fixes the masks),
// within 1e-2 of each tensor's largest gradient: the float32 loss limits
// the differences' precision.
func TestDropoutGradientsMatchFiniteDifferences(t *testing.T) {
	cfg := gradConfig(model.ArchLlama)
	base, err := model.NewRandom(cfg, 7)
	if err != nil {
		t.Fatal(err)
	}
	e := gradExample()
	tr, err := New(base, []Example{e}, Options{Rank: 2, Alpha: 3, Steps: 1, Seed: 1, Dropout: 0.3})
	if err != nil {
		t.Fatal(err)
	}
	randomizeParams(tr, 3)
	key := &dropoutKey{p: 0.3, seed: 1, step: 5, example: 2}
	rows := lossRows(&e)
	loss := func() float64 {
		act := tr.net.forwardDropout(tr.params, e.Tokens, key)
		s, _ := tr.net.headLoss(act, rows, e.Tokens, 0, false)
		return s / float64(len(rows))
	}
	act := tr.net.forwardDropout(tr.params, e.Tokens, key)
	_, dnormed := tr.net.headLoss(act, rows, e.Tokens, 1/float32(len(rows)), true)
	grad := make([]float32, len(tr.params))
	tr.net.backward(tr.params, grad, act, dnormed)
	if got := loss(); math.Abs(got-tr.Loss([]Example{e})) < 1e-6 {
		t.Fatalf("the dropped pass has the loss of the plain one (%v): no element was dropped", got)
	}
	var largest float64
	for _, g := range grad {
		largest = max(largest, math.Abs(float64(g)))
	}
	const h = 1e-3
	for i := range tr.params {
		old := tr.params[i]
		tr.params[i] = old + h
		up := loss()
		tr.params[i] = old - h
		down := loss()
		tr.params[i] = old
		if fd := (up - down) / (2 * h); math.Abs(fd-float64(grad[i])) > 1e-2*largest {
			t.Fatalf("parameter %d: gradient %v, finite difference %v (largest gradient %v)", i, grad[i], fd, largest)
		}
	}
}

// Dropout changes the trajectory, reproducibly, and a run resumed from a
// checkpoint gives the bytes of an uninterrupted one; a checkpoint made
// with another dropout is refused.
func TestDropoutIsDeterministicAndResumable(t *testing.T) {
	cfg := gradConfig(model.ArchLlama)
	base, err := model.NewRandom(cfg, 7)
	if err != nil {
		t.Fatal(err)
	}
	data := []Example{gradExample(), NewExample([]int{1, 4, 6}, []int{8, 10, 12, 2})}
	run := func(dropout float64, stopAt int, dir string) []byte {
		opts := Options{Rank: 2, Steps: 12, Seed: 9, LearningRate: 0.05, Dropout: dropout}
		tr, err := New(base, data, opts)
		if err != nil {
			t.Fatal(err)
		}
		if stopAt > 0 {
			for tr.StepsDone() < stopAt {
				tr.Step()
			}
			if err := tr.SaveCheckpoint(dir); err != nil {
				t.Fatal(err)
			}
			if tr, err = Resume(base, data, opts, dir); err != nil {
				t.Fatal(err)
			}
		}
		if err := tr.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(t.TempDir(), "adapter")
		if err := tr.SaveAdapter(out); err != nil {
			t.Fatal(err)
		}
		bz, err := os.ReadFile(filepath.Join(out, "adapter_model.safetensors"))
		if err != nil {
			t.Fatal(err)
		}
		return bz
	}
	plain, dropped := run(0, 0, ""), run(0.2, 0, "")
	if bytes.Equal(plain, dropped) {
		t.Fatal("dropout 0.2 trained the same adapter as no dropout")
	}
	if !bytes.Equal(dropped, run(0.2, 0, "")) {
		t.Fatal("two runs with dropout and one seed differ")
	}
	dir := t.TempDir()
	if !bytes.Equal(dropped, run(0.2, 5, dir)) {
		t.Fatal("a run with dropout resumed at step 5 differs from an uninterrupted one")
	}
	if _, err := Resume(base, data, Options{Rank: 2, Steps: 12, Seed: 9, LearningRate: 0.05, Dropout: 0.1}, dir); err == nil {
		t.Fatal("a checkpoint made with dropout 0.2 resumed with 0.1")
	}
	if _, err := New(base, data, Options{Rank: 2, Steps: 1, Dropout: 1}); err == nil {
		t.Fatal("dropout 1 accepted")
	}
}
