package train

import (
	"math"

	"github.com/openledger/openledger/ai/llm/model"
)

// backward adds to grad (laid out like params) the gradient of the loss
// given dnormed [T × Hidden], its gradient with respect to the final norm's
// output (from head.go), walking the forward pass in reverse. The base is
// frozen, so only the LoRA factors receive gradients; the residual-stream
// gradient is still carried through every layer because earlier layers'
// factors depend on it. The embedding receives nothing.
func (n *network) backward(params, grad []float32, act *activations, dnormed []float32) {
	c := &n.cfg
	T, H := act.T, c.Hidden

	// normed = RMSNorm(final)  ⇒  dx [T × Hidden].
	dx := make([]float32, T*H)
	rmsNormBackward(dx, dnormed, act.final, act.invF, n.norm, T, H)

	for l := c.Layers - 1; l >= 0; l-- {
		dx = n.layerBackward(params, grad, l, &act.layers[l], act, dx)
	}
}

// layerBackward takes the gradient of the layer's output residual stream
// [T × Hidden] and returns the gradient of its input.
func (n *network) layerBackward(params, grad []float32, l int, a *layerActivations, act *activations, dout []float32) []float32 {
	c := &n.cfg
	L := &n.layers[l]
	T, H, I, qd, kvd := act.T, c.Hidden, c.Intermediate, c.QDim(), c.KVDim()

	// out = x2 + down(h): the residual passes dout to x2 unchanged.
	dx2 := append([]float32(nil), dout...) // [T × Hidden]

	// MLP: h = silu(gate)·up, gate = gate_proj(n2), up = up_proj(n2).
	dh := n.projectBackward(params, grad, l, model.Down, a.h, dout, T, a) // [T × Intermediate]
	dgate, dup := make([]float32, T*I), make([]float32, T*I)
	for i, g := range a.gate {
		s := sigmoid(g)
		dup[i] = dh[i] * g * s
		// d silu(g)/dg = σ(g)·(1 + g·(1 − σ(g))).
		dgate[i] = dh[i] * a.up[i] * s * (1 + float32(g*(1-s)))
	}
	dn2 := n.projectBackward(params, grad, l, model.Gate, a.n2, dgate, T, a) // [T × Hidden]
	addScaled(dn2, 1, n.projectBackward(params, grad, l, model.Up, a.n2, dup, T, a))
	rmsNormBackward(dx2, dn2, a.x2, a.inv2, L.mlpNorm, T, H)

	// x2 = x + o_proj(att).
	dx := append([]float32(nil), dx2...)                                  // [T × Hidden]
	datt := n.projectBackward(params, grad, l, model.O, a.att, dx2, T, a) // [T × QDim]
	dq, dk, dv := n.attentionBackward(a, datt, T)                         // [T × QDim], [T × KVDim] ×2
	// The rotation is orthogonal: its gradient is the inverse rotation.
	rotateRows(dq, T, qd, c.HeadDim, act.cos, act.sin, true)
	rotateRows(dk, T, kvd, c.HeadDim, act.cos, act.sin, true)
	dn1 := n.projectBackward(params, grad, l, model.Q, a.n1, dq, T, a) // [T × Hidden]
	addScaled(dn1, 1, n.projectBackward(params, grad, l, model.K, a.n1, dk, T, a))
	addScaled(dn1, 1, n.projectBackward(params, grad, l, model.V, a.n1, dv, T, a))
	rmsNormBackward(dx, dn1, a.x, a.inv1, L.attnNorm, T, H)
	return dx
}

