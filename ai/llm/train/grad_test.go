package train

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/openledger/openledger/ai/llm/model"
)

// gradConfig is a model small enough that every parameter can be checked by
// finite differences, with grouped-query attention and rope scaling.
func gradConfig(arch string) model.Config {
	c := model.Config{
		Architecture: arch, Hidden: 16, Intermediate: 24, Layers: 2, Heads: 4, KVHeads: 2, HeadDim: 4,
		Vocab: 29, MaxPositions: 64, RMSNormEps: 1e-5, Rope: model.Rope{Theta: 10000}, TieEmbeddings: true,
		BOSTokenID: 1, EOSTokenIDs: []int{2},
	}
	if arch == model.ArchQwen2 {
		c.QKVBias, c.TieEmbeddings = true, false
		c.Rope = model.Rope{Theta: 500000, Scaling: "llama3", Factor: 8, LowFreqFactor: 1, HighFreqFactor: 4, OriginalMax: 4}
	}
	return c
}

// randomizeParams replaces the PEFT initialisation (B = 0, which would make
// every A gradient zero) with values that exercise every path.
func randomizeParams(tr *Trainer, seed uint64) {
	rng := rand.New(rand.NewPCG(seed, 1))
	for i := range tr.params {
		tr.params[i] = float32(rng.NormFloat64() * 0.3)
	}
}

func gradExample() Example {
	return Example{
		Tokens: []int{1, 5, 9, 14, 3, 22, 7, 28, 11, 2},
		Mask:   []bool{false, false, false, true, true, false, true, true, true, true},
	}
}

// Every A and B gradient of every target module equals the central finite
// difference of an independent float64 implementation of the loss. The
// analytic gradients are float32; the check allows, per tensor, a maximum
// error of 1e-4 of that tensor's largest gradient.
func TestGradientsMatchFiniteDifferences(t *testing.T) {
	for _, arch := range []string{model.ArchLlama, model.ArchQwen2} {
		t.Run(arch, func(t *testing.T) {
			cfg := gradConfig(arch)
			base, err := model.NewRandom(cfg, 7)
			if err != nil {
				t.Fatal(err)
			}
			e := gradExample()
			tr, err := New(base, []Example{e}, Options{Rank: 2, Alpha: 3, Steps: 1, Seed: 1})
			if err != nil {
				t.Fatal(err)
			}
			randomizeParams(tr, 3)

			rows := lossRows(&e)
			act := tr.net.forward(tr.params, e.Tokens)
			_, dnormed := tr.net.headLoss(act, rows, e.Tokens, 1/float32(len(rows)), true)
			grad := make([]float32, len(tr.params))
			tr.net.backward(tr.params, grad, act, dnormed)

			w := base.RowMajorWeights()
			p64 := make([]float64, len(tr.params))
			for i, v := range tr.params {
				p64[i] = float64(v)
			}
			scale := float64(tr.net.scale)
			if got, want := tr.Loss([]Example{e}), referenceLoss(w, cfg, tr.net.lay, scale, p64, e); math.Abs(got-want) > 1e-5*math.Abs(want) {
				t.Fatalf("training forward loss %v, float64 reference %v", got, want)
			}
			const h = 1e-5
			fd := func(i int) float64 {
				old := p64[i]
				p64[i] = old + h
				up := referenceLoss(w, cfg, tr.net.lay, scale, p64, e)
				p64[i] = old - h
				down := referenceLoss(w, cfg, tr.net.lay, scale, p64, e)
				p64[i] = old
				return (up - down) / (2 * h)
			}
			lay := tr.net.lay
			worst := 0.0
			for l := range cfg.Layers {
				for m := range model.NumModules {
					f := lay.factors[l][m]
					for _, part := range []struct {
						name   string
						lo, hi int
					}{{"A", f.a, f.a + lay.rank*f.in}, {"B", f.b, f.b + f.out*lay.rank}} {
						name := fmt.Sprintf("layer %d %s %s", l, m, part.name)
						var maxRef, maxErr float64
						for i := part.lo; i < part.hi; i++ {
							ref := fd(i)
							maxRef = math.Max(maxRef, math.Abs(ref))
							maxErr = math.Max(maxErr, math.Abs(ref-float64(grad[i])))
						}
						if maxRef == 0 {
							t.Fatalf("%s: zero gradient, the check proves nothing", name)
						}
						worst = math.Max(worst, maxErr/maxRef)
						if maxErr > 1e-4*maxRef {
							t.Errorf("%s: max error %.3g against largest gradient %.3g", name, maxErr, maxRef)
						}
					}
				}
			}
			t.Logf("worst error relative to the tensor's largest gradient: %.2g", worst)
		})
	}
}
