package kernels

import "math"

// Packed is a right-hand matrix b [n×k] prepared once by a backend for many
// products: model weights are packed when a model is loaded, so the cost of
// rearranging them is not paid on every token.
type Packed struct {
	N, K int
	// Rows is b row-major [N × K]: as given for F32 (shared, not copied),
	// rounded to bfloat16 values for BF16 so that every backend computes
	// with the same weights. It is nil for BF16 when the backend's panels
	// are the only copy.
	Rows     []float32
	Format   Format
	panels   []float32 // F32 panels, or nil
	panels16 []uint16  // BF16 panels, or nil
	width    int       // columns per panel
	backend  string
}

// Unpack returns b row-major [N × K]: Rows when kept, else rebuilt from the
// panels (exactly for F32; the rounded values for BF16).
func (p *Packed) Unpack() []float32 {
	if p.Rows != nil {
		return p.Rows
	}
	out := make([]float32, p.N*p.K)
	w, k := p.width, p.K
	for col := range p.N {
		base := (col / w) * k * w
		j := col % w
		row := out[col*k : (col+1)*k]
		for kk := range row {
			if p.panels != nil {
				row[kk] = p.panels[base+kk*w+j]
			} else {
				row[kk] = math.Float32frombits(uint32(p.panels16[base+kk*w+j]) << 16)
			}
		}
	}
	return out
}

// DropRows forgets Rows when the panels hold the same values, so the packed
// form is the only copy; Unpack still returns them.
func (p *Packed) DropRows() {
	if p.panels != nil && p.Format == F32 {
		p.Rows = nil
	}
}

// Format is how a backend stores packed weights.
type Format int

const (
	// F32 stores float32 weights.
	F32 Format = iota
	// BF16 stores bfloat16 weights, halving the memory a decode step reads;
	// products still accumulate in float32. Backends without a bfloat16
	// kernel keep float32 copies of the rounded values.
	BF16
)

// ToBF16 returns the bfloat16 nearest each value of b (ties to even), as
// the upper 16 bits of its float32 encoding.
func ToBF16(b []float32) []uint16 {
	out := make([]uint16, len(b))
	for i, v := range b {
		out[i] = toBF16(v)
	}
	return out
}

// roundBF16 returns b with every value rounded to the nearest bfloat16 (ties
// to even), as float32.
func roundBF16(b []float32) []float32 {
	out := make([]float32, len(b))
	for i, v := range b {
		out[i] = math.Float32frombits(uint32(toBF16(v)) << 16)
	}
	return out
}

func toBF16(f float32) uint16 {
	b := math.Float32bits(f)
	if b&0x7fffffff > 0x7f800000 {
		return uint16(b>>16) | 0x40 // keep NaN a NaN
	}
	return uint16((b + 0x7fff + (b>>16)&1) >> 16)
}

// packPanelsBF16 is packPanels storing bfloat16.
func packPanelsBF16(b []float32, n, k, width int) []uint16 {
	panels := (n + width - 1) / width
	data := make([]uint16, panels*k*width)
	for col := range n {
		p, j := col/width, col%width
		base := p * k * width
		for kk, v := range b[col*k : (col+1)*k] {
			data[base+kk*width+j] = toBF16(v)
		}
	}
	return data
}

// A panel kernel family covers up to maxPanelRows rows of a against one
// panel of maxPanelWidth or fewer columns (b rows). AVX-512 uses 6 rows × 64
// columns (24 of its 32 registers hold accumulators); AVX2 uses 4 rows × 24
// columns (12 of 16).
const (
	maxPanelRows  = 6
	maxPanelWidth = 64
)

// panelRowBlock is how many rows of a one sweep over the panels keeps in
// cache; a multiple of every family's row count.
const panelRowBlock = 96

// packPanels lays b out as ceil(n/width) panels, each [k][width]: for every
// k the values of consecutive output columns are adjacent, so the kernel
// reads them as a few vectors and multiplies each by one broadcast value of
// a. Columns past n are zero.
func packPanels(b []float32, n, k, width int) []float32 {
	panels := (n + width - 1) / width
	data := make([]float32, panels*k*width)
	for col := range n {
		p, j := col/width, col%width
		base := p * k * width
		row := b[col*k : (col+1)*k]
		for kk, v := range row {
			data[base+kk*width+j] = v
		}
	}
	return data
}

// panelKernel computes out[r][0:width] = Σ_kk a[r·lda + kk] · panel[kk][0:width]
// for the kernel's row count. Each output is one fused multiply-add chain
// in k order, whichever kernel computes it, so a row's results do not depend
// on the other rows.
type panelKernel func(a *float32, lda int, panel *float32, k int, out *float32)

// panelKernelBF16 is panelKernel over bfloat16 panels.
type panelKernelBF16 func(a *float32, lda int, panel *uint16, k int, out *float32)

// matMulPanels computes dst = a·bᵀ with b packed in panels of p.width
// columns. Work items are (row block, panel) pairs, handed out one at a time
// to whichever worker is free, so a worker slowed by another process on its
// CPU does less of the product instead of holding up the rest; an output's
// value depends only on which kernel computes it, never on the worker.
// kernel(mr, a, panel, scratch, tile) runs the mr-row kernel (mr ≤ rows) on
// a panel, writing mr × width values. When prepare is set, it is called once
// per item with a worker's own scratch of k × width floats before the kernel
// calls for that panel (to widen bfloat16 panels once for many rows).
func matMulPanels(dst, a []float32, m int, p *Packed, rows int,
	prepare func(panel int, scratch []float32),
	kernel func(mr int, a *float32, panel int, scratch []float32, tile *float32),
) {
	n, k := p.N, p.K
	if m == 0 || n == 0 {
		return
	}
	if k == 0 {
		clear(dst[:m*n])
		return
	}
	width := p.width
	panels := (n + width - 1) / width
	workers := Workers()
	if m*n*k < minParallelWork {
		workers = 1
	}
	// Items are panel-major within a row block. Splitting rows too keeps
	// both cores busy when a product has few panels (a narrow k/v
	// projection) but many rows (a prefill).
	rowBlocks := (m + panelRowBlock - 1) / panelRowBlock
	items := rowBlocks * panels
	// Each worker's output tile and, with prepare, widened panel.
	type space struct{ tile, scratch []float32 }
	spaces := make([]space, min(workers, items))
	ParallelItems(items, workers, func(worker, item int) {
		sp := &spaces[worker]
		if sp.tile == nil {
			sp.tile = make([]float32, maxPanelRows*maxPanelWidth)
			if prepare != nil {
				sp.scratch = make([]float32, k*width)
			}
		}
		tile, scratch := sp.tile, sp.scratch
		rb, pi := item/panels, item%panels
		r0, r1 := rb*panelRowBlock, min((rb+1)*panelRowBlock, m)
		c0 := pi * width
		nc := min(width, n-c0)
		if prepare != nil {
			prepare(pi, scratch)
		}
		for r := r0; r < r1; r += rows {
			mr := min(rows, r1-r)
			kernel(mr, &a[r*k], pi, scratch, &tile[0])
			for i := range mr {
				copy(dst[(r+i)*n+c0:(r+i)*n+c0+nc], tile[i*width:i*width+nc])
			}
		}
	})
}
