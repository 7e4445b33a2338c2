// Package merkle is the Merkle tree that commits a Datanet version to its
// accepted contributions. It is pure Go with no chain dependencies, so the
// chain, the CLI and any third party compute the same roots and proofs.
//
// The tree has a fixed depth of 32 (room for 2^32 - 1 leaves) and is filled
// from the left in acceptance order; positions past the last leaf hold the
// hash of an empty subtree. Hashes are SHA-256 with a one-byte domain tag so a
// leaf can never be confused with an inner node or a root:
//
//	leaf  = sha256(0x00 || contribution id (8 bytes, big-endian) || content hash (32 bytes))
//	node  = sha256(0x01 || left || right)
//	root  = sha256(0x02 || tree root || leaf count (8 bytes, big-endian))
//
// Binding the leaf count into the root means a proof also proves how many
// contributions the version has, and that index < count.
//
// The chain keeps only a Frontier per Datanet (at most 32 hashes, as in the
// Ethereum deposit contract), so appending a leaf and computing the root each
// cost O(depth) hashes, however many contributions a Datanet has.
package merkle

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
)

const (
	// Depth is the number of levels between a leaf and the tree root.
	Depth = 32
	// MaxLeaves is the capacity of a tree: 2^Depth - 1. The last position is
	// left unused so that the leaf count always fits the frontier's bits.
	MaxLeaves = uint64(1)<<Depth - 1
	// HashSize is the size of every hash in the tree.
	HashSize = sha256.Size

	leafTag = 0x00
	nodeTag = 0x01
	rootTag = 0x02
)

var (
	// ErrInvalidHash reports a hash that is not 32 bytes.
	ErrInvalidHash = errors.New("hash must be 32 bytes")
	// ErrIndexOutOfRange reports a leaf index not below the leaf count.
	ErrIndexOutOfRange = errors.New("leaf index out of range")
	// ErrTreeFull reports an append to a tree holding MaxLeaves leaves.
	ErrTreeFull = errors.New("merkle tree is full")
	// ErrInvalidProof reports a proof of the wrong shape or one that does not
	// lead to the expected root.
	ErrInvalidProof = errors.New("invalid merkle proof")
	// ErrInvalidFrontier reports a stored frontier that is not in canonical form.
	ErrInvalidFrontier = errors.New("invalid merkle frontier")
)

// Hash is a SHA-256 digest.
type Hash [HashSize]byte

// String returns the hash in lowercase hex.
func (h Hash) String() string { return hex.EncodeToString(h[:]) }

// Bytes returns a copy of the hash as a slice.
func (h Hash) Bytes() []byte { return bytes.Clone(h[:]) }

// HashFromBytes converts a 32-byte slice to a Hash.
func HashFromBytes(b []byte) (Hash, error) {
	var h Hash
	if len(b) != HashSize {
		return h, fmt.Errorf("%w: got %d bytes", ErrInvalidHash, len(b))
	}
	copy(h[:], b)
	return h, nil
}

// zeroHashes[h] is the root of an empty subtree of height h: zeroHashes[0] is
// 32 zero bytes (no SHA-256 output is known to be all zeros, so it cannot be
// a real leaf), and zeroHashes[h+1] = node(zeroHashes[h], zeroHashes[h]).
var zeroHashes = func() [Depth + 1]Hash {
	var z [Depth + 1]Hash
	for h := 0; h < Depth; h++ {
		z[h+1] = NodeHash(z[h], z[h])
	}
	return z
}()

// ZeroHash returns the root of an empty subtree of the given height (0 to Depth).
func ZeroHash(height int) Hash { return zeroHashes[height] }

// LeafHash is the leaf of an accepted contribution.
func LeafHash(contributionID uint64, contentHash []byte) (Hash, error) {
	if len(contentHash) != HashSize {
		return Hash{}, fmt.Errorf("%w: content hash of %d bytes", ErrInvalidHash, len(contentHash))
	}
	var buf [1 + 8 + HashSize]byte
	buf[0] = leafTag
	binary.BigEndian.PutUint64(buf[1:9], contributionID)
	copy(buf[9:], contentHash)
	return sha256.Sum256(buf[:]), nil
}

// NodeHash is the inner node over two children.
func NodeHash(left, right Hash) Hash {
	var buf [1 + 2*HashSize]byte
	buf[0] = nodeTag
	copy(buf[1:1+HashSize], left[:])
	copy(buf[1+HashSize:], right[:])
	return sha256.Sum256(buf[:])
}

