package lora

import (
	"fmt"

	"github.com/openledger/openledger/ai/llm/model"
)

// Merge returns a copy of base with the adapter folded into its weights,
// W' = W + scale·B·A, computed in float64 before rounding. The base is not
// modified; weights the adapter does not touch are shared.
func Merge(base *model.Model, a *Adapter) (*model.Model, error) {
	c := base.Config
	if len(a.updates) != c.Layers {
		return nil, fmt.Errorf("lora: adapter has %d layers, base model %d", len(a.updates), c.Layers)
	}
	w := base.RowMajorWeights()
	for l := range w.Layers {
		for m, lr := range a.updates[l] {
			if lr == nil {
				continue
			}
			p := w.Layers[l].Proj[m]
			merged := append([]float32(nil), p.W...)
			r := lr.Rank
			for o := range p.Out {
				for i := range p.In {
					var s float64
					for k := range r {
						s += float64(lr.B[o*r+k]) * float64(lr.A[k*p.In+i])
					}
					merged[o*p.In+i] = float32(float64(merged[o*p.In+i]) + float64(lr.Scale)*s)
				}
			}
			p.W = merged
			w.Layers[l].Proj[m] = p
		}
	}
	m, err := model.New(c, w)
	if err != nil {
		return nil, err
	}
	if m.Backend() != base.Backend() {
		m.SetBackend(base.Backend())
	}
	if m.WeightFormat() != base.WeightFormat() {
		m.SetWeightFormat(base.WeightFormat())
	}
	return m, nil
}
