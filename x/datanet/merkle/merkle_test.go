package merkle_test

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"math/rand"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/openledger/openledger/x/datanet/merkle"
)

// randomLeaves returns n leaves of contributions with random ids and hashes.
func randomLeaves(t *testing.T, rng *rand.Rand, n int) []merkle.Hash {
	t.Helper()
	leaves := make([]merkle.Hash, n)
	for i := range leaves {
		var content [32]byte
		rng.Read(content[:])
		leaf, err := merkle.LeafHash(rng.Uint64(), content[:])
		require.NoError(t, err)
		leaves[i] = leaf
	}
	return leaves
}

func TestHashesAreDomainSeparated(t *testing.T) {
	content := sha256.Sum256([]byte("row"))
	leaf, err := merkle.LeafHash(7, content[:])
	require.NoError(t, err)

	var leafPre [41]byte
	leafPre[0] = 0x00
	binary.BigEndian.PutUint64(leafPre[1:9], 7)
	copy(leafPre[9:], content[:])
	require.Equal(t, merkle.Hash(sha256.Sum256(leafPre[:])), leaf)

	var nodePre [65]byte
	nodePre[0] = 0x01
	copy(nodePre[1:33], leaf[:])
	copy(nodePre[33:], content[:])
	require.Equal(t, merkle.Hash(sha256.Sum256(nodePre[:])), merkle.NodeHash(leaf, content))

	var rootPre [41]byte
	rootPre[0] = 0x02
	copy(rootPre[1:33], leaf[:])
	binary.BigEndian.PutUint64(rootPre[33:], 3)
	require.Equal(t, merkle.Hash(sha256.Sum256(rootPre[:])), merkle.RootHash(leaf, 3))

	require.Equal(t, merkle.Hash{}, merkle.ZeroHash(0))
	require.Equal(t, merkle.NodeHash(merkle.ZeroHash(0), merkle.ZeroHash(0)), merkle.ZeroHash(1))
}

// TestKnownRoots pins the format: a change to any hashing rule changes these
// roots, which clients and other chains may already rely on. The expected
// values were computed by an independent implementation of the rules in the
// package comment (a few lines of Python over hashlib.sha256).
func TestKnownRoots(t *testing.T) {
	a := sha256.Sum256([]byte("a"))
	b := sha256.Sum256([]byte("b"))
	c := sha256.Sum256([]byte("c"))
	items := []merkle.Item{{1, a[:]}, {2, b[:]}, {5, c[:]}}

	var leaves []merkle.Hash
	wantRoots := []string{
		"a1e42f699a74a3e7a01c324f8d009555c1e0ae6099338e12675a12a1dfbac228",
		"e8f0a0204b66352f3e88608d9393e061b36b59eabee1fcf8243811ffca16273a",
		"835aa22b4c4bac2b904045e4f87e67acdbe22f6d5ff2e45e3218c662652dfef1",
	}
	for i, item := range items {
		leaf, err := merkle.LeafHash(item.ContributionID, item.ContentHash)
		require.NoError(t, err)
		leaves = append(leaves, leaf)
		root, err := merkle.Root(leaves)
		require.NoError(t, err)
		require.Equal(t, wantRoots[i], root.String(), "root over %d leaves", i+1)
	}
}

func TestEmptyTreeRoot(t *testing.T) {
	root, err := merkle.Root(nil)
	require.NoError(t, err)
	require.Equal(t, merkle.RootHash(merkle.ZeroHash(merkle.Depth), 0), root)
	require.Equal(t, root, (&merkle.Frontier{}).Root())
}

// TestFrontierMatchesFromScratchRoot is a property test: for random leaf
// lists, the incremental root after every append equals the root computed
// from scratch, and every index has a proof that verifies.
func TestFrontierMatchesFromScratchRoot(t *testing.T) {
	rng := rand.New(rand.NewSource(20240601))
	sizes := []int{1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 64, 100, 127, 128, 129}
	for i := 0; i < 10; i++ {
		sizes = append(sizes, 1+rng.Intn(300))
	}
	for _, n := range sizes {
		leaves := randomLeaves(t, rng, n)
		f := &merkle.Frontier{}
		for i, leaf := range leaves {
			require.NoError(t, f.Append(leaf))
			want, err := merkle.Root(leaves[:i+1])
			require.NoError(t, err)
			require.Equal(t, want, f.Root(), "n=%d after %d appends", n, i+1)

			// The canonical branch restores an identical frontier.
			restored, err := merkle.NewFrontierFromBranch(f.Count(), f.Branch())
			require.NoError(t, err)
			require.Equal(t, f, restored)
		}

		root := f.Root()
		for idx := range leaves {
			proof, err := merkle.Proof(leaves, uint64(idx))
			require.NoError(t, err)
			require.Len(t, proof, merkle.Depth)
			require.NoError(t, merkle.VerifyProof(root, uint64(n), leaves[idx], uint64(idx), proof), "n=%d idx=%d", n, idx)
		}
	}
}

