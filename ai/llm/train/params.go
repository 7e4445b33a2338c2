package train

import (
	"math"
	"math/rand/v2"

	"github.com/openledger/openledger/ai/llm/model"
)

// factor locates one projection's LoRA factors inside the flat parameter
// vector: A [rank × in] at a, B [out × rank] at b.
type factor struct {
	on      bool
	a, b    int
	in, out int
}

// layout is where every adapted projection's factors live in one flat
// vector, so that the optimiser, clipping and checkpoints treat all
// parameters as one array in a fixed order (layer, then module, A before B).
type layout struct {
	rank    int
	factors [][model.NumModules]factor // [layer][module]
	size    int
}

func newLayout(cfg *model.Config, rank int, targets []model.Module) *layout {
	lay := &layout{rank: rank, factors: make([][model.NumModules]factor, cfg.Layers)}
	for l := range cfg.Layers {
		for _, m := range targets {
			out, in := cfg.ModuleShape(m)
			f := factor{on: true, in: in, out: out, a: lay.size}
			lay.size += rank * in
			f.b = lay.size
			lay.size += out * rank
			lay.factors[l][m] = f
		}
	}
	return lay
}

// A returns the slice of v holding layer l's module m factor A [rank × in].
func (lay *layout) A(v []float32, l int, m model.Module) []float32 {
	f := lay.factors[l][m]
	return v[f.a : f.a+lay.rank*f.in]
}

// B returns the slice of v holding factor B [out × rank].
func (lay *layout) B(v []float32, l int, m model.Module) []float32 {
	f := lay.factors[l][m]
	return v[f.b : f.b+f.out*lay.rank]
}

// initParams draws A as PEFT does (nn.init.kaiming_uniform_ with a = √5,
// which is uniform on ±1/√in) and leaves B zero, so training starts from
// the base model's outputs exactly.
func initParams(lay *layout, rng *rand.Rand) []float32 {
	v := make([]float32, lay.size)
	for l := range lay.factors {
		for m := range model.NumModules {
			if !lay.factors[l][m].on {
				continue
			}
			a := lay.A(v, l, m)
			bound := 1 / math.Sqrt(float64(lay.factors[l][m].in))
			for i := range a {
				u := float64(rng.Float64())
				a[i] = float32((u + u - 1) * bound)
			}
		}
	}
	return v
}
