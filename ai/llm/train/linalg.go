package train

import (
	"math"

	"github.com/openledger/openledger/ai/llm/internal/exactmath"
	"github.com/openledger/openledger/ai/llm/kernels"
)

// transpose writes src [rows × cols] transposed into a new [cols × rows].
func transpose(src []float32, rows, cols int) []float32 {
	dst := make([]float32, rows*cols)
	for r := range rows {
		for c := range cols {
			dst[c*rows+r] = src[r*cols+c]
		}
	}
	return dst
}

// addScaled computes dst += s·x.
func addScaled(dst []float32, s float32, x []float32) {
	for i, v := range x {
		dst[i] += float32(s * v)
	}
}

// parallelRows runs fn over [0, n) split into fixed contiguous ranges. Each
// index must write only its own outputs, so the result does not depend on
// scheduling.
func parallelRows(n, work int, fn func(lo, hi int)) {
	workers := kernels.Workers()
	if work < 1<<14 {
		workers = 1
	}
	kernels.ParallelFor(n, workers, fn)
}

// rmsInv is 1/√(mean(x²) + eps) summed in float32 exactly as
// kernels.RMSNorm computes it, so the training forward normalises
// identically to the serving forward.
func rmsInv(x []float32, eps float32) float32 {
	var ss float32
	for _, v := range x {
		ss += float32(v * v)
	}
	return float32(1 / math.Sqrt(float64(ss/float32(len(x))+eps)))
}

// rmsNormForward normalises each row of x [T × H] into dst and records the
// per-row inverse RMS [T] for the backward pass.
func rmsNormForward(dst, inv, x, weight []float32, T, H int, eps float32) {
	for r := range T {
		row := x[r*H : (r+1)*H]
		s := rmsInv(row, eps)
		inv[r] = s
		out := dst[r*H : (r+1)*H]
		for i, v := range row {
			out[i] = v * s * weight[i]
		}
	}
}

// rmsNormBackward adds to dx [T × H] the gradient through y = x·s·w with
// s = (mean(x²)+eps)^-½:
//
//	dx = s·(w⊙dy) − x · s³/H · Σᵢ xᵢ wᵢ dyᵢ
func rmsNormBackward(dx, dy, x, inv, weight []float32, T, H int) {
	for r := range T {
		xr, gr, out := x[r*H:(r+1)*H], dy[r*H:(r+1)*H], dx[r*H:(r+1)*H]
		s := inv[r]
		var dot float32
		for i := range xr {
			dot += float32(xr[i] * weight[i] * gr[i])
		}
		c := s * s * s * dot / float32(H)
		for i := range xr {
			out[i] += float32(s*weight[i]*gr[i]) - float32(xr[i]*c)
		}
	}
}

func sigmoid(x float32) float32 { return float32(1 / (1 + exactmath.Exp(-float64(x)))) }