func TestProofRejectsTampering(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	leaves := randomLeaves(t, rng, 11)
	root, err := merkle.Root(leaves)
	require.NoError(t, err)
	proof, err := merkle.Proof(leaves, 6)
	require.NoError(t, err)
	require.NoError(t, merkle.VerifyProof(root, 11, leaves[6], 6, proof))

	cases := []struct {
		name  string
		root  merkle.Hash
		count uint64
		leaf  merkle.Hash
		index uint64
		proof []merkle.Hash
		want  error
	}{
		{"Failure - wrong leaf", root, 11, leaves[5], 6, proof, merkle.ErrInvalidProof},
		{"Failure - wrong index", root, 11, leaves[6], 7, proof, merkle.ErrInvalidProof},
		{"Failure - wrong count", root, 12, leaves[6], 6, proof, merkle.ErrInvalidProof},
		{"Failure - index past count", root, 6, leaves[6], 6, proof, merkle.ErrIndexOutOfRange},
		{"Failure - short proof", root, 11, leaves[6], 6, proof[:31], merkle.ErrInvalidProof},
		{"Failure - count over capacity", root, merkle.MaxLeaves + 1, leaves[6], 6, proof, merkle.ErrInvalidProof},
		{"Failure - flipped sibling", root, 11, leaves[6], 6, func() []merkle.Hash {
			p := append([]merkle.Hash(nil), proof...)
			p[2][0] ^= 1
			return p
		}(), merkle.ErrInvalidProof},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := merkle.VerifyProof(tc.root, tc.count, tc.leaf, tc.index, tc.proof)
			require.ErrorIs(t, err, tc.want)
		})
	}

	_, err = merkle.Proof(leaves, 11)
	require.ErrorIs(t, err, merkle.ErrIndexOutOfRange)
}

func TestLeafHashRejectsBadContentHash(t *testing.T) {
	_, err := merkle.LeafHash(1, make([]byte, 31))
	require.ErrorIs(t, err, merkle.ErrInvalidHash)
	_, err = merkle.HashFromBytes(nil)
	require.ErrorIs(t, err, merkle.ErrInvalidHash)
}

func TestFrontierFromBranchRejectsNonCanonical(t *testing.T) {
	h := make([]byte, 32)
	cases := []struct {
		name   string
		count  uint64
		branch [][]byte
	}{
		{"Failure - too few entries", 3, [][]byte{h}},
		{"Failure - too many entries", 1, [][]byte{h, {}}},
		{"Failure - hash at a clear bit", 2, [][]byte{h, h}},
		{"Failure - missing hash at a set bit", 3, [][]byte{{}, h}},
		{"Failure - short hash", 1, [][]byte{h[:31]}},
		{"Failure - count over capacity", merkle.MaxLeaves + 1, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := merkle.NewFrontierFromBranch(tc.count, tc.branch)
			require.ErrorIs(t, err, merkle.ErrInvalidFrontier)
		})
	}
	f, err := merkle.NewFrontierFromBranch(2, [][]byte{{}, h})
	require.NoError(t, err)
	require.Equal(t, uint64(2), f.Count())
}

func TestFrontierRefusesAppendWhenFull(t *testing.T) {
	branch := make([][]byte, merkle.Depth)
	for i := range branch {
		branch[i] = make([]byte, 32)
	}
	f, err := merkle.NewFrontierFromBranch(merkle.MaxLeaves, branch)
	require.NoError(t, err)
	require.ErrorIs(t, f.Append(merkle.Hash{}), merkle.ErrTreeFull)
	require.Equal(t, merkle.MaxLeaves, f.Count())
}

func TestVerifyItems(t *testing.T) {
	a := sha256.Sum256([]byte("a"))
	b := sha256.Sum256([]byte("b"))
	items := []merkle.Item{{ContributionID: 3, ContentHash: a[:]}, {ContributionID: 9, ContentHash: b[:]}}
	var leaves []merkle.Hash
	for _, it := range items {
		l, err := merkle.LeafHash(it.ContributionID, it.ContentHash)
		require.NoError(t, err)
		leaves = append(leaves, l)
	}
	root, err := merkle.Root(leaves)
	require.NoError(t, err)

	require.NoError(t, merkle.VerifyItems(root.Bytes(), 2, items))

	cases := []struct {
		name  string
		root  []byte
		count uint64
		items []merkle.Item
		want  error
	}{
		{"Failure - swapped order", root.Bytes(), 2, []merkle.Item{items[1], items[0]}, merkle.ErrInvalidProof},
		{"Failure - wrong id", root.Bytes(), 2, []merkle.Item{{4, a[:]}, items[1]}, merkle.ErrInvalidProof},
		{"Failure - missing item", root.Bytes(), 2, items[:1], merkle.ErrInvalidProof},
		{"Failure - short content hash", root.Bytes(), 2, []merkle.Item{{3, a[:16]}, items[1]}, merkle.ErrInvalidHash},
		{"Failure - short root", root.Bytes()[:8], 2, items, merkle.ErrInvalidHash},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := merkle.VerifyItems(tc.root, tc.count, tc.items)
			require.True(t, errors.Is(err, tc.want), "got %v", err)
		})
	}
}
