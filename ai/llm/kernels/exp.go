package kernels

import "math"

// expf is e^x in float32, within 2 ulp of the exact value over the range
// where the result is a normal float32: Cephes' expf, range-reduced by
// powers of two. It replaces math.Exp (float64) in softmax and SiLU, where
// exponentials are a tenth of prefill time.
func expf(x float32) float32 {
	const (
		maxArg = 88.72283905206835  // ln(MaxFloat32)
		minArg = -87.33654475055310 // ln(smallest normal float32)
		log2e  = 1.44269504088896341
		c1     = 0.693359375 // ln 2, split so n·c1 is exact
		c2     = -2.12194440e-4
	)
	if x > maxArg {
		return float32(math.Inf(1))
	}
	if x < minArg {
		return 0
	}
	if x != x { // NaN
		return x
	}
	n := float32(math.Floor(float64(float32(x*log2e) + 0.5)))
	r := x - float32(n*c1) - float32(n*c2)
	z := r * r
	p := float32(1.9875691500e-4*r) + 1.3981999507e-3
	p = float32(p*r) + 8.3334519073e-3
	p = float32(p*r) + 4.1665795894e-2
	p = float32(p*r) + 1.6666665459e-1
	p = float32(p*r) + 5.0000001201e-1
	y := float32(p*z) + r + 1
	// Multiply by 2^n through the exponent bits; n is within [-126, 128]
	// here, and 2^128 is built as 2·2^127.
	ni := int32(n)
	if ni > 127 {
		return y * 2 * math.Float32frombits(uint32(127+127)<<23)
	}
	return y * math.Float32frombits(uint32(ni+127)<<23)
}