// projectBackward adds the gradients of y = x·Wᵀ + b + s·(x·Aᵀ)·Bᵀ with
// respect to A and B into grad and returns dx [T × in], given x [T × in]
// and dy [T × out]. With low = x·Aᵀ [T × r]:
//
//	dB   [out × r]  = s · dyᵀ·low
//	dlow [T × r]    = s · dy·B
//	dA   [r × in]   = dlowᵀ·x
//	dx   [T × in]   = dy·W + dlow·A
func (n *network) projectBackward(params, grad []float32, l int, m model.Module, x, dy []float32, T int, a *layerActivations) []float32 {
	p := &n.layers[l].proj[m]
	dx := make([]float32, T*p.in)
	p.wt.mulInto(n.be, dx, dy, T, p.in)
	if !n.lay.factors[l][m].on {
		return dx
	}
	r, in, out := n.lay.rank, p.in, p.out
	A, B := n.lay.A(params, l, m), n.lay.B(params, l, m)
	if a.dropped[m] != nil {
		x = a.dropped[m] // the branch saw the dropped input
	}

	// Row k of dBᵀ is Σ_t low[t,k]·dy_t and row k of dA is Σ_t dlow[t,k]·x_t:
	// sums of input rows weighted by a column of a [T × r] matrix, which
	// AxpyRows computes without transposing the wide dy or x. Each k writes
	// its own row, so splitting over k does not change the result.
	lowT := transpose(a.low[m], T, r) // [r × T]
	dBT := make([]float32, r*out)
	parallelRows(r, r*T*out, func(lo, hi int) {
		for k := lo; k < hi; k++ {
			n.be.AxpyRows(dBT[k*out:(k+1)*out], lowT[k*T:(k+1)*T], dy, out)
		}
	})
	addScaled(n.lay.B(grad, l, m), n.scale, transpose(dBT, r, out))

	dlow := make([]float32, T*r)
	n.be.MatMulT(dlow, dy, transpose(B, out, r), T, r, out) // dy·B: [T × out]·[out × r]
	for i := range dlow {
		dlow[i] *= n.scale
	}

	dlowT := transpose(dlow, T, r) // [r × T]
	dA := n.lay.A(grad, l, m)
	parallelRows(r, r*T*in, func(lo, hi int) {
		for k := lo; k < hi; k++ {
			n.be.AxpyRows(dA[k*in:(k+1)*in], dlowT[k*T:(k+1)*T], x, in)
		}
	})

	dxLow := make([]float32, T*in)
	n.be.MatMulT(dxLow, dlow, transpose(A, r, in), T, in, r) // dlow·A: [T × r]·[r × in]
	if a.dropped[m] != nil {
		a.drop.dropBackward(dxLow, a.kept[m])
	}
	addScaled(dx, 1, dxLow)
	return dx
}

// attentionBackward returns dq [T × QDim], dk and dv [T × KVDim] (before the
// inverse rotation) from datt [T × QDim]. Per head, with S = scale·q·kᵀ and
// P = softmax(S) over j ≤ i (recomputed, see attentionWeights):
//
//	dv_j += Σ_i P_ij · datt_i
//	dP_ij = datt_i · v_j
//	dS_ij = P_ij · (dP_ij − Σ_j' P_ij' dP_ij')
//	dq_i  = scale · Σ_j dS_ij k_j
//	dk_j += scale · Σ_i dS_ij q_i
//
// dq is one weighted sum of key rows per query; dk and dv are column sums,
// taken from the transposed weights so that each is one weighted sum of
// rows too (T × T floats per head, recomputed head by head). Work is split
// over key/value heads; each one's query heads run in order in one
// goroutine, so the dk and dv sums have a fixed order.
func (n *network) attentionBackward(a *layerActivations, datt []float32, T int) (dq, dk, dv []float32) {
	c := &n.cfg
	hd, qd, kvd := c.HeadDim, c.QDim(), c.KVDim()
	group := c.Heads / c.KVHeads
	scale := float32(1 / math.Sqrt(float64(hd)))
	dq, dk, dv = make([]float32, T*qd), make([]float32, T*kvd), make([]float32, T*kvd)
	be := n.be
	parallelRows(c.KVHeads, 2*c.Heads*T*T*hd, func(lo, hi int) {
		probs, ds := make([]float32, T), make([]float32, T)
		pT, dsT := make([]float32, T*T), make([]float32, T*T) // [j × i], set for i ≥ j
		for g := lo; g < hi; g++ {
			k, v := a.k[g*hd:], a.v[g*hd:] // row j of head g starts at j·kvd
			for h := g * group; h < (g+1)*group; h++ {
				for i := range T {
					p := n.attentionWeights(probs[:i+1], a, h, i)
					dsi := ds[:i+1]
					be.DotRows(dsi, datt[i*qd+h*hd:i*qd+(h+1)*hd], v, kvd) // dP_ij = datt_i · v_j
					var dot float32
					for j := range p {
						dot += float32(p[j] * dsi[j])
					}
					for j := range p {
						dsi[j] = p[j] * (dsi[j] - dot) * scale
						pT[j*T+i], dsT[j*T+i] = p[j], dsi[j]
					}
					be.AxpyRows(dq[i*qd+h*hd:i*qd+(h+1)*hd], dsi, k, kvd) // dq_i = Σ_j dS_ij k_j
				}
				for j := range T {
					// Rows i = j..T-1 of this head's datt and q, stride qd.
					be.AxpyRows(dv[j*kvd+g*hd:j*kvd+(g+1)*hd], pT[j*T+j:(j+1)*T], datt[j*qd+h*hd:], qd) // Σ_i P_ij datt_i
					be.AxpyRows(dk[j*kvd+g*hd:j*kvd+(g+1)*hd], dsT[j*T+j:(j+1)*T], a.q[j*qd+h*hd:], qd) // Σ_i dS_ij q_i
				}
			}
		}
	})
	return dq, dk, dv
}
