package train

import (
	"math"

	"github.com/openledger/openledger/ai/llm/model"
)

// referenceLoss is an independent float64 implementation of the training
// loss: the same architecture written as plain loops, with no kernels, no
// saved activations and no shared helpers beyond the rotary frequencies. It
// is the function the finite differences are taken of.
func referenceLoss(w model.Weights, cfg model.Config, lay *layout, scale float64, params []float64, e Example) float64 {
	H, hd, qd, kvd := cfg.Hidden, cfg.HeadDim, cfg.QDim(), cfg.KVDim()
	T := len(e.Tokens)
	f64 := func(v []float32) []float64 {
		out := make([]float64, len(v))
		for i, x := range v {
			out[i] = float64(x)
		}
		return out
	}
	norm := func(x []float64, weight []float32) []float64 {
		out := make([]float64, len(x))
		for r := 0; r < len(x)/H; r++ {
			var ss float64
			for _, v := range x[r*H : (r+1)*H] {
				ss += v * v
			}
			inv := 1 / math.Sqrt(ss/float64(H)+float64(cfg.RMSNormEps))
			for i := range H {
				out[r*H+i] = x[r*H+i] * inv * float64(weight[i])
			}
		}
		return out
	}
	linear := func(l int, m model.Module, x []float64) []float64 {
		p := w.Layers[l].Proj[m]
		f := lay.factors[l][m]
		y := make([]float64, T*p.Out)
		for r := range T {
			for o := range p.Out {
				var s float64
				for i := range p.In {
					s += x[r*p.In+i] * float64(p.W[o*p.In+i])
				}
				if p.Bias != nil {
					s += float64(p.Bias[o])
				}
				if f.on {
					for k := range lay.rank {
						var t float64
						for i := range p.In {
							t += x[r*p.In+i] * params[f.a+k*p.In+i]
						}
						s += scale * params[f.b+o*lay.rank+k] * t
					}
				}
				y[r*p.Out+o] = s
			}
		}
		return y
	}
	inv := ropeFrequencies(cfg.Rope, hd)
	rope := func(x []float64, width int) {
		for r := range T {
			for h := 0; h < width; h += hd {
				for i := range hd / 2 {
					s, c := math.Sincos(float64(r) * inv[i])
					a, b := x[r*width+h+i], x[r*width+h+i+hd/2]
					x[r*width+h+i] = a*c - b*s
					x[r*width+h+i+hd/2] = b*c + a*s
				}
			}
		}
	}
	x := make([]float64, T*H)
	for r, tok := range e.Tokens {
		copy(x[r*H:(r+1)*H], f64(w.Embed[tok*H:(tok+1)*H]))
	}
	group := cfg.Heads / cfg.KVHeads
	for l := range cfg.Layers {
		n := norm(x, w.Layers[l].AttnNorm)
		q, k, v := linear(l, model.Q, n), linear(l, model.K, n), linear(l, model.V, n)
		rope(q, qd)
		rope(k, kvd)
		att := make([]float64, T*qd)
		for h := range cfg.Heads {
			g := h / group
			for i := range T {
				s := make([]float64, i+1)
				mx := math.Inf(-1)
				for j := range s {
					for d := range hd {
						s[j] += q[i*qd+h*hd+d] * k[j*kvd+g*hd+d]
					}
					s[j] /= math.Sqrt(float64(hd))
					mx = math.Max(mx, s[j])
				}
				var z float64
				for j := range s {
					s[j] = math.Exp(s[j] - mx)
					z += s[j]
				}
				for j := range s {
					for d := range hd {
						att[i*qd+h*hd+d] += s[j] / z * v[j*kvd+g*hd+d]
					}
				}
			}
		}
		o := linear(l, model.O, att)
		for i := range x {
			x[i] += o[i]
		}
		n = norm(x, w.Layers[l].MLPNorm)
		gate, up := linear(l, model.Gate, n), linear(l, model.Up, n)
		for i, g := range gate {
			gate[i] = g / (1 + math.Exp(-g)) * up[i]
		}
		d := linear(l, model.Down, gate)
		for i := range x {
			x[i] += d[i]
		}
	}
	n := norm(x, w.FinalNorm)
	var sum float64
	count := 0
	for t := 0; t+1 < T; t++ {
		if !e.Mask[t+1] {
			continue
		}
		z := make([]float64, cfg.Vocab)
		mx := math.Inf(-1)
		for vIdx := range z {
			for i := range H {
				z[vIdx] += n[t*H+i] * float64(w.LMHead[vIdx*H+i])
			}
			mx = math.Max(mx, z[vIdx])
		}
		var s float64
		for _, v := range z {
			s += math.Exp(v - mx)
		}
		sum += mx + math.Log(s) - z[e.Tokens[t+1]]
		count++
	}
	return sum / float64(count)
}
