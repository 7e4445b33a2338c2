package kernels

import "golang.org/x/sys/cpu"

// Assembly kernels in simd_amd64.s. Each takes k (or n) as a multiple of the
// vector width; callers handle any remainder.

//go:noescape
func tile4x4AVX512(a *[4]*float32, b *[4]*float32, k int, out *[16]float32)

//go:noescape
func tile1x4AVX512(a *float32, b *[4]*float32, k int, out *[4]float32)

//go:noescape
func tile2x4AVX2(a *[4]*float32, b *[4]*float32, k int, out *[16]float32)

//go:noescape
func tile1x4AVX2(a *float32, b *[4]*float32, k int, out *[4]float32)

//go:noescape
func dotAVX512(a, b *float32, n int) float32

//go:noescape
func dotAVX2(a, b *float32, n int) float32

//go:noescape
func axpyAVX512(alpha float32, x, y *float32, n int)

//go:noescape
func axpyAVX2(alpha float32, x, y *float32, n int)

//go:noescape
func panel1x64AVX512(a *float32, lda int, panel *float32, k int, out *float32)

//go:noescape
func panel2x64AVX512(a *float32, lda int, panel *float32, k int, out *float32)

//go:noescape
func panel3x64AVX512(a *float32, lda int, panel *float32, k int, out *float32)

//go:noescape
func panel4x64AVX512(a *float32, lda int, panel *float32, k int, out *float32)

//go:noescape
func panel5x64AVX512(a *float32, lda int, panel *float32, k int, out *float32)

//go:noescape
func panel6x64AVX512(a *float32, lda int, panel *float32, k int, out *float32)

//go:noescape
func dotRowsAVX512(out, a, b *float32, stride, rows, n int)

//go:noescape
func axpyRowsAVX512(y, w, x *float32, stride, rows, n int)

//go:noescape
func panel1x64BF16AVX512(a *float32, lda int, panel *uint16, k int, out *float32)

//go:noescape
func panel2x64BF16AVX512(a *float32, lda int, panel *uint16, k int, out *float32)

//go:noescape
func panel3x64BF16AVX512(a *float32, lda int, panel *uint16, k int, out *float32)

//go:noescape
func panel4x64BF16AVX512(a *float32, lda int, panel *uint16, k int, out *float32)

//go:noescape
func panel5x64BF16AVX512(a *float32, lda int, panel *uint16, k int, out *float32)

//go:noescape
func panel6x64BF16AVX512(a *float32, lda int, panel *uint16, k int, out *float32)

//go:noescape
func panel1x24AVX2(a *float32, lda int, panel *float32, k int, out *float32)

//go:noescape
func panel2x24AVX2(a *float32, lda int, panel *float32, k int, out *float32)

//go:noescape
func panel3x24AVX2(a *float32, lda int, panel *float32, k int, out *float32)

//go:noescape
func panel4x24AVX2(a *float32, lda int, panel *float32, k int, out *float32)

//go:noescape
func widenBF16AVX512(dst *float32, src *uint16, n int)

//go:noescape
func dotRowsBF16AVX512(out, a *float32, b *uint16, stride, rows, n int)

//go:noescape
func axpyRowsBF16AVX512(y, w *float32, x *uint16, stride, rows, n int)

// fmaPeakAVX512 and fmaPeakAVX2 run 12 independent fused multiply-adds per
// iteration and nothing else; benchmarks use them to measure the CPU's peak.
//
//go:noescape
func fmaPeakAVX512(iterations int)

//go:noescape
func fmaPeakAVX2(iterations int)

// simdBackend runs its kernels in assembly. A product whose k is not a
// multiple of the vector width goes to a narrower backend's kernels when k
// fits those, else to pure Go; the choice depends on k alone.
type simdBackend struct {
	name  string
	width int // float32 lanes per vector
	tiles *tileKernels
	// panels, when set, are outer-product kernels over packed panels, by
	// row count; without them Pack keeps the row-major layout.
	panels     []panelKernel     // indexed by row count, [0] unused
	panelsBF16 []panelKernelBF16 // indexed by row count, [0] unused
	panelWidth int
	// narrower takes products whose k is not a multiple of width but is of
	// its own (a LoRA rank of 8 on AVX-512).
	narrower *simdBackend
	// rows, when set, has assembly DotRows and AxpyRows for lengths that
	// are a multiple of width; rowsBF16 the same for DotRowsBF16 and
	// AxpyRowsBF16.
	rows, rowsBF16 bool
	dot            func(a, b *float32, n int) float32
	axpy           func(alpha float32, x, y *float32, n int)
}

