package index

import "github.com/openledger/openledger/ai/poa/internal/textnorm"

// MinHash over sets of content tokens: for each of minhashPermutations
// fixed hash functions the signature keeps the smallest hash of any token
// in the set. Two sets agree on one signature slot with probability equal
// to their Jaccard similarity. LSH groups the slots into LSHBands bands of
// lshRows; windows sharing any whole band become candidates, which are then
// scored exactly against the corpus text (internal/query/paraphrase.go).
// Corpus windows are signed here when the index is built, output windows
// the same way when it is queried.

// Signature is the MinHash signature of a set of content tokens.
type Signature [minhashPermutations]uint64

// permutationSeeds are fixed forever (MethodVersion): the splitmix64
// sequence from a constant.
var permutationSeeds = func() (s [minhashPermutations]uint64) {
	x := uint64(0x6f70656e6c656467) // "openledg"
	for i := range s {
		x += 0x9e3779b97f4a7c15
		s[i] = textnorm.Mix64(x)
	}
	return s
}()

// tokenHashes writes the per-permutation hashes of one token.
func tokenHashes(h uint64, out *Signature) {
	for i, seed := range permutationSeeds {
		out[i] = textnorm.Mix64(h ^ seed)
	}
}

// EmptySignature is the signature of the empty set: every slot at its
// maximum, so that MinInto lowers it to any other.
func EmptySignature() Signature {
	var s Signature
	for i := range s {
		s[i] = ^uint64(0)
	}
	return s
}

// MinInto lowers sig to the element-wise minimum of sig and other (the
// signature of the union of their sets).
func (sig *Signature) MinInto(other *Signature) {
	for i, v := range other {
		if v < sig[i] {
			sig[i] = v
		}
	}
}

// BandKey hashes band b of the signature into one key; the band number is
// mixed in so equal values in different bands do not collide.
func (sig *Signature) BandKey(b int) uint64 {
	h := textnorm.Mix64(uint64(b) + 0x51ed270b27a9c3f1)
	for _, v := range sig[b*lshRows : (b+1)*lshRows] {
		h = textnorm.Mix64(h ^ v)
	}
	return h
}

// BlockSignatures returns the signature of every consecutive block of
// blockSize tokens (the last may be shorter).
func BlockSignatures(tokens []textnorm.ContentToken, blockSize int) []Signature {
	blocks := make([]Signature, 0, (len(tokens)+blockSize-1)/blockSize)
	var th Signature
	for start := 0; start < len(tokens); start += blockSize {
		end := min(start+blockSize, len(tokens))
		sig := EmptySignature()
		for _, t := range tokens[start:end] {
			tokenHashes(t.Hash, &th)
			sig.MinInto(&th)
		}
		blocks = append(blocks, sig)
	}
	return blocks
}
