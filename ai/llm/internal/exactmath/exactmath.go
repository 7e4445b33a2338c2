// Package exactmath holds the float64 functions whose results must be the
// same bits on every machine and build: exp, log, sin and cos, and powers.
//
// The standard library does not promise that. On amd64, math.Exp and
// math.Log run assembly that uses fused multiply-add when the CPU has it,
// and Go may fuse x*y + z in pure-Go code (math.Sincos's polynomials, for
// instance) when built with GOAMD64=v3 or for arm64. Here every product is
// rounded by an explicit conversion before it is added, which the language
// defines to prevent fusion, and the only other operations are IEEE 754
// additions, divisions and exact scalings by powers of two. The results are
// within a few units in the last place of the true values.
package exactmath

import "math"

// mul is x·y rounded to float64 on its own, never fused into a following
// addition.
func mul(x, y float64) float64 { return float64(x * y) }

const (
	ln2Hi = 6.93147180369123816490e-01 // ln 2 rounded to 32 bits: k·ln2Hi is exact for |k| < 2^20
	ln2Lo = 1.90821492927058770002e-10 // ln 2 − ln2Hi
)

// Exp returns e^x.
func Exp(x float64) float64 {
	switch {
	case x != x:
		return x
	case x > 709.782712893384:
		return math.Inf(1)
	case x < -745.1332191019412:
		return 0
	}
	// x = k·ln 2 + r with |r| ≤ ln2/2, then e^r by its Taylor series
	// (terms to r^14/14! fall below 2^-60 of the result).
	k := math.Round(mul(x, math.Log2E))
	r := (x - mul(k, ln2Hi)) - mul(k, ln2Lo)
	p := 1.0
	for n := 14; n >= 1; n-- {
		p = mul(p, r)/float64(n) + 1
	}
	return math.Ldexp(p, int(k))
}

// Log returns the natural logarithm of x.
func Log(x float64) float64 {
	switch {
	case x != x || x < 0:
		return math.NaN()
	case x == 0:
		return math.Inf(-1)
	case math.IsInf(x, 1):
		return x
	}
	// x = m·2^k with m in [√½, √2); ln m = 2·atanh(s), s = (m−1)/(m+1),
	// |s| ≤ 0.1716, by its series to s^27.
	m, k := math.Frexp(x)
	if m < math.Sqrt2/2 {
		m *= 2
		k--
	}
	s := (m - 1) / (m + 1)
	s2 := mul(s, s)
	p := 0.0
	for n := 27; n >= 3; n -= 2 {
		p = mul(p, s2) + 1/float64(n)
	}
	lnm := 2*s + mul(2*s, mul(s2, p))
	fk := float64(k)
	return (mul(fk, ln2Hi) + lnm) + mul(fk, ln2Lo)
}

// Pow returns x^y for x > 0, as e^(y·ln x): within about 2·|y·ln x| + 2
// ulps.
func Pow(x, y float64) float64 {
	if x <= 0 || x != x || y != y {
		return math.NaN()
	}
	return Exp(mul(y, Log(x)))
}

// π/2 in three parts of 33 bits or fewer, so that k times each part is
// exact for k < 2^20.
const (
	halfPi1 = 1.5707963267341256e+00
	halfPi2 = 6.077100506303966e-11
	halfPi3 = 2.0222662487959506e-21
)

// Sincos returns sin x and cos x for |x| < 2^20·π/2 (about 1.6 million),
// the range of rotary position angles; beyond it the answer is NaN.
func Sincos(x float64) (sin, cos float64) {
	if x != x || math.Abs(x) >= (1<<20)*math.Pi/2 {
		return math.NaN(), math.NaN()
	}
	// x = k·π/2 + r with |r| ≤ π/4.
	k := math.Round(mul(x, 2/math.Pi))
	r := ((x - mul(k, halfPi1)) - mul(k, halfPi2)) - mul(k, halfPi3)
	r2 := mul(r, r)
	// Taylor series to r^19 and r^20: the next terms are below 2^-60.
	s, c := 1.0, 1.0
	for n := 19; n >= 3; n -= 2 {
		s = 1 - mul(s, r2)/float64(n*(n-1))
	}
	for n := 20; n >= 2; n -= 2 {
		c = 1 - mul(c, r2)/float64(n*(n-1))
	}
	s = mul(s, r)
	switch int64(k) & 3 {
	case 0:
		return s, c
	case 1:
		return c, -s
	case 2:
		return -s, -c
	default:
		return -c, s
	}
}
