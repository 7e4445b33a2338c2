package model

import "math"

// ropeTable holds the rotary inverse frequencies of one head, after any
// rope_scaling, as transformers computes them.
type ropeTable struct {
	invFreq []float64 // [HeadDim/2]
}

func newRopeTable(r Rope, headDim int) *ropeTable {
	half := headDim / 2
	inv := make([]float64, half)
	for i := range inv {
		inv[i] = 1 / math.Pow(r.Theta, float64(2*i)/float64(headDim))
	}
	switch r.Scaling {
	case "linear":
		// Positions divided by the factor are the same angles as
		// frequencies divided by it.
		for i := range inv {
			inv[i] /= r.Factor
		}
	case "llama3":
		// Llama 3.1: keep high frequencies, divide low ones by the factor,
		// and blend smoothly in between (transformers'
		// _compute_llama3_parameters).
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
				inv[i] = (1-smooth)*f/r.Factor + smooth*f
			}
		}
	}
	return &ropeTable{invFreq: inv}
}

// angles fills cos and sin ([HeadDim/2] each) for a position.
func (t *ropeTable) angles(pos int, cos, sin []float32) {
	for i, f := range t.invFreq {
		s, c := math.Sincos(float64(pos) * f)
		cos[i], sin[i] = float32(c), float32(s)
	}
}

// rotate applies the rotation to every head of x in place, in Hugging Face's
// rotate-half layout: element i of a head pairs with element i + HeadDim/2
// (not with i+1 as in the original paper's interleaved form).
func rotate(x []float32, headDim int, cos, sin []float32) {
	half := headDim / 2
	for h := 0; h < len(x); h += headDim {
		v := x[h : h+headDim]
		for i := range half {
			a, b := v[i], v[i+half]
			v[i] = a*cos[i] - b*sin[i]
			v[i+half] = b*cos[i] + a*sin[i]
		}
	}
}
