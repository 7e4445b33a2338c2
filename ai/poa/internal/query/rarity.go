package poa

import "math/bits"

// rarityTable computes integer rarities against the indexes being queried.
// rarity(c) = max(1, bitlen(N) - bitlen(c) + 1), where N is the number of
// word positions in all indexes: about log2(N/c) + 1, an integer IDF. A
// span or word found once weighs bitlen(N); one found N/2 times weighs 2.
type rarityTable struct {
	totalLog int64
}

func (e *Engine) newRarityTable() *rarityTable {
	var n int64
	for _, ix := range e.indexes {
		n += ix.Manifest.Counts.WordPositions
	}
	return &rarityTable{totalLog: int64(bits.Len64(uint64(max(n, 1))))}
}

// rarity of something found count times (count >= 1).
func (r *rarityTable) rarity(count int64) int64 {
	return max(1, r.totalLog-int64(bits.Len64(uint64(max(count, 1))))+1)
}

// maxRarity is the rarity of something found once.
func (r *rarityTable) maxRarity() int64 { return r.rarity(1) }
