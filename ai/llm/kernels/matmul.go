package kernels

import "unsafe"

// tileKernels is one register-blocked family of matrix-product kernels. The
// tile kernel computes rows×4 outputs (rows of a against four rows of b) in
// one pass over k, keeping every accumulator in registers; the row kernel
// computes 1×4. Both compute each output with the same operation order, so an
// output's value does not depend on which of the two produced it.
type tileKernels struct {
	rows   int                                                           // rows of a per tile call; 1 means only the row kernel is used
	kAlign int                                                           // k must be a multiple of this
	tile   func(a *[4]*float32, b *[4]*float32, k int, out *[16]float32) // out[i*4+j] = a_i · b_j
	row    func(a *float32, b *[4]*float32, k int, out *[4]float32)      // out[j] = a · b_j
}

// rowBlock is how many rows of a one sweep over a block of b columns keeps
// hot in cache; four rows of b (4·k floats) stay in L1 while the sweep runs.
const rowBlock = 64

// minParallelWork is the number of multiply-adds below which splitting a
// product across goroutines costs more than it saves.
const minParallelWork = 1 << 15

// matMulT computes dst = a·bᵀ, splitting b's rows (the output columns) into
// fixed blocks of four shared across workers. The split decides only who
// computes an output, never how, so results do not depend on timing.
func (t *tileKernels) matMulT(dst, a, b []float32, m, n, k int) {
	if m == 0 || n == 0 {
		return
	}
	if k == 0 {
		clear(dst[:m*n])
		return
	}
	colBlocks := (n + 3) / 4
	workers := Workers()
	if m*n*k < minParallelWork {
		workers = 1
	}
	ParallelFor(colBlocks, workers, func(lo, hi int) {
		t.matMulTBlocks(dst, a, b, m, n, k, lo, hi)
	})
}

func (t *tileKernels) matMulTBlocks(dst, a, b []float32, m, n, k, cb0, cb1 int) {
	var ap, bp [4]*float32
	var out16 [16]float32
	var out4 [4]float32
	for r0 := 0; r0 < m; r0 += rowBlock {
		r1 := min(r0+rowBlock, m)
		for cb := cb0; cb < cb1; cb++ {
			c0 := cb * 4
			nc := min(4, n-c0)
			for j := range 4 {
				// Past the last column the kernel recomputes the last row
				// of b; those outputs are discarded.
				bp[j] = &b[min(c0+j, n-1)*k]
			}
			r := r0
			if t.rows > 1 {
				for ; r+t.rows <= r1; r += t.rows {
					for i := range t.rows {
						ap[i] = &a[(r+i)*k]
					}
					t.tile(&ap, &bp, k, &out16)
					for i := range t.rows {
						copy(dst[(r+i)*n+c0:(r+i)*n+c0+nc], out16[i*4:i*4+nc])
					}
				}
			}
			for ; r < r1; r++ {
				t.row(&a[r*k], &bp, k, &out4)
				copy(dst[r*n+c0:r*n+c0+nc], out4[:nc])
			}
		}
	}
}

// goRow is the pure-Go row kernel: each output is one sequential sum over k.
func goRow(a *float32, b *[4]*float32, k int, out *[4]float32) {
	x := unsafe.Slice(a, k)
	b0 := unsafe.Slice(b[0], k)
	b1 := unsafe.Slice(b[1], k)
	b2 := unsafe.Slice(b[2], k)
	b3 := unsafe.Slice(b[3], k)
	var s0, s1, s2, s3 float32
	for i, v := range x {
		s0 += float32(v * b0[i])
		s1 += float32(v * b1[i])
		s2 += float32(v * b2[i])
		s3 += float32(v * b3[i])
	}
	out[0], out[1], out[2], out[3] = s0, s1, s2, s3
}

var goTiles = &tileKernels{rows: 1, kAlign: 1, row: goRow}
