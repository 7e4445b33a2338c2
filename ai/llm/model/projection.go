package model

// LowRank is one projection's LoRA update: y += Scale · (x·Aᵀ)·Bᵀ.
type LowRank struct {
	A     []float32 // [Rank × In]  (PEFT lora_A.weight)
	B     []float32 // [Out × Rank] (PEFT lora_B.weight)
	Rank  int
	Scale float32 // lora_alpha/r, or lora_alpha/√r with rsLoRA
}

// Adapter supplies low-rank updates per layer and projection; nil means the
// projection is not adapted. Package lora implements it for PEFT adapters.
// Batches group rows by comparing Adapter values, so implementations must be
// comparable; pointer types are.
type Adapter interface {
	LowRank(layer int, m Module) *LowRank
}

// segment is a run of consecutive batch rows that share one adapter.
type segment struct {
	lo, hi  int
	adapter Adapter
}

// project computes dst[rows × Out] = x[rows × In]·Wᵀ + b for the whole batch
// once, then adds each adapter's low-rank update over that adapter's rows
// only. scratch must hold rows × (Out + maxRank) floats.
func (m *Model) project(dst, x []float32, rows int, p *Linear, layer int, mod Module, segs []segment, scratch []float32) {
	be := m.backend
	be.MatMulPacked(dst, x, rows, p.packed)
	if p.Bias != nil {
		for r := range rows {
			row := dst[r*p.Out : (r+1)*p.Out]
			for i, b := range p.Bias {
				row[i] += b
			}
		}
	}
	for _, s := range segs {
		if s.adapter == nil {
			continue
		}
		lr := s.adapter.LowRank(layer, mod)
		if lr == nil {
			continue
		}
		n := s.hi - s.lo
		// t[n × r] = x_seg · Aᵀ, scaled; delta[n × Out] = t · Bᵀ.
		t := scratch[:n*lr.Rank]
		be.MatMulT(t, x[s.lo*p.In:s.hi*p.In], lr.A, n, lr.Rank, p.In)
		for i := range t {
			t[i] *= lr.Scale
		}
		delta := scratch[n*lr.Rank : n*lr.Rank+n*p.Out]
		be.MatMulT(delta, t, lr.B, n, p.Out, lr.Rank)
		out := dst[s.lo*p.Out : s.hi*p.Out]
		for i, d := range delta {
			out[i] += d
		}
	}
}
