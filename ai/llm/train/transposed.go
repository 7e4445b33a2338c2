package train

import "github.com/openledger/openledger/ai/llm/kernels"

// transposeBlock is how many output features one packed block of Wᵀ
// spans. The backward product dx = dy·W has the projection's output width
// as its inner dimension, which for lm_head is the whole vocabulary: one
// packed panel of Wᵀ would then be tens of megabytes, read again for every
// few rows of dy. Blocks of this many features keep a panel within a core's
// L2 cache.
const transposeBlock = 2048

// transposedWeight is Wᵀ [in × out] packed in blocks of transposeBlock
// columns of W's output dimension, for dx = dy·W.
type transposedWeight struct {
	blocks []*kernels.Packed // block b is W[b·transposeBlock : …]ᵀ
	out    int
}

func packTransposed(be kernels.Backend, w []float32, out, in int) transposedWeight {
	t := transposedWeight{out: out}
	for lo := 0; lo < out; lo += transposeBlock {
		hi := min(lo+transposeBlock, out)
		t.blocks = append(t.blocks, be.Pack(transpose(w[lo*in:hi*in], hi-lo, in), in, hi-lo, kernels.F32))
	}
	return t
}

// mulInto computes dx [rows × in] = dy [rows × out] · W, summing the blocks
// in order so the result does not depend on anything but the shapes.
func (t *transposedWeight) mulInto(be kernels.Backend, dx, dy []float32, rows, in int) {
	if len(t.blocks) == 1 {
		be.MatMulPacked(dx, dy, rows, t.blocks[0])
		return
	}
	clear(dx[:rows*in])
	part := make([]float32, rows*in)
	for b, p := range t.blocks {
		lo := b * transposeBlock
		w := p.K // this block's width of dy
		cols := make([]float32, rows*w)
		for r := range rows {
			copy(cols[r*w:(r+1)*w], dy[r*t.out+lo:r*t.out+lo+w])
		}
		be.MatMulPacked(part, cols, rows, p)
		addScaled(dx, 1, part)
	}
}
