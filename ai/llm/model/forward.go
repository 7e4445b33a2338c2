package model

import (
	"fmt"
	"math"

	"github.com/openledger/openledger/ai/llm/kernels"
)

// Sequence is one entry of a forward batch.
type Sequence struct {
	// Tokens are the new tokens: a whole prompt when prefilling, one token
	// when decoding. Their positions follow what Cache already holds.
	Tokens []int
	// Cache is the sequence's KV cache; Forward appends the new positions.
	Cache *KVCache
	// Adapter is the LoRA adapter for this sequence, or nil for the base.
	Adapter Adapter
	// AllLogits asks for logits at every new token instead of only the last.
	AllLogits bool
}

// Forward runs one step over a batch and returns, per sequence, its logits
// as rows × Vocab values: one row (the last token) or one per new token with
// AllLogits. Sequences that share an adapter should be adjacent in the batch
// so their low-rank updates run as one segment; the results are the same
// either way.
func (m *Model) Forward(batch []Sequence) ([][]float32, error) {
	c := &m.Config
	if len(batch) == 0 {
		return nil, nil
	}
	rows, maxRank := 0, 0
	seen := make(map[*KVCache]bool, len(batch))
	for i, s := range batch {
		if seen[s.Cache] && s.Cache != nil {
			return nil, fmt.Errorf("sequence %d shares its cache with an earlier sequence of the batch", i)
		}
		seen[s.Cache] = true
		if len(s.Tokens) == 0 {
			return nil, fmt.Errorf("sequence %d has no tokens", i)
		}
		if s.Cache == nil || len(s.Cache.keys) != c.Layers {
			return nil, fmt.Errorf("sequence %d has no cache for this model", i)
		}
		for _, t := range s.Tokens {
			if t < 0 || t >= c.Vocab {
				return nil, fmt.Errorf("sequence %d: token %d outside the vocabulary of %d", i, t, c.Vocab)
			}
		}
		if end := s.Cache.Len() + len(s.Tokens); c.MaxPositions > 0 && end > c.MaxPositions {
			return nil, fmt.Errorf("sequence %d: %d positions exceed max_position_embeddings %d", i, end, c.MaxPositions)
		}
		if s.Adapter != nil {
			for l := range c.Layers {
				for mod := range NumModules {
					if lr := s.Adapter.LowRank(l, mod); lr != nil {
						out, in := c.ModuleShape(mod)
						if lr.Rank <= 0 || len(lr.A) != lr.Rank*in || len(lr.B) != out*lr.Rank || (lr.BT != nil && len(lr.BT) != out*lr.Rank) ||
							(lr.A16 != nil && (len(lr.A16) != lr.Rank*in || len(lr.BT16) != out*lr.Rank)) {
							return nil, fmt.Errorf("sequence %d: adapter's layer %d %s update does not fit the model ([%d × %d] and [%d × %d] expected for rank %d)",
								i, l, mod, lr.Rank, in, out, lr.Rank, lr.Rank)
						}
						maxRank = max(maxRank, lr.Rank)
					}
				}
			}
		}
		rows += len(s.Tokens)
	}

	st := newStepState(m, batch, rows, maxRank)
	for l := range c.Layers {
		m.layerForward(l, st)
	}
	return m.logits(st), nil
}

// stepState is the batch laid out as rows: row r belongs to sequence
// seqOf[r] at position pos[r]. The buffers are the activations of the layer
// being computed; a backward pass would keep one copy per layer.
type stepState struct {
	batch    []Sequence
	rows     int
	seqOf    []int
	pos      []int
	starts   []int // first row of each sequence
	segs     []segment
	cos, sin []float32 // [rows × HeadDim/2] rotary angles per row

	x       []float32 // [rows × Hidden] residual stream
	xn      []float32 // [rows × Hidden] normalised input of the current block
	q       []float32 // [rows × QDim]
	k, v    []float32 // [rows × KVDim]
	attn    []float32 // [rows × QDim] attention output before o_proj
	gate    []float32 // [rows × Intermediate]
	up      []float32 // [rows × Intermediate]
	out     []float32 // [rows × Hidden] a block's output before the residual add
	scratch []float32 // LoRA intermediates
}

func newStepState(m *Model, batch []Sequence, rows, maxRank int) *stepState {
	c := &m.Config
	half := c.HeadDim / 2
	st := &stepState{
		batch: batch, rows: rows,
		seqOf: make([]int, rows), pos: make([]int, rows), starts: make([]int, len(batch)),
		cos: make([]float32, rows*half), sin: make([]float32, rows*half),
		x: make([]float32, rows*c.Hidden), xn: make([]float32, rows*c.Hidden),
		q: make([]float32, rows*c.QDim()), k: make([]float32, rows*c.KVDim()), v: make([]float32, rows*c.KVDim()),
		attn: make([]float32, rows*c.QDim()),
		gate: make([]float32, rows*c.Intermediate), up: make([]float32, rows*c.Intermediate),
		out: make([]float32, rows*c.Hidden),
	}
	if maxRank > 0 {
		st.scratch = make([]float32, rows*(maxRank+max(c.Intermediate, c.Hidden, c.QDim())))
	}
	r := 0
	for i, s := range batch {
		st.starts[i] = r
		base := s.Cache.Len()
		if n := len(st.segs); n > 0 && st.segs[n-1].adapter == s.Adapter {
			st.segs[n-1].hi += len(s.Tokens)
		} else {
			st.segs = append(st.segs, segment{lo: r, hi: r + len(s.Tokens), adapter: s.Adapter})
		}
		for j, tok := range s.Tokens {
			st.seqOf[r], st.pos[r] = i, base+j
			copy(st.x[r*c.Hidden:(r+1)*c.Hidden], m.Weights.Embed[tok*c.Hidden:(tok+1)*c.Hidden])
			m.rope.angles(base+j, st.cos[r*half:(r+1)*half], st.sin[r*half:(r+1)*half])
			r++
		}
	}
	return st
}

