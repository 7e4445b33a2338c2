package model

import (
	"math"
	"math/rand/v2"
)

// NewRandom returns a model with seeded random weights, for tests and
// benchmarks. Projections are drawn with standard deviation 1/√in so
// activations keep their scale through the layers, and the embedding with
// standard deviation 1 so that logits are well spread and greedy choices are
// not near-ties. The same config and seed always give the same weights.
func NewRandom(cfg Config, seed uint64) (*Model, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	rng := rand.New(rand.NewPCG(seed, 0x6c6c6d))
	normal := func(n int, std float64) []float32 {
		v := make([]float32, n)
		for i := range v {
			v[i] = float32(rng.NormFloat64() * std)
		}
		return v
	}
	norm := func(n int) []float32 {
		v := make([]float32, n)
		for i := range v {
			v[i] = float32(1 + 0.1*rng.NormFloat64())
		}
		return v
	}
	H := cfg.Hidden
	w := Weights{Embed: normal(cfg.Vocab*H, 1)}
	w.Layers = make([]Layer, cfg.Layers)
	for l := range w.Layers {
		L := &w.Layers[l]
		L.AttnNorm = norm(H)
		for m := range NumModules {
			out, in := cfg.ModuleShape(m)
			L.Proj[m].W = normal(out*in, 1/math.Sqrt(float64(in)))
			if cfg.hasBias(m) {
				L.Proj[m].Bias = normal(out, 0.1)
			}
		}
		L.MLPNorm = norm(H)
	}
	w.FinalNorm = norm(H)
	if !cfg.TieEmbeddings {
		w.LMHead = normal(cfg.Vocab*H, 1/math.Sqrt(float64(H)))
	}
	return New(cfg, w)
}

// TinyConfig is a small Llama shape for tests: a few layers, grouped-query
// attention, tied embeddings.
func TinyConfig() Config {
	return Config{
		Architecture: ArchLlama, Hidden: 64, Intermediate: 160, Layers: 2, Heads: 4, KVHeads: 2, HeadDim: 16,
		Vocab: 97, MaxPositions: 512, RMSNormEps: 1e-5, Rope: Rope{Theta: 10000}, TieEmbeddings: true,
		BOSTokenID: 1, EOSTokenIDs: []int{2},
	}
}
