package index

import (
	"sort"

	"github.com/openledger/openledger/ai/poa/internal/textnorm"
)

// Offsets inside contributions: offsets.bin holds every contribution's
// normalisation anchors (global normalised offsets, original offsets
// relative to the contribution), so a span found in text.bin can be shown
// at its place in the text the contributor submitted.

func (ix *Index) anchorAt(i int) textnorm.Anchor {
	return textnorm.Anchor{Norm: ix.offsets.u32(3 * i), Orig: ix.offsets.u32(3*i + 1), OrigEnd: ix.offsets.u32(3*i + 2)}
}

// anchorCovering returns the last anchor at or before normalised offset n.
func (ix *Index) anchorCovering(n int) textnorm.Anchor {
	count := int(ix.Manifest.Counts.Anchors)
	i := sort.Search(count, func(i int) bool { return int(ix.anchorAt(i).Norm) > n }) - 1
	if i < 0 {
		panic(ix.offsets.corrupt("no anchor at or before offset %d", n))
	}
	return ix.anchorAt(i)
}

// SourceSpan maps the text range [start, end) of one contribution to byte
// offsets in its original text.
func (ix *Index) SourceSpan(start, end int) (int, int) {
	a := ix.anchorCovering(start)
	var s int
	if a.Linear() {
		s = int(a.Orig) + start - int(a.Norm)
	} else {
		s = int(a.Orig)
	}
	b := ix.anchorCovering(end - 1)
	var e int
	if b.Linear() {
		e = int(b.Orig) + end - int(b.Norm)
	} else {
		e = int(b.OrigEnd)
	}
	return s, e
}
