package kernels

import "math"

// RMSNorm writes x / sqrt(mean(x²) + eps) · weight into dst, as Llama's
// LlamaRMSNorm does in float32. dst may alias x.
func RMSNorm(dst, x, weight []float32, eps float32) {
	var ss float32
	for _, v := range x {
		ss += float32(v * v)
	}
	inv := float32(1 / math.Sqrt(float64(ss/float32(len(x))+eps)))
	for i, v := range x {
		dst[i] = v * inv * weight[i]
	}
}

// Softmax replaces x with exp(x - max) / Σ exp(x - max); subtracting the
// maximum keeps exp from overflowing without changing the result.
func Softmax(x []float32) {
	if len(x) == 0 {
		return
	}
	mx := x[0]
	for _, v := range x[1:] {
		mx = max(mx, v)
	}
	var sum float32
	for i, v := range x {
		e := expf(v - mx)
		x[i] = e
		sum += e
	}
	inv := 1 / sum
	for i := range x {
		x[i] *= inv
	}
}

// SiLUMul writes silu(gate)·up into dst (the SwiGLU activation), where
// silu(g) = g·sigmoid(g). dst may alias gate or up.
func SiLUMul(dst, gate, up []float32) {
	for i, g := range gate {
		dst[i] = g / (1 + expf(-g)) * up[i]
	}
}

// Add writes a + b into dst element-wise. dst may alias a or b.
func Add(dst, a, b []float32) {
	for i := range dst {
		dst[i] = a[i] + b[i]
	}
}