// RootHash commits to a tree root together with its leaf count.
func RootHash(treeRoot Hash, leafCount uint64) Hash {
	var buf [1 + HashSize + 8]byte
	buf[0] = rootTag
	copy(buf[1:1+HashSize], treeRoot[:])
	binary.BigEndian.PutUint64(buf[1+HashSize:], leafCount)
	return sha256.Sum256(buf[:])
}

// levels calls visit with every level of the tree over leaves, from the
// leaves (height 0) up to height Depth-1, each padded with the empty-subtree
// hash to an even length; it returns the tree root. Only the non-empty part
// of each level is built, so this costs O(len(leaves) + Depth) hashes.
func levels(leaves []Hash, visit func(height int, level []Hash)) Hash {
	level := leaves
	for h := 0; h < Depth; h++ {
		if len(level) == 0 {
			return zeroHashes[Depth]
		}
		if len(level)%2 == 1 {
			level = append(level[:len(level):len(level)], zeroHashes[h])
		}
		if visit != nil {
			visit(h, level)
		}
		next := make([]Hash, len(level)/2)
		for i := range next {
			next[i] = NodeHash(level[2*i], level[2*i+1])
		}
		level = next
	}
	return level[0]
}

// Root computes the root of a list of leaves from scratch.
func Root(leaves []Hash) (Hash, error) {
	if uint64(len(leaves)) > MaxLeaves {
		return Hash{}, fmt.Errorf("%w: %d leaves", ErrTreeFull, len(leaves))
	}
	return RootHash(levels(leaves, nil), uint64(len(leaves))), nil
}

// Proof returns the Depth sibling hashes of leaves[index], from the leaf
// level up.
func Proof(leaves []Hash, index uint64) ([]Hash, error) {
	if uint64(len(leaves)) > MaxLeaves {
		return nil, fmt.Errorf("%w: %d leaves", ErrTreeFull, len(leaves))
	}
	if index >= uint64(len(leaves)) {
		return nil, fmt.Errorf("%w: index %d, %d leaves", ErrIndexOutOfRange, index, len(leaves))
	}
	siblings := make([]Hash, Depth)
	for h := range siblings {
		siblings[h] = zeroHashes[h]
	}
	levels(leaves, func(height int, level []Hash) {
		// Every level is padded to even length, so the sibling of a node that
		// exists always exists too; above the last real node it is the
		// empty-subtree hash already in place.
		pos := index >> uint(height)
		if pos < uint64(len(level)) {
			siblings[height] = level[pos^1]
		}
	})
	return siblings, nil
}

// VerifyProof checks that leaf is at index in the tree of leafCount leaves
// whose root is root.
func VerifyProof(root Hash, leafCount uint64, leaf Hash, index uint64, siblings []Hash) error {
	if leafCount > MaxLeaves {
		return fmt.Errorf("%w: leaf count %d", ErrInvalidProof, leafCount)
	}
	if index >= leafCount {
		return fmt.Errorf("%w: index %d, %d leaves", ErrIndexOutOfRange, index, leafCount)
	}
	if len(siblings) != Depth {
		return fmt.Errorf("%w: %d siblings, want %d", ErrInvalidProof, len(siblings), Depth)
	}
	node := leaf
	for h, sibling := range siblings {
		if (index>>uint(h))&1 == 1 {
			node = NodeHash(sibling, node)
		} else {
			node = NodeHash(node, sibling)
		}
	}
	if got := RootHash(node, leafCount); got != root {
		return fmt.Errorf("%w: computed root %s, want %s", ErrInvalidProof, got, root)
	}
	return nil
}

// Item is one accepted contribution as an export lists it.
type Item struct {
	ContributionID uint64
	ContentHash    []byte
}

// VerifyItems checks that items, in acceptance order, are exactly the
// contributions a version with the given root and leaf count commits to.
// An export uses it to check a downloaded Datanet version end to end.
func VerifyItems(root []byte, leafCount uint64, items []Item) error {
	want, err := HashFromBytes(root)
	if err != nil {
		return fmt.Errorf("version root: %w", err)
	}
	if uint64(len(items)) != leafCount {
		return fmt.Errorf("%w: %d items for a version of %d", ErrInvalidProof, len(items), leafCount)
	}
	leaves := make([]Hash, len(items))
	for i, item := range items {
		if leaves[i], err = LeafHash(item.ContributionID, item.ContentHash); err != nil {
			return fmt.Errorf("item %d (contribution %d): %w", i, item.ContributionID, err)
		}
	}
	got, err := Root(leaves)
	if err != nil {
		return err
	}
	if got != want {
		return fmt.Errorf("%w: items give root %s, version root is %s", ErrInvalidProof, got, want)
	}
	return nil
}
