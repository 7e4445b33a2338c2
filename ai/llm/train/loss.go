package train

import "math"

// crossEntropy returns the summed loss over logits [len(rows) × Vocab],
// where logits row i is position rows[i] and predicts tokens[rows[i]+1],
// and the gradient of weight × that sum with respect to the logits. The sum
// is accumulated in float64 for reporting.
func crossEntropy(logits []float32, rows, tokens []int, vocab int, weight float32) (sum float64, dlogits []float32) {
	dlogits = make([]float32, len(rows)*vocab)
	for i, t := range rows {
		z := logits[i*vocab : (i+1)*vocab]
		target := tokens[t+1]
		mx := z[0]
		for _, v := range z[1:] {
			mx = max(mx, v)
		}
		// One exponential per logit: keep exp(z − max) and scale it by
		// weight/Σ to get weight·softmax.
		g := dlogits[i*vocab : (i+1)*vocab]
		var s float64
		for j, v := range z {
			e := math.Exp(float64(v - mx))
			g[j] = float32(e)
			s += e
		}
		sum += float64(mx) + math.Log(s) - float64(z[target])
		f := float32(float64(weight) / s)
		for j := range g {
			g[j] *= f
		}
		g[target] -= weight
	}
	return sum, dlogits
}