// layerForward runs decoder layer l on every row:
//
//	x += o_proj(attention(rope(q_proj(n)), rope(k_proj(n)), v_proj(n)))   n = RMSNorm(x)
//	x += down_proj(silu(gate_proj(n)) · up_proj(n))                       n = RMSNorm(x)
func (m *Model) layerForward(l int, st *stepState) {
	c := &m.Config
	L := &m.Weights.Layers[l]
	H, R, half := c.Hidden, st.rows, c.HeadDim/2

	for r := range R {
		kernels.RMSNorm(st.xn[r*H:(r+1)*H], st.x[r*H:(r+1)*H], L.AttnNorm, c.RMSNormEps)
	}
	m.project(st.q, st.xn, R, &L.Proj[Q], l, Q, st) // [R × QDim]
	m.project(st.k, st.xn, R, &L.Proj[K], l, K, st) // [R × KVDim]
	m.project(st.v, st.xn, R, &L.Proj[V], l, V, st) // [R × KVDim]
	qd, kvd := c.QDim(), c.KVDim()
	for r := range R {
		cos, sin := st.cos[r*half:(r+1)*half], st.sin[r*half:(r+1)*half]
		rotate(st.q[r*qd:(r+1)*qd], c.HeadDim, cos, sin)
		rotate(st.k[r*kvd:(r+1)*kvd], c.HeadDim, cos, sin)
	}
	for i, s := range st.batch {
		lo, hi := st.starts[i], st.starts[i]+len(s.Tokens)
		s.Cache.keys[l] = append(s.Cache.keys[l], st.k[lo*kvd:hi*kvd]...)
		s.Cache.values[l] = append(s.Cache.values[l], st.v[lo*kvd:hi*kvd]...)
	}
	m.attention(l, st)                                  // st.attn [R × QDim]
	m.project(st.out, st.attn, R, &L.Proj[O], l, O, st) // [R × Hidden]
	kernels.Add(st.x, st.x, st.out)

	for r := range R {
		kernels.RMSNorm(st.xn[r*H:(r+1)*H], st.x[r*H:(r+1)*H], L.MLPNorm, c.RMSNormEps)
	}
	m.project(st.gate, st.xn, R, &L.Proj[Gate], l, Gate, st) // [R × Intermediate]
	m.project(st.up, st.xn, R, &L.Proj[Up], l, Up, st)       // [R × Intermediate]
	kernels.SiLUMul(st.gate, st.gate, st.up)
	m.project(st.out, st.gate, R, &L.Proj[Down], l, Down, st) // [R × Hidden]
	kernels.Add(st.x, st.x, st.out)
}

// attention computes causal grouped-query attention for every row and query
// head: query head h reads key/value head h / (Heads/KVHeads), and a row at
// position p sees cached positions 0..p of its own sequence. Work is split
// over (row, head) pairs; each pair's result is computed by one goroutine in
// a fixed order.
func (m *Model) attention(l int, st *stepState) {
	c := &m.Config
	hd, qd, kvd := c.HeadDim, c.QDim(), c.KVDim()
	group := c.Heads / c.KVHeads
	scale := float32(1 / math.Sqrt(float64(hd)))
	be := m.backend
	pairs := st.rows * c.Heads
	workers := kernels.Workers()
	if pairs*st.pos[st.rows-1] < 4096 {
		workers = 1
	}
	kernels.ParallelFor(pairs, workers, func(lo, hi int) {
		var scores []float32
		for p := lo; p < hi; p++ {
			r, h := p/c.Heads, p%c.Heads
			cache := st.batch[st.seqOf[r]].Cache
			keys, values := cache.keys[l], cache.values[l]
			g := h / group
			n := st.pos[r] + 1
			q := st.q[r*qd+h*hd : r*qd+(h+1)*hd]
			if cap(scores) < n {
				scores = make([]float32, n, 2*n)
			}
			scores = scores[:n]
			// scores[t] = q · k_t / √hd over this head's slice of each cached row.
			be.DotRows(scores, q, keys[g*hd:], kvd)
			for t := range scores {
				scores[t] *= scale
			}
			kernels.Softmax(scores)
			out := st.attn[r*qd+h*hd : r*qd+(h+1)*hd]
			clear(out)
			be.AxpyRows(out, scores, values[g*hd:], kvd) // out = Σ_t scores[t]·v_t
		}
	})
}

// logits applies the final norm and the output projection to the rows each
// sequence asked for.
func (m *Model) logits(st *stepState) [][]float32 {
	c := &m.Config
	H := c.Hidden
	var want []int
	for i, s := range st.batch {
		if s.AllLogits {
			for j := range s.Tokens {
				want = append(want, st.starts[i]+j)
			}
		} else {
			want = append(want, st.starts[i]+len(s.Tokens)-1)
		}
	}
	normed := make([]float32, len(want)*H)
	for i, r := range want {
		kernels.RMSNorm(normed[i*H:(i+1)*H], st.x[r*H:(r+1)*H], m.Weights.FinalNorm, c.RMSNormEps)
	}
	all := make([]float32, len(want)*c.Vocab)
	m.backend.MatMulPacked(all, normed, len(want), m.lmHead) // [rows × Vocab]
	out := make([][]float32, len(st.batch))
	off := 0
	for i, s := range st.batch {
		n := 1
		if s.AllLogits {
			n = len(s.Tokens)
		}
		out[i] = all[off*c.Vocab : (off+n)*c.Vocab : (off+n)*c.Vocab]
		off += n
	}
	return out
}
