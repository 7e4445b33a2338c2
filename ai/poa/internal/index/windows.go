package index

import (
	"encoding/binary"
	"sort"
)

// Paraphrase lookups: a term's postings in the BM25 term index, and the
// windows of a contribution, which a query scores against the output.

// Term returns the number of covered windows holding the term key and the
// byte range of its postings (ok false when no window holds it).
func (ix *Index) Term(key uint64) (df int, lo, hi int, ok bool) {
	p := int(key >> 48)
	l, h := int(ix.termPrefix[p]), int(ix.termPrefix[p+1])
	for l < h {
		mid := int(uint(l+h) >> 1)
		if ix.termKey(mid) < key {
			l = mid + 1
		} else {
			h = mid
		}
	}
	if l == int(ix.termPrefix[p+1]) || ix.termKey(l) != key {
		return 0, 0, 0, false
	}
	if l > 0 {
		lo = ix.termEnd(l - 1)
	}
	hi = ix.termEnd(l)
	ix.terms.ensure(l*termEntryBytes+12, 4)
	df = int(binary.LittleEndian.Uint32(ix.terms.data[l*termEntryBytes+12:]))
	if lo >= hi || hi > len(ix.postings.data) || df < 1 || int64(df) > ix.Manifest.Counts.TermWindows {
		panic(ix.terms.corrupt("term %d: postings [%d, %d) in %d bytes, %d windows", l, lo, hi, len(ix.postings.data), df))
	}
	return df, lo, hi, true
}

func (ix *Index) termKey(j int) uint64 {
	ix.terms.ensure(j*termEntryBytes, 8)
	return binary.LittleEndian.Uint64(ix.terms.data[j*termEntryBytes:])
}

func (ix *Index) termEnd(j int) int {
	ix.terms.ensure(j*termEntryBytes+8, 4)
	return int(binary.LittleEndian.Uint32(ix.terms.data[j*termEntryBytes+8:]))
}

// Posting is a covered window holding a term TF times (at most 15).
type Posting struct {
	Window int
	TF     int
}

// AppendPostings decodes the postings in bytes [lo, hi) of postings.bin,
// which must hold df of them (Term's answer), appending them to dst.
func (ix *Index) AppendPostings(dst []Posting, df, lo, hi int) []Posting {
	ix.postings.ensure(lo, hi-lo)
	data := ix.postings.data[lo:hi]
	window := 0
	for n := 0; n < df; n++ {
		v, size := binary.Uvarint(data)
		if size <= 0 {
			panic(ix.postings.corrupt("postings at byte %d end early", lo))
		}
		data = data[size:]
		delta, tf := int(v>>tfBits), int(v&maxTF)
		next := delta
		if n > 0 {
			next = window + delta
		}
		if (n > 0 && delta == 0) || tf == 0 || next >= int(ix.Manifest.Counts.Windows) {
			panic(ix.postings.corrupt("posting %d at byte %d names window %d (tf %d) after %d", n, lo, next, tf, window))
		}
		window = next
		dst = append(dst, Posting{window, tf})
	}
	if len(data) != 0 {
		panic(ix.postings.corrupt("postings at byte %d hold more than %d entries", lo, df))
	}
	return dst
}

// WindowAt returns the window of text position pos: the last window of
// its contribution starting at or before pos.
func (ix *Index) WindowAt(pos int) (int, bool) {
	doc := ix.DocAt(pos)
	first, end := int(ix.docWindows[doc]), int(ix.docWindows[doc+1])
	if first == end {
		return 0, false // too few content words for a window
	}
	w := first + sort.Search(end-first, func(i int) bool {
		s, _ := ix.windowSpan(first + i)
		return s > pos
	}) - 1
	return max(w, first), true
}

// windowSpan returns window w's text range.
func (ix *Index) windowSpan(w int) (int, int) {
	start, end := int(ix.windows.u32(2*w)), int(ix.windows.u32(2*w+1))
	if start >= end || end > len(ix.text.data) {
		panic(ix.windows.corrupt("window %d has range [%d, %d)", w, start, end))
	}
	return start, end
}

// WindowNeighbourhood returns the contribution of window w and the text
// range covering w and its neighbours in the same contribution: a reworded
// passage may straddle two windows.
func (ix *Index) WindowNeighbourhood(w int) (doc, start, end int) {
	start, end = ix.windowSpan(w)
	doc = ix.DocAt(start)
	if w > 0 {
		if s, _ := ix.windowSpan(w - 1); ix.DocAt(s) == doc {
			start = s
		}
	}
	if w+1 < int(ix.Manifest.Counts.Windows) {
		if s, e := ix.windowSpan(w + 1); ix.DocAt(s) == doc {
			end = e
		}
	}
	return doc, start, end
}

// TextRange returns the verified text bytes [start, end).
func (ix *Index) TextRange(start, end int) []byte {
	ix.text.ensure(start, end-start)
	return ix.text.data[start:end]
}
