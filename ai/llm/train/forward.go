package train

import (
	"math"

	"github.com/openledger/openledger/ai/llm/internal/exactmath"
	"github.com/openledger/openledger/ai/llm/model"
)

// layerActivations are one decoder layer's activations over a sequence of T
// positions, kept for the backward pass.
type layerActivations struct {
	x    []float32 // [T × Hidden] layer input (residual stream)
	inv1 []float32 // [T] input_layernorm inverse RMS
	n1   []float32 // [T × Hidden] normalised input of attention
	q    []float32 // [T × QDim] queries after rotation
	k    []float32 // [T × KVDim] keys after rotation
	v    []float32 // [T × KVDim]
	// Attention weights are not kept (they would take Heads × T² floats per
	// layer); the backward pass recomputes them from q and k.
	att  []float32 // [T × QDim] attention output before o_proj
	x2   []float32 // [T × Hidden] residual stream after attention
	inv2 []float32 // [T] post_attention_layernorm inverse RMS
	n2   []float32 // [T × Hidden] normalised input of the MLP
	gate []float32 // [T × Intermediate] gate_proj output (before SiLU)
	up   []float32 // [T × Intermediate]
	h    []float32 // [T × Intermediate] silu(gate)·up, input of down_proj
	// low holds each adapted projection's x·Aᵀ [T × rank] (unscaled).
	low [model.NumModules][]float32
	// With LoRA dropout, drop is the pass's key and, per adapted
	// projection, dropped is the branch's dropped input and kept its mask.
	drop    *dropoutKey
	dropped [model.NumModules][]float32
	kept    [model.NumModules][]bool
}

// activations are a whole sequence's forward pass.
type activations struct {
	T        int
	cos, sin []float32 // [T × HeadDim/2]
	layers   []layerActivations
	drop     *dropoutKey // LoRA dropout of a training pass; nil for none
	final    []float32   // [T × Hidden] residual stream after the last layer
	invF     []float32   // [T]
	normed   []float32   // [T × Hidden] final norm output, input of lm_head
}

// forward runs the decoder with the adapter params over tokens up to the
// final norm and keeps the activations; lm_head and the loss run in head.go.
// It computes, per layer,
//
//	x2 = x  + o_proj(attention(rope(q_proj(n1)), rope(k_proj(n1)), v_proj(n1)))   n1 = RMSNorm(x)
//	x' = x2 + down_proj(silu(gate_proj(n2)) · up_proj(n2))                         n2 = RMSNorm(x2)
//
// where every projection is y = x·Wᵀ + b + scale·(x·Aᵀ)·Bᵀ.
func (n *network) forward(params []float32, tokens []int) *activations {
	return n.forwardDropout(params, tokens, nil)
}

// forwardDropout is forward with LoRA dropout drawn by drop (none when
// nil), as training steps run it.
func (n *network) forwardDropout(params []float32, tokens []int, drop *dropoutKey) *activations {
	c := &n.cfg
	T, H := len(tokens), c.Hidden
	act := &activations{T: T, layers: make([]layerActivations, c.Layers), drop: drop}
	act.cos, act.sin = ropeAngles(n.invFreq, T)
	x := make([]float32, T*H)
	for r, tok := range tokens {
		copy(x[r*H:(r+1)*H], n.embed[tok*H:(tok+1)*H])
	}
	for l := range c.Layers {
		x = n.layerForward(params, l, x, &act.layers[l], act)
	}
	act.final = x
	act.invF, act.normed = make([]float32, T), make([]float32, T*H)
	rmsNormForward(act.normed, act.invF, x, n.norm, T, H, c.RMSNormEps)
	return act
}

