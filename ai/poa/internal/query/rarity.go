package query

import "math/bits"

// Rarity computes integer rarities against the indexes being queried.
// Of(c) = max(1, bitlen(N) - bitlen(c) + 1), where N is the number of
// word positions in all indexes: about log2(N/c) + 1, an integer IDF. A
// span or word found once weighs bitlen(N); one found N/2 times weighs 2.
type Rarity struct {
	totalLog int64
}

// Rarity returns the rarity table of the engine's indexes.
func (e *Engine) Rarity() *Rarity {
	var n int64
	for _, ix := range e.indexes {
		n += ix.Manifest.Counts.WordPositions
	}
	return &Rarity{totalLog: int64(bits.Len64(uint64(max(n, 1))))}
}

// Of is the rarity of something found count times (count >= 1).
func (r *Rarity) Of(count int64) int64 {
	return max(1, r.totalLog-int64(bits.Len64(uint64(max(count, 1))))+1)
}

// Max is the rarity of something found once.
func (r *Rarity) Max() int64 { return r.Of(1) }
