package train

import "math"

// learningRate is Hugging Face's get_cosine_schedule_with_warmup: a linear
// ramp from 0 over warmup steps, then a half cosine from peak to 0 at total.
// step counts optimizer steps from 0, so the first step of a warm-up runs
// at rate 0 as it does there. Steps past total (a run extended on resume)
// stay at 0 instead of climbing the cosine again.
func learningRate(peak float64, step, warmup, total int) float64 {
	if step < warmup {
		return peak * float64(step) / float64(max(1, warmup))
	}
	progress := min(1, float64(step-warmup)/float64(max(1, total-warmup)))
	return peak * 0.5 * (1 + math.Cos(math.Pi*progress))
}

// clipGlobalNorm scales grad so its L2 norm is at most maxNorm, as
// torch.nn.utils.clip_grad_norm_ does (factor maxNorm/(norm + 1e-6)), and
// returns the norm before clipping. The sum runs in float64 in index order.
func clipGlobalNorm(grad []float32, maxNorm float64) float64 {
	var ss float64
	for _, g := range grad {
		ss += float64(float64(g) * float64(g))
	}
	norm := math.Sqrt(ss)
	if maxNorm > 0 && norm > maxNorm {
		f := float32(maxNorm / (norm + 1e-6))
		for i := range grad {
			grad[i] *= f
		}
	}
	return norm
}

// adamW is torch.optim.AdamW: decoupled weight decay, then the bias-corrected
// Adam update. The moments are float32, as torch keeps them for float32
// parameters; each element's update is computed in float64 and rounded once.
type adamW struct {
	beta1, beta2, eps, weightDecay float64
	m, v                           []float32
}

// update applies one step with learning rate lr; step counts from 1.
func (o *adamW) update(params, grad []float32, lr float64, step int) {
	bc1 := 1 - math.Pow(o.beta1, float64(step))
	bc2 := 1 - math.Pow(o.beta2, float64(step))
	for i, g32 := range grad {
		g := float64(g32)
		p := float64(float64(params[i]) * (1 - float64(lr*o.weightDecay)))
		m := float64(o.beta1*float64(o.m[i])) + float64((1-o.beta1)*g)
		v := float64(o.beta2*float64(o.v[i])) + float64((1-o.beta2)*g*g)
		o.m[i], o.v[i] = float32(m), float32(v)
		p -= float64(lr*(m/bc1)) / (math.Sqrt(v/bc2) + o.eps)
		params[i] = float32(p)
	}
}
