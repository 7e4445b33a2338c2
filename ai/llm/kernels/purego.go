package kernels

import (
	"math"
	"sync"
)

// goBackend is the portable fallback; it is also the reference the SIMD
// backends are tested against.
type goBackend struct{}

func (goBackend) Name() string { return "go" }

func (goBackend) MatMulT(dst, a, b []float32, m, n, k int) {
	checkMatMul(dst, a, b, m, n, k)
	goTiles.matMulT(dst, a, b, m, n, k)
}

// Pack keeps b row-major, the layout the pure-Go kernels read.
func (goBackend) Pack(b []float32, n, k int, f Format) *Packed {
	return &Packed{N: n, K: k, Rows: rowsFor(b[:n*k], f), Format: f, backend: "go"}
}

// rowsFor returns the row-major weights a format computes with.
func rowsFor(b []float32, f Format) []float32 {
	if f == BF16 {
		return roundBF16(b)
	}
	return b
}

func (g goBackend) MatMulPacked(dst, a []float32, m int, b *Packed) {
	g.MatMulT(dst, a, b.Rows, m, b.N, b.K)
}

func (goBackend) Dot(a, b []float32) float32 { return dotGo(a, b) }

func (goBackend) Axpy(alpha float32, x, y []float32) { axpyGo(alpha, x, y) }

func dotGo(a, b []float32) float32 {
	b = b[:len(a)]
	var s0, s1, s2, s3 float32
	i := 0
	for ; i+4 <= len(a); i += 4 {
		s0 += float32(a[i] * b[i])
		s1 += float32(a[i+1] * b[i+1])
		s2 += float32(a[i+2] * b[i+2])
		s3 += float32(a[i+3] * b[i+3])
	}
	for ; i < len(a); i++ {
		s0 += float32(a[i] * b[i])
	}
	return (s0 + s1) + (s2 + s3)
}

func axpyGo(alpha float32, x, y []float32) {
	y = y[:len(x)]
	for i, v := range x {
		y[i] += float32(alpha * v)
	}
}

func (goBackend) DotRows(out, a, b []float32, stride int) { dotRowsWith(dotGo, out, a, b, stride) }

func (goBackend) DotRowsBF16(out, a []float32, b []uint16, stride int) {
	n := len(a)
	for t := range out {
		out[t] = dotBF16Go(a, b[t*stride:t*stride+n])
	}
}

func (goBackend) AxpyRowsBF16(y, w []float32, x []uint16, stride int) {
	n := len(y)
	for t, wt := range w {
		row := x[t*stride : t*stride+n]
		for i, v := range row {
			y[i] += float32(wt * widenOne(v))
		}
	}
}

// dotBF16Go is dotGo with b in bfloat16, in the same order.
func dotBF16Go(a []float32, b []uint16) float32 {
	b = b[:len(a)]
	var s0, s1, s2, s3 float32
	i := 0
	for ; i+4 <= len(a); i += 4 {
		s0 += float32(a[i] * widenOne(b[i]))
		s1 += float32(a[i+1] * widenOne(b[i+1]))
		s2 += float32(a[i+2] * widenOne(b[i+2]))
		s3 += float32(a[i+3] * widenOne(b[i+3]))
	}
	for ; i < len(a); i++ {
		s0 += float32(a[i] * widenOne(b[i]))
	}
	return (s0 + s1) + (s2 + s3)
}

func widenOne(v uint16) float32 { return math.Float32frombits(uint32(v) << 16) }

// widened holds rows widened from bfloat16 where a backend has no bfloat16
// row kernel for the length (or none at all).
var widened = sync.Pool{New: func() any { return new([]float32) }}

// withWidened calls f with rows rows of n values of b (rows stride apart)
// widened to float32 and packed n apart.
func withWidened(b []uint16, rows, stride, n int, f func(wide []float32)) {
	buf := widened.Get().(*[]float32)
	if cap(*buf) < rows*n {
		*buf = make([]float32, rows*n)
	}
	wide := (*buf)[:rows*n]
	for t := range rows {
		widenBF16Go(wide[t*n:(t+1)*n], b[t*stride:t*stride+n])
	}
	f(wide)
	widened.Put(buf)
}

func widenBF16Go(dst []float32, src []uint16) {
	dst = dst[:len(src)]
	for i, v := range src {
		dst[i] = math.Float32frombits(uint32(v) << 16)
	}
}

func (goBackend) AxpyRows(y, w, x []float32, stride int) { axpyRowsWith(axpyGo, y, w, x, stride) }

// dotRowsWith and axpyRowsWith build the row operations from Dot and Axpy.
func dotRowsWith(dot func(a, b []float32) float32, out, a, b []float32, stride int) {
	n := len(a)
	for t := range out {
		out[t] = dot(a, b[t*stride:t*stride+n])
	}
}

func axpyRowsWith(axpy func(alpha float32, x, y []float32), y, w, x []float32, stride int) {
	n := len(y)
	for t, wt := range w {
		axpy(wt, x[t*stride:t*stride+n], y)
	}
}