func (s *simdBackend) Name() string { return s.name }

func (s *simdBackend) MatMulT(dst, a, b []float32, m, n, k int) {
	checkMatMul(dst, a, b, m, n, k)
	switch {
	case k%s.width == 0:
		s.tiles.matMulT(dst, a, b, m, n, k)
	case s.narrower != nil && k%s.narrower.width == 0:
		s.narrower.tiles.matMulT(dst, a, b, m, n, k)
	default:
		goTiles.matMulT(dst, a, b, m, n, k)
	}
}

func (s *simdBackend) Pack(b []float32, n, k int, f Format) *Packed {
	p := &Packed{N: n, K: k, Rows: rowsFor(b[:n*k], f), Format: f, backend: s.name}
	switch {
	case f == F32 && s.panels != nil:
		p.panels, p.width = packPanels(b, n, k, s.panelWidth), s.panelWidth
	case f == BF16 && s.panelsBF16 != nil:
		p.panels16, p.width = packPanelsBF16(b, n, k, s.panelWidth), s.panelWidth
		// The panels hold the weights; the rounded rows are only for
		// other backends and would double the memory.
		p.Rows = nil
	case f == BF16 && s.panels != nil:
		// No bfloat16 kernel: float32 panels of the rounded values.
		p.panels, p.width = packPanels(p.Rows, n, k, s.panelWidth), s.panelWidth
		p.Rows = nil
	}
	return p
}

func (s *simdBackend) MatMulPacked(dst, a []float32, m int, b *Packed) {
	if len(a) < m*b.K || len(dst) < m*b.N {
		panic("kernels: MatMulPacked operands too short")
	}
	k := b.K
	switch {
	case b.backend == s.name && b.panels != nil:
		w := b.width
		matMulPanels(dst, a, m, b, len(s.panels)-1, nil, func(mr int, a *float32, pi int, _ []float32, tile *float32) {
			s.panels[mr](a, k, &b.panels[pi*k*w], k, tile)
		})
	case b.backend == s.name && b.panels16 != nil:
		w := b.width
		rows := len(s.panelsBF16) - 1
		if m <= rows || s.panels == nil {
			// One kernel call per panel: widen inside the kernel.
			matMulPanels(dst, a, m, b, rows, nil, func(mr int, a *float32, pi int, _ []float32, tile *float32) {
				s.panelsBF16[mr](a, k, &b.panels16[pi*k*w], k, tile)
			})
			return
		}
		// Many rows: widen each panel once into float32 and run the float32
		// kernel over it. The products are the same, bit for bit.
		matMulPanels(dst, a, m, b, len(s.panels)-1,
			func(pi int, scratch []float32) {
				// A panel holds k × w values, w a multiple of 16.
				widenBF16AVX512(&scratch[0], &b.panels16[pi*k*w], k*w)
			},
			func(mr int, a *float32, pi int, scratch []float32, tile *float32) {
				s.panels[mr](a, k, &scratch[0], k, tile)
			})
	case b.Rows != nil:
		s.MatMulT(dst, a, b.Rows, m, b.N, b.K)
	default:
		panic("kernels: weights packed as bfloat16 panels by " + b.backend + " used with " + s.name)
	}
}

func (s *simdBackend) DotRowsBF16(out, a []float32, b []uint16, stride int) {
	n, rows := len(a), len(out)
	if rows == 0 {
		return
	}
	if !s.rowsBF16 || n%s.width != 0 || n == 0 {
		withWidened(b, rows, stride, n, func(wide []float32) { s.DotRows(out, a, wide, n) })
		return
	}
	_ = b[(rows-1)*stride+n-1]
	dotRowsBF16AVX512(&out[0], &a[0], &b[0], stride, rows, n)
}

