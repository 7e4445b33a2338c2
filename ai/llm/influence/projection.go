package influence

import (
	"fmt"
	"math"
	"math/bits"
)

// Projector maps a gradient of N parameters to Dim numbers by a sparse
// random sign matrix drawn from Seed and never stored: parameter i adds ±g_i
// to Sparsity coordinates chosen by a hash of (Seed, i). A count sketch of
// this kind keeps inner products in expectation, as the dense Gaussian
// projections of TRAK and LoGra do, at Sparsity additions per parameter
// instead of Dim.
type Projector struct {
	Seed uint64 `json:"seed"`
	Dim  int    `json:"dim"`
}

// DefaultDim is the projection's dimension unless another is chosen.
const DefaultDim = 256

// Sparsity is how many coordinates each parameter adds to.
const Sparsity = 4

// mantissaBits bounds a quantized coordinate: |q| ≤ 2^mantissaBits, so it
// fits an int16.
const mantissaBits = 14

// Vector is a projected gradient of unit length: coordinate j is Q[j]·2^Exp.
type Vector struct {
	Q   []int16 `json:"q"`
	Exp int32   `json:"exp"`
}

func (p Projector) validate() error {
	if p.Dim < 1 || p.Dim > 1<<15 || bits.OnesCount(uint(p.Dim)) != 1 {
		return fmt.Errorf("influence: projection dimension %d is not a power of two in [1, 32768]", p.Dim)
	}
	return nil
}

func splitmix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// Project projects g, scales the result to unit length and quantizes it.
// The sums run in float64 in parameter order and every step is an exact
// IEEE operation, so the result depends only on g's bits.
func (p Projector) Project(g []float32) Vector {
	out := make([]float64, p.Dim)
	mask := uint64(p.Dim - 1)
	for i, v := range g {
		if v == 0 {
			continue
		}
		h := splitmix64(p.Seed ^ splitmix64(uint64(i)))
		x := float64(v)
		for range Sparsity {
			if h&(1<<15) != 0 {
				out[h&mask] += x
			} else {
				out[h&mask] -= x
			}
			h >>= 16
		}
	}
	// Unit length: a checkpoint's score is then the cosine of the two
	// gradients, so rows and answers with large losses (large gradients in
	// every direction) do not outrank the row that points the same way.
	var norm float64
	for _, x := range out {
		norm += float64(x * x)
	}
	if norm > 0 {
		inv := 1 / math.Sqrt(norm)
		for j := range out {
			out[j] *= inv
		}
	}
	return quantize(out)
}

// quantize writes v as integers times a power of two, the largest
// magnitude at most 2^mantissaBits.
func quantize(v []float64) Vector {
	var largest float64
	for _, x := range v {
		largest = max(largest, math.Abs(x))
	}
	q := Vector{Q: make([]int16, len(v))}
	if largest == 0 || math.IsNaN(largest) || math.IsInf(largest, 0) {
		return q
	}
	_, e := math.Frexp(largest) // largest = f·2^e, f in [0.5, 1)
	q.Exp = int32(e - mantissaBits)
	for j, x := range v {
		q.Q[j] = int16(math.RoundToEven(math.Ldexp(x, -int(q.Exp))))
	}
	return q
}

// dot is the exact product ⟨a, b⟩ as an integer times 2^exp.
func dot(a, b Vector) (int64, int32, error) {
	if len(a.Q) != len(b.Q) {
		return 0, 0, fmt.Errorf("influence: vectors of %d and %d numbers", len(a.Q), len(b.Q))
	}
	var s int64
	for j := range a.Q {
		s += int64(a.Q[j]) * int64(b.Q[j])
	}
	return s, a.Exp + b.Exp, nil
}
