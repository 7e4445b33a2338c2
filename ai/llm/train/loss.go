package train

import "math"

// crossEntropy returns the summed loss over the positions whose next token
// is a response token, and the gradient of weight × that sum with respect to
// the logits [T × Vocab]. Position t predicts tokens[t+1]; mask[t+1] says
// whether that prediction counts. Rows that predict nothing get a zero
// gradient. The sum is accumulated in float64 for reporting.
func crossEntropy(logits []float32, tokens []int, mask []bool, vocab int, weight float32) (sum float64, count int, dlogits []float32) {
	T := len(tokens)
	dlogits = make([]float32, T*vocab)
	for t := 0; t+1 < T; t++ {
		if !mask[t+1] {
			continue
		}
		z := logits[t*vocab : (t+1)*vocab]
		target := tokens[t+1]
		mx := z[0]
		for _, v := range z[1:] {
			mx = max(mx, v)
		}
		// One exponential per logit: keep exp(z − max) and scale it by
		// weight/Σ to get weight·softmax.
		g := dlogits[t*vocab : (t+1)*vocab]
		var s float64
		for i, v := range z {
			e := math.Exp(float64(v - mx))
			g[i] = float32(e)
			s += e
		}
		sum += float64(mx) + math.Log(s) - float64(z[target])
		count++
		f := float32(float64(weight) / s)
		for i := range g {
			g[i] *= f
		}
		g[target] -= weight
	}
	return sum, count, dlogits
}
