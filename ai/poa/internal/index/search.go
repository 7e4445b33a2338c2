package index

import (
	"encoding/binary"
	"math/bits"
	"unicode/utf8"

	"github.com/openledger/openledger/ai/poa/internal/textnorm"
)

// Suffix-array search over one index. The array holds only suffixes that
// start a word, so every match found here starts on a word boundary in the
// corpus. Binary searches start inside the 2-byte prefix bucket and skip
// the bytes both search bounds already share with the pattern (Manber &
// Myers' lcp trick), so a probe mostly compares new bytes.

// SuffixAt returns the text position of suffix-array entry i.
func (ix *Index) SuffixAt(i int) int {
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

// LongestMatch returns the length of the longest prefix of q that occurs
// at a word start in the index. The longest common prefix with any suffix
// is found at a neighbour of q's insertion point, and both neighbours are
// probed by the binary search.
func (ix *Index) LongestMatch(q []byte) int {
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

// RangeOf returns the suffix-array range [lo, hi) of word-start suffixes
// that begin with pattern.
func (ix *Index) RangeOf(pattern []byte) (int, int) {
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

// searchState is a binary search in progress over [lo, hi), with the
// longest common prefixes of q with the entries just outside (lcpLo with
// lo-1, lcpHi with hi) and with any entry compared (best).
type searchState struct {
	lo, hi, lcpLo, lcpHi, best int
	upper                      bool
}

// newSearch starts a search over [lo, hi), a range whose suffixes all share
// q's first two bytes, for the first suffix not sorting before q (or, with
// upper, the first sorting after every extension of q).
func newSearch(lo, hi int, upper bool) *searchState {
	const known = 2
	return &searchState{lo: lo, hi: hi, lcpLo: known, lcpHi: known, best: known, upper: upper}
}

func (st *searchState) goRight(c int) bool { return c > 0 || st.upper && c == 0 }

// narrow runs the search over the in-memory samples (every sampleEvery-th
// entry, whose first sampleKeyBytes bytes are kept), touching the mapped
// files only when a sample's key ties with q. Afterwards the answer lies in
// [lo, hi], at most sampleEvery-1 entries apart.
func (ix *Index) narrow(q []byte, st *searchState) {
	kLo, kHi := (st.lo+sampleEvery-1)/sampleEvery, (st.hi+sampleEvery-1)/sampleEvery
	for kLo < kHi {
		k := int(uint(kLo+kHi) >> 1)
		skip := min(st.lcpLo, st.lcpHi)
		l, c, decided := ix.compareSample(k, q, skip)
		if !decided {
			l, c = ix.compareAt(ix.SuffixAt(k*sampleEvery), q, skip)
		}
		st.best = max(st.best, l)
		if st.goRight(c) {
			kLo, st.lo, st.lcpLo = k+1, k*sampleEvery+1, l
		} else {
			kHi, st.hi, st.lcpHi = k, k*sampleEvery, l
		}
	}
}

// finish completes the search over the entries left, reading them.
func (ix *Index) finish(q []byte, st *searchState) int {
	for st.lo < st.hi {
		mid := int(uint(st.lo+st.hi) >> 1)
		l, c := ix.compareAt(ix.SuffixAt(mid), q, min(st.lcpLo, st.lcpHi))
		st.best = max(st.best, l)
		if st.goRight(c) {
			st.lo, st.lcpLo = mid+1, l
		} else {
			st.hi, st.lcpHi = mid, l
		}
	}
	return st.lo
}

// bound runs a whole search and returns its answer and the longest common
// prefix of q with any suffix compared.
func (ix *Index) bound(q []byte, lo, hi int, upper bool) (int, int) {
	st := newSearch(lo, hi, upper)
	ix.narrow(q, st)
	pos := ix.finish(q, st)
	return pos, st.best
}

// CountInterval bounds the number of word-start suffixes beginning with
// pattern using the in-memory samples only: the count lies in [lo, hi].
func (ix *Index) CountInterval(pattern []byte) (int, int) {
	if len(pattern) == 0 {
		return 0, 0
	}
	lo, hi := ix.bucket(pattern)
	if lo == hi || len(pattern) <= 2 {
		return hi - lo, hi - lo
	}
	first := newSearch(lo, hi, false)
	ix.narrow(pattern, first)
	last := newSearch(first.lo, hi, true)
	ix.narrow(pattern, last)
	return max(0, last.lo-first.hi), last.hi - first.lo
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

// WordContinuesAt reports whether a word character starts at text
// position p (so a match ending at p ends inside a corpus word).
func (ix *Index) WordContinuesAt(p int) bool {
	n := min(utf8.UTFMax, len(ix.text.data)-p)
	ix.text.ensure(p, n)
	isWord, _ := textnorm.WordRuneAt(ix.text.data[p:p+n], 0)
	return isWord
}
