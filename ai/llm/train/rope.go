package train

import (
	"math"

	"github.com/openledger/openledger/ai/llm/internal/exactmath"
	"github.com/openledger/openledger/ai/llm/model"
)

// ropeFrequencies are the rotary inverse frequencies of one head after any
// rope_scaling, computed as package model (and transformers) computes them,
// so that training and serving rotate by the same angles.
func ropeFrequencies(r model.Rope, headDim int) []float64 {
	half := headDim / 2
	inv := make([]float64, half)
	for i := range inv {
		inv[i] = 1 / exactmath.Pow(r.Theta, float64(2*i)/float64(headDim))
	}
	switch r.Scaling {
	case "linear":
		for i := range inv {
			inv[i] /= r.Factor
		}
	case "llama3":
		old := float64(r.OriginalMax)
		lowWavelen := old / r.LowFreqFactor
		highWavelen := old / r.HighFreqFactor
		for i, f := range inv {
			wavelen := 2 * math.Pi / f
			switch {
			case wavelen < highWavelen:
			case wavelen > lowWavelen:
				inv[i] = f / r.Factor
			default:
				smooth := (old/wavelen - r.LowFreqFactor) / (r.HighFreqFactor - r.LowFreqFactor)
				inv[i] = float64((1-smooth)*f)/r.Factor + float64(smooth*f)
			}
		}
	}
	return inv
}

// ropeAngles returns cos and sin [T × HeadDim/2] for positions 0..T-1.
func ropeAngles(invFreq []float64, T int) (cos, sin []float32) {
	half := len(invFreq)
	cos, sin = make([]float32, T*half), make([]float32, T*half)
	for p := range T {
		for i, f := range invFreq {
			s, c := exactmath.Sincos(float64(float64(p) * f))
			cos[p*half+i], sin[p*half+i] = float32(c), float32(s)
		}
	}
	return cos, sin
}

// rotateRows applies the rotation to every head of every row of x [T ×
// width] in place, in the Hugging Face rotate-half layout (element i of a
// head pairs with i + HeadDim/2). With inverse set it applies the transposed
// rotation, which is what the backward pass needs: the rotation is
// orthogonal, so its gradient is the rotation by the negated angle.
func rotateRows(x []float32, T, width, headDim int, cos, sin []float32, inverse bool) {
	half := headDim / 2
	for r := range T {
		c, s := cos[r*half:(r+1)*half], sin[r*half:(r+1)*half]
		row := x[r*width : (r+1)*width]
		for h := 0; h < width; h += headDim {
			v := row[h : h+headDim]
			for i := range half {
				a, b, si := v[i], v[i+half], s[i]
				if inverse {
					si = -si
				}
				v[i] = float32(a*c[i]) - float32(b*si)
				v[i+half] = float32(b*c[i]) + float32(a*si)
			}
		}
	}
}
