package train

import (
	"github.com/openledger/openledger/ai/llm/kernels"
	"github.com/openledger/openledger/ai/llm/model"
)

// frozenLinear is a base projection prepared for training: W packed for the
// forward product and Wᵀ packed for the backward product dx = dy·W.
type frozenLinear struct {
	w       *kernels.Packed  // [out × in]
	wt      transposedWeight // Wᵀ [in × out] in blocks
	bias    []float32        // [out] or nil
	out, in int
}

// network is the frozen base model with a LoRA parameter layout: everything
// the forward and backward passes read.
type network struct {
	cfg     model.Config
	be      kernels.Backend
	embed   []float32 // [Vocab × Hidden]
	layers  []frozenLayer
	norm    []float32 // [Hidden] final RMSNorm
	head    frozenLinear
	invFreq []float64
	lay     *layout
	scale   float32 // alpha/r or alpha/√r
}

type frozenLayer struct {
	attnNorm, mlpNorm []float32
	proj              [model.NumModules]frozenLinear
}

func newNetwork(base *model.Model, be kernels.Backend, lay *layout, scale float32) *network {
	cfg := base.Config
	w := base.RowMajorWeights()
	pack := func(weight, bias []float32, out, in int) frozenLinear {
		return frozenLinear{
			w: be.Pack(weight, out, in, kernels.F32), wt: packTransposed(be, weight, out, in),
			bias: bias, out: out, in: in,
		}
	}
	n := &network{
		cfg: cfg, be: be, embed: w.Embed, norm: w.FinalNorm,
		head:    pack(w.LMHead, nil, cfg.Vocab, cfg.Hidden),
		invFreq: ropeFrequencies(cfg.Rope, cfg.HeadDim), lay: lay, scale: scale,
		layers: make([]frozenLayer, cfg.Layers),
	}
	for l, L := range w.Layers {
		n.layers[l].attnNorm, n.layers[l].mlpNorm = L.AttnNorm, L.MLPNorm
		for m := range model.NumModules {
			p := L.Proj[m]
			n.layers[l].proj[m] = pack(p.W, p.Bias, p.Out, p.In)
		}
	}
	return n
}
