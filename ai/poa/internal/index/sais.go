package index

import (
	"fmt"
	"math"
)

// MaxShardBytes is the largest corpus one index shard can hold: suffix array
// entries and all offsets are int32/uint32, which keeps the on-disk arrays at
// four bytes per entry. Bigger Datanets are split into several indexes and
// queried together.
const MaxShardBytes = math.MaxInt32

// BuildSuffixArray fills sa, which must have len(text) entries, with the
// suffix array of text: sa[i] is the start of the i-th smallest suffix in
// byte order. It runs SA-IS (Nong, Zhang & Chan 2009), linear in time, with
// the reduced problem kept inside sa itself so the extra memory is one bit
// per byte plus the recursion's buckets.
func BuildSuffixArray(text []byte, sa []int32) error {
	if len(text) > MaxShardBytes {
		return fmt.Errorf("corpus of %d bytes exceeds the %d-byte limit of one index shard", len(text), MaxShardBytes)
	}
	if len(sa) != len(text) {
		return fmt.Errorf("suffix array has %d entries for %d bytes of text", len(sa), len(text))
	}
	if len(text) == 0 {
		return nil
	}
	sais(text, sa, 256)
	return nil
}

type symbol interface{ ~byte | ~int32 }

// typeBits records, for every position, whether its suffix is S-type
// (smaller than the suffix that follows it).
type typeBits []uint64

func newTypeBits(n int) typeBits { return make(typeBits, (n+63)/64) }

func (b typeBits) isS(i int) bool { return b[i>>6]>>(uint(i)&63)&1 != 0 }
func (b typeBits) setS(i int)     { b[i>>6] |= 1 << (uint(i) & 63) }

// isLMS reports whether i is a leftmost S-type position.
func (b typeBits) isLMS(i int) bool { return i > 0 && b.isS(i) && !b.isS(i-1) }

// sais sorts the suffixes of text (symbols in [0, k)) into sa. A virtual
// sentinel, smaller than every symbol, ends the text.
func sais[T symbol](text []T, sa []int32, k int) {
	n := len(text)
	if n == 1 {
		sa[0] = 0
		return
	}
	types := newTypeBits(n)
	// text[n-1] is L-type: the sentinel after it is smaller.
	for i := n - 2; i >= 0; i-- {
		if text[i] < text[i+1] || (text[i] == text[i+1] && types.isS(i+1)) {
			types.setS(i)
		}
	}
	counts := make([]int32, k)
	for _, c := range text {
		counts[int(c)]++
	}
	bucket := make([]int32, k)

	// Stage 1: sort the LMS substrings by inducing from unsorted LMS suffixes.
	for i := range sa {
		sa[i] = -1
	}
	bucketTails(counts, bucket)
	for i := 1; i < n; i++ {
		if types.isLMS(i) {
			c := int(text[i])
			bucket[c]--
			sa[bucket[c]] = int32(i)
		}
	}
	induceL(text, sa, types, counts, bucket)
	induceS(text, sa, types, counts, bucket)

	// Gather the sorted LMS positions at the front of sa.
	lmsCount := 0
	for i := 0; i < n; i++ {
		if p := int(sa[i]); p > 0 && types.isLMS(p) {
			sa[lmsCount] = int32(p)
			lmsCount++
		}
	}
	// Name the LMS substrings; equal substrings share a name. LMS positions
	// are at least two apart, so name of p can live at sa[lmsCount+p/2].
	for i := lmsCount; i < n; i++ {
		sa[i] = -1
	}
	names := int32(0)
	prev := -1
	for i := 0; i < lmsCount; i++ {
		p := int(sa[i])
		if prev < 0 || !equalLMSSubstrings(text, types, prev, p) {
			names++
		}
		prev = p
		sa[lmsCount+p/2] = names - 1
	}
	// Pack the names, in text order, into the tail of sa: that is the
	// reduced string.
	j := n - 1
	for i := n - 1; i >= lmsCount; i-- {
		if sa[i] >= 0 {
			sa[j] = sa[i]
			j--
		}
	}

	// Stage 2: sort the LMS suffixes, recursively when names repeat.
	reduced := sa[n-lmsCount:]
	reducedSA := sa[:lmsCount]
	if int(names) < lmsCount {
		sais(reduced, reducedSA, int(names))
	} else {
		for i := 0; i < lmsCount; i++ {
			reducedSA[reduced[i]] = int32(i)
		}
	}
	// Turn ranks of the reduced string back into text positions.
	j = 0
	for i := 1; i < n; i++ {
		if types.isLMS(i) {
			reduced[j] = int32(i)
			j++
		}
	}
	for i := 0; i < lmsCount; i++ {
		reducedSA[i] = reduced[reducedSA[i]]
	}
	for i := lmsCount; i < n; i++ {
		sa[i] = -1
	}

	// Stage 3: place the sorted LMS suffixes at their bucket tails (from the
	// largest, so nothing is overwritten before it is read) and induce.
	bucketTails(counts, bucket)
	for i := lmsCount - 1; i >= 0; i-- {
		p := sa[i]
		sa[i] = -1
		c := int(text[p])
		bucket[c]--
		sa[bucket[c]] = p
	}
	induceL(text, sa, types, counts, bucket)
	induceS(text, sa, types, counts, bucket)
}

func bucketHeads(counts, bucket []int32) {
	sum := int32(0)
	for c, n := range counts {
		bucket[c] = sum
		sum += n
	}
}

func bucketTails(counts, bucket []int32) {
	sum := int32(0)
	for c, n := range counts {
		sum += n
		bucket[c] = sum
	}
}

// induceL places L-type suffixes left to right from the suffixes already in
// sa, starting with the last suffix (which follows the virtual sentinel).
func induceL[T symbol](text []T, sa []int32, types typeBits, counts, bucket []int32) {
	n := len(text)
	bucketHeads(counts, bucket)
	c := int(text[n-1])
	sa[bucket[c]] = int32(n - 1)
	bucket[c]++
	for i := 0; i < n; i++ {
		p := sa[i]
		if p <= 0 {
			continue
		}
		j := int(p) - 1
		if !types.isS(j) {
			c := int(text[j])
			sa[bucket[c]] = int32(j)
			bucket[c]++
		}
	}
}

// induceS places S-type suffixes right to left.
func induceS[T symbol](text []T, sa []int32, types typeBits, counts, bucket []int32) {
	bucketTails(counts, bucket)
	for i := len(text) - 1; i >= 0; i-- {
		p := sa[i]
		if p <= 0 {
			continue
		}
		j := int(p) - 1
		if types.isS(j) {
			c := int(text[j])
			bucket[c]--
			sa[bucket[c]] = int32(j)
		}
	}
}

// equalLMSSubstrings compares the LMS substrings starting at p and q (each
// runs to the next LMS position inclusive). The one reaching the sentinel is
// unique.
func equalLMSSubstrings[T symbol](text []T, types typeBits, p, q int) bool {
	n := len(text)
	for d := 0; ; d++ {
		pi, qi := p+d, q+d
		if pi == n || qi == n {
			return false
		}
		if text[pi] != text[qi] || types.isS(pi) != types.isS(qi) {
			return false
		}
		if d > 0 {
			lp, lq := types.isLMS(pi), types.isLMS(qi)
			if lp || lq {
				return lp && lq
			}
		}
	}
}
