package train

import (
	"math/rand/v2"

	"github.com/openledger/openledger/ai/llm/model"
)

// dropoutKey names one example's forward pass in a training step. LoRA
// dropout (PEFT's lora_dropout: each element of a LoRA branch's input is
// zeroed with probability p and the others scaled by 1/(1−p), the base
// projection seeing the input unchanged) draws its masks from a generator
// seeded by the key, the layer and the projection, so a mask depends on
// the seed, the step and the example only: not on goroutines, and not on
// where a run was checkpointed and resumed.
type dropoutKey struct {
	p                   float32
	seed, step, example uint64
}

// splitmix64 is the finaliser of SplitMix64, mixing a counter into a seed.
func splitmix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// apply returns the dropped input of projection m of layer l and the mask
// of kept elements.
func (k *dropoutKey) apply(x []float32, l int, m model.Module) ([]float32, []bool) {
	stream := splitmix64(splitmix64(splitmix64(splitmix64(k.step)^k.example)^uint64(l)) ^ uint64(m))
	rng := rand.New(rand.NewPCG(k.seed, stream))
	threshold := uint32(float64(k.p) * (1 << 32))
	inv := 1 / (1 - k.p)
	out := make([]float32, len(x))
	kept := make([]bool, len(x))
	for i, v := range x {
		if rng.Uint32() >= threshold {
			out[i], kept[i] = v*inv, true
		}
	}
	return out, kept
}

// dropBackward turns the gradient of a dropped input into that of the
// input: zero where the element was dropped, scaled by 1/(1−p) where kept.
func (k *dropoutKey) dropBackward(d []float32, kept []bool) {
	inv := 1 / (1 - k.p)
	for i := range d {
		if kept[i] {
			d[i] *= inv
		} else {
			d[i] = 0
		}
	}
}

// dropoutFor is the key of example i of the current step, or nil without
// dropout.
func (t *Trainer) dropoutFor(i int) *dropoutKey {
	if t.opts.Dropout == 0 {
		return nil
	}
	return &dropoutKey{p: float32(t.opts.Dropout), seed: t.opts.Seed, step: uint64(t.step), example: uint64(i)}
}
