// Package kernels holds the float32 numeric routines the model code runs on.
//
// The model calls a Backend for the work that dominates run time (matrix
// products, dot products, axpy); the cheap element-wise operations (RMSNorm,
// softmax, SiLU) are plain functions. Backends are selected at start-up from
// what the CPU supports: AVX-512, then AVX2 with FMA, then pure Go. Another
// backend (for example an accelerator) can slot in by implementing Backend.
//
// Every backend computes each output of a matrix product with one fixed
// summation order that depends only on k, never on the number of rows, the
// tile an output falls in or the goroutine that computes it. A row's result
// therefore does not depend on what else is in the batch, and results are
// reproducible run to run.
package kernels

import "fmt"

// Backend is the seam between model code and numeric kernels.
type Backend interface {
	// Name identifies the backend in benchmarks and errors ("go", "avx2", "avx512").
	Name() string
	// MatMulT computes dst[m×n] = a[m×k] · b[n×k]ᵀ, all row-major. b in this
	// layout is a Hugging Face Linear weight (out_features × in_features), so
	// y = x·Wᵀ needs no transposition.
	MatMulT(dst, a, b []float32, m, n, k int)
	// Pack prepares b [n×k] for repeated products with MatMulPacked, stored
	// in the given format.
	Pack(b []float32, n, k int, f Format) *Packed
	// MatMulPacked computes dst[m×n] = a[m×k] · bᵀ for a packed b. It gives
	// the same results as MatMulT up to rounding.
	MatMulPacked(dst, a []float32, m int, b *Packed)
	// Dot returns Σ a[i]·b[i] over len(a) elements.
	Dot(a, b []float32) float32
	// Axpy computes y[i] += alpha·x[i] over len(x) elements.
	Axpy(alpha float32, x, y []float32)
	// DotRows writes out[t] = a · b[t·stride : t·stride+len(a)] for every t
	// < len(out): one query against many cached keys.
	DotRows(out, a, b []float32, stride int)
	// AxpyRows computes y += Σ_t w[t]·x[t·stride : t·stride+len(y)], adding
	// the rows in t order: attention weights applied to cached values.
	AxpyRows(y, w, x []float32, stride int)
	// DotRowsBF16 is DotRows with the rows of b in bfloat16, and
	// AxpyRowsBF16 AxpyRows with the rows of x in bfloat16: factors kept in
	// bfloat16 to halve the bytes read. Each gives what its float32 form
	// gives over the widened rows, bit for bit.
	DotRowsBF16(out, a []float32, b []uint16, stride int)
	AxpyRowsBF16(y, w []float32, x []uint16, stride int)
}

var (
	available []Backend
	current   Backend
)

func init() {
	available = detectBackends()
	current = available[0]
}

// Default returns the fastest backend this CPU supports.
func Default() Backend { return current }

// Available returns every backend this CPU can run, fastest first; the last
// one is always the pure-Go fallback.
func Available() []Backend { return append([]Backend(nil), available...) }

// ByName returns the available backend with the given name.
func ByName(name string) (Backend, error) {
	for _, b := range available {
		if b.Name() == name {
			return b, nil
		}
	}
	return nil, fmt.Errorf("kernels: backend %q is not available on this CPU", name)
}

func checkMatMul(dst, a, b []float32, m, n, k int) {
	if len(a) < m*k || len(b) < n*k || len(dst) < m*n {
		panic(fmt.Sprintf("kernels: MatMulT %dx%dx%d with len(dst)=%d len(a)=%d len(b)=%d", m, n, k, len(dst), len(a), len(b)))
	}
}
