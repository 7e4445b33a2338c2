package model

import (
	"math"

	"github.com/openledger/openledger/ai/llm/kernels"
)

// LowRank is one projection's LoRA update: y += Scale · (x·Aᵀ)·Bᵀ.
type LowRank struct {
	A     []float32 // [Rank × In]  (PEFT lora_A.weight)
	B     []float32 // [Out × Rank] (PEFT lora_B.weight)
	Rank  int
	Scale float32 // lora_alpha/r, or lora_alpha/√r with rsLoRA
	// BT, when set, is Bᵀ [Rank × Out]. With it the second product adds
	// Rank scaled rows of BT straight into each output row, which is much
	// faster than a matrix product whose inner dimension is only Rank.
	BT []float32
	// A16 and BT16, when set, are A and Bᵀ in bfloat16, and serving reads
	// them instead of A and BT: half the bytes per row, which is what a
	// batch of many distinct adapters is bound by. See UseBF16.
	A16, BT16 []uint16
}

// NewLowRank returns the update for PEFT's lora_A [rank × in] and lora_B
// [out × rank] factors, with Bᵀ precomputed.
func NewLowRank(a, b []float32, rank int, scale float32) *LowRank {
	out := len(b) / rank
	bt := make([]float32, len(b))
	for o := range out {
		for k := range rank {
			bt[k*out+o] = b[o*rank+k]
		}
	}
	return &LowRank{A: a, B: b, Rank: rank, Scale: scale, BT: bt}
}

// UseBF16 keeps the factors in bfloat16 for serving. It rounds A and B to
// their nearest bfloat16 values (which changes nothing for factors read from
// a bfloat16 file), so every use of the update (serving, merging, saving)
// sees the same numbers, and drops the float32 Bᵀ that serving no longer
// reads (A and B stay, so the memory taken does not change). It changes the
// update in place: call it before the update serves.
func (lr *LowRank) UseBF16() {
	lr.A16 = kernels.ToBF16(lr.A)
	for i, v := range lr.A16 {
		lr.A[i] = math.Float32frombits(uint32(v) << 16)
	}
	for i, v := range kernels.ToBF16(lr.B) {
		lr.B[i] = math.Float32frombits(uint32(v) << 16)
	}
	out := len(lr.B) / lr.Rank
	lr.BT16 = make([]uint16, len(lr.B))
	for o := range out {
		for k := range lr.Rank {
			lr.BT16[k*out+o] = uint16(math.Float32bits(lr.B[o*lr.Rank+k]) >> 16)
		}
	}
	lr.BT = nil
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
// only.
func (m *Model) project(dst, x []float32, rows int, p *Linear, layer int, mod Module, st *stepState) {
	m.backend.MatMulPacked(dst, x, rows, p.packed)
	if p.Bias != nil {
		for r := range rows {
			row := dst[r*p.Out : (r+1)*p.Out]
			for i, b := range p.Bias {
				row[i] += b
			}
		}
	}
	type update struct {
		seg segment
		lr  *LowRank
	}
	var updates []update
	for _, s := range st.segs {
		if s.adapter == nil {
			continue
		}
		if lr := s.adapter.LowRank(layer, mod); lr != nil {
			updates = append(updates, update{s, lr})
		}
	}
	// Each segment reads its own adapter's factors, which for a batch of
	// distinct adapters are more bytes than the base weights: spread the
	// segments over the cores. A segment writes only its own rows and its
	// own share of scratch, and its values do not depend on the worker.
	if len(updates) == 0 {
		return
	}
	stride := len(st.scratch) / rows
	kernels.ParallelItems(len(updates), kernels.Workers(), func(_, i int) {
		u := updates[i]
		m.addLowRank(dst, x, p, u.seg, u.lr, st.scratch[u.seg.lo*stride:u.seg.hi*stride])
	})
}

// addLowRank adds lr's update to the output rows of seg. scratch holds the
// segment's rows × (Out + Rank) floats. Each row is computed on its own, with
// the row kernels, so a row's value never depends on the rows it is batched
// with; factors kept in bfloat16 are read as they are, widened in registers.
func (m *Model) addLowRank(dst, x []float32, p *Linear, seg segment, lr *LowRank, scratch []float32) {
	be := m.backend
	n, r := seg.hi-seg.lo, lr.Rank
	t := scratch[:n*r]
	for i := range n {
		// t_i = Scale · A·x_i
		xi, ti := x[(seg.lo+i)*p.In:(seg.lo+i+1)*p.In], t[i*r:(i+1)*r]
		if lr.A16 != nil {
			be.DotRowsBF16(ti, xi, lr.A16, p.In)
		} else {
			be.DotRows(ti, xi, lr.A, p.In)
		}
		for k := range ti {
			ti[k] *= lr.Scale
		}
		// y_i += Σ_k t_ik · Bᵀ_k, accumulated into the output row.
		row := dst[(seg.lo+i)*p.Out : (seg.lo+i+1)*p.Out]
		switch {
		case lr.BT16 != nil:
			be.AxpyRowsBF16(row, ti, lr.BT16, p.Out)
		case lr.BT != nil:
			be.AxpyRows(row, ti, lr.BT, p.Out)
		}
	}
	if lr.BT16 != nil || lr.BT != nil {
		return
	}
	// Without Bᵀ: delta[n × Out] = t · Bᵀ as one product.
	delta := scratch[n*r : n*r+n*p.Out]
	be.MatMulT(delta, t, lr.B, n, p.Out, r)
	out := dst[seg.lo*p.Out : seg.hi*p.Out]
	for i, d := range delta {
		out[i] += d
	}
}