func (s *simdBackend) AxpyRowsBF16(y, w []float32, x []uint16, stride int) {
	n, rows := len(y), len(w)
	if rows == 0 {
		return
	}
	if !s.rowsBF16 || n%s.width != 0 || n == 0 {
		withWidened(x, rows, stride, n, func(wide []float32) { s.AxpyRows(y, w, wide, n) })
		return
	}
	_ = x[(rows-1)*stride+n-1]
	axpyRowsBF16AVX512(&y[0], &w[0], &x[0], stride, rows, n)
}

func (s *simdBackend) DotRows(out, a, b []float32, stride int) {
	n, rows := len(a), len(out)
	if rows == 0 {
		return
	}
	if !s.rows || n%s.width != 0 || n == 0 {
		dotRowsWith(s.Dot, out, a, b, stride)
		return
	}
	_ = b[(rows-1)*stride+n-1]
	dotRowsAVX512(&out[0], &a[0], &b[0], stride, rows, n)
}

func (s *simdBackend) AxpyRows(y, w, x []float32, stride int) {
	n, rows := len(y), len(w)
	if rows == 0 {
		return
	}
	if !s.rows || n%s.width != 0 || n == 0 {
		axpyRowsWith(s.Axpy, y, w, x, stride)
		return
	}
	_ = x[(rows-1)*stride+n-1]
	axpyRowsAVX512(&y[0], &w[0], &x[0], stride, rows, n)
}

func (s *simdBackend) Dot(a, b []float32) float32 {
	n := len(a)
	b = b[:n]
	body := n - n%s.width
	var sum float32
	if body > 0 {
		sum = s.dot(&a[0], &b[0], body)
	}
	for i := body; i < n; i++ {
		sum += a[i] * b[i]
	}
	return sum
}

func (s *simdBackend) Axpy(alpha float32, x, y []float32) {
	n := len(x)
	y = y[:n]
	body := n - n%s.width
	if body > 0 {
		s.axpy(alpha, &x[0], &y[0], body)
	}
	for i := body; i < n; i++ {
		y[i] += alpha * x[i]
	}
}

var (
	avx512Backend = &simdBackend{
		name:  "avx512",
		width: 16,
		tiles: &tileKernels{rows: 4, kAlign: 16, tile: tile4x4AVX512, row: tile1x4AVX512},
		panels: []panelKernel{
			nil, panel1x64AVX512, panel2x64AVX512, panel3x64AVX512,
			panel4x64AVX512, panel5x64AVX512, panel6x64AVX512,
		},
		panelWidth: 64,
		rows:       true,
		dot:        dotAVX512,
		axpy:       axpyAVX512,
	}
	avx2Backend = &simdBackend{
		name:       "avx2",
		width:      8,
		tiles:      &tileKernels{rows: 2, kAlign: 8, tile: tile2x4AVX2, row: tile1x4AVX2},
		panels:     []panelKernel{nil, panel1x24AVX2, panel2x24AVX2, panel3x24AVX2, panel4x24AVX2},
		panelWidth: 24,
		dot:        dotAVX2,
		axpy:       axpyAVX2,
	}
)

// hasAVX512 needs AVX512VL too: the kernels use EVEX-encoded 256-bit forms
// when folding 512-bit accumulators. cpu.X86 also checks that the OS saves
// the vector state.
func hasAVX512() bool { return cpu.X86.HasAVX512F && cpu.X86.HasAVX512VL }

func hasAVX2() bool { return cpu.X86.HasAVX2 && cpu.X86.HasFMA }

func init() {
	if hasAVX2() {
		avx512Backend.narrower = avx2Backend
	}
	// Widening 16-bit values to 32 (VPMOVZXWD on 512-bit registers) is AVX512BW.
	if cpu.X86.HasAVX512BW {
		avx512Backend.rowsBF16 = true
		avx512Backend.panelsBF16 = []panelKernelBF16{
			nil, panel1x64BF16AVX512, panel2x64BF16AVX512,
			panel3x64BF16AVX512, panel4x64BF16AVX512, panel5x64BF16AVX512, panel6x64BF16AVX512,
		}
	}
}

func detectBackends() []Backend {
	var list []Backend
	if hasAVX512() {
		list = append(list, avx512Backend)
	}
	if hasAVX2() {
		list = append(list, avx2Backend)
	}
	return append(list, goBackend{})
}