// layerForward fills a and returns the layer's output residual stream.
func (n *network) layerForward(params []float32, l int, x []float32, a *layerActivations, act *activations) []float32 {
	c := &n.cfg
	L := &n.layers[l]
	T, H, I, qd, kvd := act.T, c.Hidden, c.Intermediate, c.QDim(), c.KVDim()

	a.x, a.drop = x, act.drop
	a.inv1, a.n1 = make([]float32, T), make([]float32, T*H)
	rmsNormForward(a.n1, a.inv1, x, L.attnNorm, T, H, c.RMSNormEps)
	a.q = n.project(params, l, model.Q, a.n1, T, a) // [T × QDim]
	a.k = n.project(params, l, model.K, a.n1, T, a) // [T × KVDim]
	a.v = n.project(params, l, model.V, a.n1, T, a) // [T × KVDim]
	rotateRows(a.q, T, qd, c.HeadDim, act.cos, act.sin, false)
	rotateRows(a.k, T, kvd, c.HeadDim, act.cos, act.sin, false)
	n.attentionForward(a, T)                        // a.att [T × QDim]
	o := n.project(params, l, model.O, a.att, T, a) // [T × Hidden]
	a.x2 = make([]float32, T*H)
	for i := range o {
		a.x2[i] = x[i] + o[i]
	}

	a.inv2, a.n2 = make([]float32, T), make([]float32, T*H)
	rmsNormForward(a.n2, a.inv2, a.x2, L.mlpNorm, T, H, c.RMSNormEps)
	a.gate = n.project(params, l, model.Gate, a.n2, T, a) // [T × Intermediate]
	a.up = n.project(params, l, model.Up, a.n2, T, a)     // [T × Intermediate]
	a.h = make([]float32, T*I)
	for i, g := range a.gate {
		a.h[i] = g * sigmoid(g) * a.up[i]
	}
	d := n.project(params, l, model.Down, a.h, T, a) // [T × Hidden]
	out := make([]float32, T*H)
	for i := range d {
		out[i] = a.x2[i] + d[i]
	}
	return out
}

// project computes y [T × out] = x·Wᵀ + b + scale·(x·Aᵀ)·Bᵀ and keeps x·Aᵀ.
func (n *network) project(params []float32, l int, m model.Module, x []float32, T int, a *layerActivations) []float32 {
	p := &n.layers[l].proj[m]
	y := make([]float32, T*p.out)
	n.be.MatMulPacked(y, x, T, p.w)
	if p.bias != nil {
		for r := range T {
			row := y[r*p.out : (r+1)*p.out]
			for i, b := range p.bias {
				row[i] += b
			}
		}
	}
	if !n.lay.factors[l][m].on {
		return y
	}
	r := n.lay.rank
	if a.drop != nil {
		x, a.kept[m] = a.drop.apply(x, l, m)
		a.dropped[m] = x
	}
	low := make([]float32, T*r)
	n.be.MatMulT(low, x, n.lay.A(params, l, m), T, r, p.in) // [T × rank]
	a.low[m] = low
	delta := make([]float32, T*p.out)
	n.be.MatMulT(delta, low, n.lay.B(params, l, m), T, p.out, r) // [T × out]
	addScaled(y, n.scale, delta)
	return y
}

// attentionForward computes causal grouped-query attention: query head h
// reads key/value head h / (Heads/KVHeads) and position i sees 0..i. Heads
// run in parallel, each writing only its own columns of att.
func (n *network) attentionForward(a *layerActivations, T int) {
	c := &n.cfg
	hd, qd, kvd := c.HeadDim, c.QDim(), c.KVDim()
	a.att = make([]float32, T*qd)
	parallelRows(c.Heads, c.Heads*T*T*hd, func(lo, hi int) {
		p := make([]float32, T)
		for h := lo; h < hi; h++ {
			v := a.v[(h/(c.Heads/c.KVHeads))*hd:] // row j of the head's values starts at j·kvd
			for i := range T {
				w := n.attentionWeights(p[:i+1], a, h, i)
				n.be.AxpyRows(a.att[i*qd+h*hd:i*qd+(h+1)*hd], w, v, kvd) // Σ_j P_ij v_j
			}
		}
	})
}

// attentionWeights writes P_ij = softmax_j(q_i·k_j/√HeadDim), j ≤ i, of head h
// into p [i+1] and returns it. Forward and backward both call it, so the
// backward pass sees exactly the weights the forward used.
func (n *network) attentionWeights(p []float32, a *layerActivations, h, i int) []float32 {
	c := &n.cfg
	hd, qd, kvd := c.HeadDim, c.QDim(), c.KVDim()
	g := h / (c.Heads / c.KVHeads)
	scale := float32(1 / math.Sqrt(float64(hd)))
	n.be.DotRows(p, a.q[i*qd+h*hd:i*qd+(h+1)*hd], a.k[g*hd:], kvd) // q_i · k_j
	mx := float32(math.Inf(-1))
	for j := range p {
		p[j] *= scale
		mx = max(mx, p[j])
	}
	var sum float32
	for j, s := range p {
		e := float32(exactmath.Exp(float64(s - mx)))
		p[j] = e
		sum += e
	}
	for j := range p {
		p[j] /= sum
	}
	return p
}
