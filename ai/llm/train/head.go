package train

import "github.com/openledger/openledger/ai/llm/internal/exactmath"

// headChunk is how many positions go through lm_head at once. Logits are
// [positions × Vocab], the largest activation of a small model; taking them
// a chunk at a time, loss and gradient together, keeps that to one chunk
// however long the sequence. Each chunk reads the whole output projection
// twice (W forward, Wᵀ backward), so chunks are large: 128 positions of a
// 49k vocabulary are 25 MB of logits.
const headChunk = 128

// allRows returns 0..T-1.
func allRows(T int) []int {
	rows := make([]int, T)
	for i := range rows {
		rows[i] = i
	}
	return rows
}

// lossRows returns the positions whose next token counts in the loss.
func lossRows(e *Example) []int {
	var rows []int
	for t := 0; t+1 < len(e.Tokens); t++ {
		if e.Mask[t+1] {
			rows = append(rows, t)
		}
	}
	return rows
}

// logits returns lm_head's output at the given positions [len(rows) × Vocab].
func (n *network) logits(act *activations, rows []int) []float32 {
	H := n.cfg.Hidden
	picked := make([]float32, len(rows)*H)
	for i, r := range rows {
		copy(picked[i*H:(i+1)*H], act.normed[r*H:(r+1)*H])
	}
	out := make([]float32, len(rows)*n.cfg.Vocab)
	n.be.MatMulPacked(out, picked, len(rows), n.head.w) // [rows × Vocab]
	return out
}

// headLoss runs lm_head and the cross-entropy at the positions rows, where
// position t predicts tokens[t+1], and returns the summed loss (accumulated
// in float64) and, when withGrad, the gradient of weight × that sum with
// respect to the final norm's output [T × Hidden] (zero at other rows):
//
//	z = normed_t·Wheadᵀ                     [Vocab]
//	loss_t = logsumexp(z) − z[target]
//	dz = weight·(softmax(z) − onehot(target))
//	dnormed_t = dz·Whead                     [Hidden]
func (n *network) headLoss(act *activations, rows, tokens []int, weight float32, withGrad bool) (sum float64, dnormed []float32) {
	H, V := n.cfg.Hidden, n.cfg.Vocab
	if withGrad {
		dnormed = make([]float32, act.T*H)
	}
	for lo := 0; lo < len(rows); lo += headChunk {
		chunk := rows[lo:min(lo+headChunk, len(rows))]
		z := n.logits(act, chunk) // [chunk × Vocab], becomes dz in place
		// Rows are independent: each writes its own logits row and loss
		// entry, and the losses are summed in row order afterwards.
		losses := make([]float64, len(chunk))
		parallelRows(len(chunk), len(chunk)*V*8, func(lo, hi int) {
			for i := lo; i < hi; i++ {
				losses[i] = softmaxGradient(z[i*V:(i+1)*V], tokens[chunk[i]+1], weight)
			}
		})
		for _, l := range losses {
			sum += l
		}
		if !withGrad {
			continue
		}
		d := make([]float32, len(chunk)*H)
		n.head.wt.mulInto(n.be, d, z, len(chunk), H) // dz·Whead: [chunk × Hidden]
		for i, t := range chunk {
			copy(dnormed[t*H:(t+1)*H], d[i*H:(i+1)*H])
		}
	}
	return sum, dnormed
}

// softmaxGradient returns logsumexp(z) − z[target] and replaces z with
// weight·(softmax(z) − onehot(target)). It takes one exponential per logit:
// exp(z − max) is kept and scaled by weight/Σ.
func softmaxGradient(z []float32, target int, weight float32) float64 {
	mx := z[0]
	for _, v := range z[1:] {
		mx = max(mx, v)
	}
	zt := float64(z[target])
	var s float64
	for j, v := range z {
		e := exactmath.Exp(float64(v - mx))
		z[j] = float32(e)
		s += e
	}
	f := float32(float64(weight) / s)
	for j := range z {
		z[j] *= f
	}
	z[target] -= weight
	return float64(mx) + exactmath.Log(s) - zt
}
