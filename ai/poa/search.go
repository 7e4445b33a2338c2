package poa

import (
	"encoding/binary"
	"math/bits"
)

// Suffix-array search over one index. The array holds only suffixes that
// start a word, so every match found here starts on a word boundary in the
// corpus. Binary searches start inside the 2-byte prefix bucket and skip
// the bytes both search bounds already share with the pattern (Manber &
// Myers' lcp trick), so a probe mostly compares new bytes.

// saAt returns the text position of suffix-array entry i.
func (ix *Index) saAt(i int) int {
	p := int(ix.sa.u32(i))
	if p >= len(ix.text.data)-1 {
		panic(ix.sa.corrupt("entry %d points past the text", i))
	}
	return p
}

// compareAt compares q with the suffix at text position p, of which the
// first skip bytes are known to equal q's. It returns the length of their
// common prefix and the order: -1 if q sorts before the suffix, 0 if the
// suffix starts with q, +1 if q sorts after it.
func (ix *Index) compareAt(p int, q []byte, skip int) (int, int) {
	i := skip
	for i < len(q) {
		chunk := ix.text.chunk(p + i)
		n := min(len(chunk), len(q)-i)
		k := commonPrefix(chunk[:n], q[i:i+n])
		i += k
		if k < n {
			if q[i] < chunk[k] {
				return i, -1
			}
			return i, 1
		}
	}
	return len(q), 0
}

// commonPrefix returns the length of the common prefix of a and b
// (len(a) == len(b)), eight bytes at a time.
func commonPrefix(a, b []byte) int {
	i := 0
	for ; i+8 <= len(a); i += 8 {
		if x := binary.LittleEndian.Uint64(a[i:]) ^ binary.LittleEndian.Uint64(b[i:]); x != 0 {
			return i + bits.TrailingZeros64(x)/8
		}
	}
	for ; i < len(a) && a[i] == b[i]; i++ {
	}
	return i
}

// bucket returns the suffix-array range of suffixes sharing q's first two
// bytes (or its first byte when q is one byte long).
func (ix *Index) bucket(q []byte) (int, int) {
	if len(q) >= 2 {
		p := int(q[0])<<8 | int(q[1])
		return int(ix.prefix[p]), int(ix.prefix[p+1])
	}
	p := int(q[0]) << 8
	return int(ix.prefix[p]), int(ix.prefix[p+256])
}

// longestMatch returns the length of the longest prefix of q that occurs
// at a word start in the index. The longest common prefix with any suffix
// is found at a neighbour of q's insertion point, and both neighbours are
// probed by the binary search.
func (ix *Index) longestMatch(q []byte) int {
	if len(q) == 0 {
		return 0
	}
	if lo, hi := ix.bucket(q[:1]); lo == hi {
		return 0
	}
	if len(q) == 1 {
		return 1
	}
	lo, hi := ix.bucket(q)
	if lo == hi {
		return 1
	}
	_, best := ix.bound(q, lo, hi, false)
	return best
}

// rangeOf returns the suffix-array range [lo, hi) of word-start suffixes
// that begin with pattern.
func (ix *Index) rangeOf(pattern []byte) (int, int) {
	if len(pattern) == 0 {
		return 0, 0
	}
	lo, hi := ix.bucket(pattern)
	if lo == hi || len(pattern) <= 2 {
		return lo, hi
	}
	first, _ := ix.bound(pattern, lo, hi, false)
	last, _ := ix.bound(pattern, first, hi, true)
	return first, last
}

// bound binary-searches [lo, hi), a range whose suffixes all share q's
// first two bytes, for the first suffix not sorting before q (or, with
// upper, the first sorting after every extension of q). It also returns
// the longest common prefix of q with any suffix it compared.
//
// The search runs first over the in-memory samples (every sampleEvery-th
// entry, whose first sampleKeyBytes bytes are kept), touching the mapped
// files only when a sample's key ties with q; then over the at most
// sampleEvery-1 entries left between two samples.
func (ix *Index) bound(q []byte, lo, hi int, upper bool) (int, int) {
	const known = 2
	lcpLo, lcpHi, best := known, known, known
	goRight := func(c int) bool { return c > 0 || upper && c == 0 }
	kLo, kHi := (lo+sampleEvery-1)/sampleEvery, (hi+sampleEvery-1)/sampleEvery
	for kLo < kHi {
		k := int(uint(kLo+kHi) >> 1)
		skip := min(lcpLo, lcpHi)
		l, c, decided := ix.compareSample(k, q, skip)
		if !decided {
			l, c = ix.compareAt(ix.saAt(k*sampleEvery), q, skip)
		}
		best = max(best, l)
		if goRight(c) {
			kLo, lo, lcpLo = k+1, k*sampleEvery+1, l
		} else {
			kHi, hi, lcpHi = k, k*sampleEvery, l
		}
	}
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		l, c := ix.compareAt(ix.saAt(mid), q, min(lcpLo, lcpHi))
		best = max(best, l)
		if goRight(c) {
			lo, lcpLo = mid+1, l
		} else {
			hi, lcpHi = mid, l
		}
	}
	return lo, best
}

// compareSample compares q with sample k's key, the first sampleKeyBytes
// bytes of its suffix. It reports false when the key cannot settle the
// order (q is longer and the key is all prefix of q).
func (ix *Index) compareSample(k int, q []byte, skip int) (int, int, bool) {
	key := ix.samples[k*sampleKeyBytes : (k+1)*sampleKeyBytes]
	n := min(len(q), sampleKeyBytes)
	if skip < n {
		l := skip + commonPrefix(key[skip:n], q[skip:n])
		if l < n {
			if q[l] < key[l] {
				return l, -1, true
			}
			return l, 1, true
		}
	}
	if len(q) <= sampleKeyBytes {
		return len(q), 0, true
	}
	return 0, 0, false
}
