package merkle

import (
	"fmt"
	"math/bits"
)

// Frontier is an append-only Merkle tree reduced to what the next append and
// the root need: for each set bit h of the leaf count, the root of the
// complete subtree of height h that still waits for its right neighbour.
//
// Its canonical form (Branch) holds a hash exactly at the set bits of the
// count and nothing elsewhere, so two frontiers over the same leaves are
// byte-identical and a stored frontier can be checked against a rebuild.
type Frontier struct {
	count  uint64
	branch [Depth]Hash
}

// NewFrontierFromBranch restores a frontier from its leaf count and canonical
// branch (as returned by Branch).
func NewFrontierFromBranch(count uint64, branch [][]byte) (*Frontier, error) {
	if count > MaxLeaves {
		return nil, fmt.Errorf("%w: leaf count %d exceeds %d", ErrInvalidFrontier, count, MaxLeaves)
	}
	if len(branch) != bits.Len64(count) {
		return nil, fmt.Errorf("%w: %d branch entries for leaf count %d, want %d",
			ErrInvalidFrontier, len(branch), count, bits.Len64(count))
	}
	f := &Frontier{count: count}
	for h, b := range branch {
		set := count>>uint(h)&1 == 1
		switch {
		case set && len(b) == HashSize:
			copy(f.branch[h][:], b)
		case !set && len(b) == 0:
		default:
			return nil, fmt.Errorf("%w: entry %d has %d bytes for leaf count %d", ErrInvalidFrontier, h, len(b), count)
		}
	}
	return f, nil
}

// Count returns the number of leaves appended.
func (f *Frontier) Count() uint64 { return f.count }

// Append adds a leaf at position Count() in O(Depth) hashes.
func (f *Frontier) Append(leaf Hash) error {
	if f.count >= MaxLeaves {
		return fmt.Errorf("%w: %d leaves", ErrTreeFull, f.count)
	}
	node := leaf
	pos := f.count
	for h := 0; h < Depth; h++ {
		if pos&1 == 0 {
			// The new node is a left child at this height: it waits here for
			// a right neighbour.
			f.branch[h] = node
			break
		}
		// The new node completes the subtree whose left half waits at h.
		node = NodeHash(f.branch[h], node)
		f.branch[h] = Hash{}
		pos >>= 1
	}
	f.count++
	return nil
}

// Root returns the root over the leaves appended so far, in O(Depth) hashes;
// it equals Root over the same leaves.
func (f *Frontier) Root() Hash {
	node := zeroHashes[0]
	size := f.count
	for h := 0; h < Depth; h++ {
		if size&1 == 1 {
			node = NodeHash(f.branch[h], node)
		} else {
			node = NodeHash(node, zeroHashes[h])
		}
		size >>= 1
	}
	return RootHash(node, f.count)
}

// Branch returns the canonical stored form: bits.Len64(Count()) entries, a
// copy of the waiting subtree root where bit h of the count is set and an
// empty slice elsewhere.
func (f *Frontier) Branch() [][]byte {
	out := make([][]byte, bits.Len64(f.count))
	for h := range out {
		if f.count>>uint(h)&1 == 1 {
			out[h] = f.branch[h].Bytes()
		} else {
			out[h] = []byte{}
		}
	}
	return out
}
