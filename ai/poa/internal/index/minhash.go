package poa

// MinHash over sets of content tokens: for each of minhashPermutations
// fixed hash functions the signature keeps the smallest hash of any token
// in the set. Two sets agree on one signature slot with probability equal
// to their Jaccard similarity. LSH groups the slots into lshBands bands of
// lshRows; windows sharing any whole band become candidates, which are then
// scored exactly against the corpus text (paraphrase.go).

type signature [minhashPermutations]uint64

// permutationSeeds are fixed forever (MethodVersion): the splitmix64
// sequence from a constant.
var permutationSeeds = func() (s [minhashPermutations]uint64) {
	x := uint64(0x6f70656e6c656467) // "openledg"
	for i := range s {
		x += 0x9e3779b97f4a7c15
		s[i] = mix64(x)
	}
	return s
}()

// tokenHashes writes the per-permutation hashes of one token.
func tokenHashes(h uint64, out *signature) {
	for i, seed := range permutationSeeds {
		out[i] = mix64(h ^ seed)
	}
}

func emptySignature() signature {
	var s signature
	for i := range s {
		s[i] = ^uint64(0)
	}
	return s
}

// minInto lowers sig to the element-wise minimum of sig and other.
func (sig *signature) minInto(other *signature) {
	for i, v := range other {
		if v < sig[i] {
			sig[i] = v
		}
	}
}

// bandKey hashes band b of the signature into one key; the band number is
// mixed in so equal values in different bands do not collide.
func (sig *signature) bandKey(b int) uint64 {
	h := mix64(uint64(b) + 0x51ed270b27a9c3f1)
	for _, v := range sig[b*lshRows : (b+1)*lshRows] {
		h = mix64(h ^ v)
	}
	return h
}

// blockSignatures returns the signature of every consecutive block of
// blockSize tokens (the last may be shorter).
func blockSignatures(tokens []contentToken, blockSize int) []signature {
	blocks := make([]signature, 0, (len(tokens)+blockSize-1)/blockSize)
	var th signature
	for start := 0; start < len(tokens); start += blockSize {
		end := min(start+blockSize, len(tokens))
		sig := emptySignature()
		for _, t := range tokens[start:end] {
			tokenHashes(t.hash, &th)
			sig.minInto(&th)
		}
		blocks = append(blocks, sig)
	}
	return blocks
}
