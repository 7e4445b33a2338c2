package train

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/openledger/openledger/ai/llm/kernels"
)

// dy·W through Wᵀ packed in blocks equals the plain product, on every
// backend, for a width that needs several blocks and a partial last one.
func TestTransposedWeightBlocks(t *testing.T) {
	const rows, out, in = 5, 2*transposeBlock + 37, 24
	rng := rand.New(rand.NewPCG(1, 2))
	w, dy := make([]float32, out*in), make([]float32, rows*out)
	for i := range w {
		w[i] = float32(rng.NormFloat64())
	}
	for i := range dy {
		dy[i] = float32(rng.NormFloat64())
	}
	for _, be := range kernels.Available() {
		tw := packTransposed(be, w, out, in)
		if len(tw.blocks) != 3 {
			t.Fatalf("%d blocks", len(tw.blocks))
		}
		dx := make([]float32, rows*in)
		tw.mulInto(be, dx, dy, rows, in)
		for r := range rows {
			for i := range in {
				var want float64
				for o := range out {
					want += float64(dy[r*out+o]) * float64(w[o*in+i])
				}
				if got := float64(dx[r*in+i]); math.Abs(got-want) > 1e-4*math.Sqrt(out) {
					t.Fatalf("%s: dx[%d,%d] = %v, want %v", be.Name(), r, i, got, want)
				}
			}
		}
	}
}
