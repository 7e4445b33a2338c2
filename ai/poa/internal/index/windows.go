package index

import (
	"encoding/binary"
	"sort"
)

// Paraphrase lookups: the LSH postings of a band key, and the windows of a
// contribution, which a query scores against the output.

// Postings returns the range of LSH entries with key.
func (ix *Index) Postings(key uint64) (int, int) {
	p := int(key >> 48)
	lo, hi := int(ix.lshPrefix[p]), int(ix.lshPrefix[p+1])
	l, h := lo, hi
	for l < h {
		mid := int(uint(l+h) >> 1)
		if ix.postingKey(mid) < key {
			l = mid + 1
		} else {
			h = mid
		}
	}
	first := l
	for h = hi; l < h; {
		mid := int(uint(l+h) >> 1)
		if ix.postingKey(mid) <= key {
			l = mid + 1
		} else {
			h = mid
		}
	}
	return first, l
}

func (ix *Index) postingKey(j int) uint64 {
	ix.lsh.ensure(j*lshEntryBytes, 8)
	return binary.LittleEndian.Uint64(ix.lsh.data[j*lshEntryBytes:])
}

// PostingWindow returns the window of LSH entry j.
func (ix *Index) PostingWindow(j int) int {
	ix.lsh.ensure(j*lshEntryBytes+8, 4)
	w := int(binary.LittleEndian.Uint32(ix.lsh.data[j*lshEntryBytes+8:]))
	if w >= int(ix.Manifest.Counts.Windows) {
		panic(ix.lsh.corrupt("entry %d names window %d of %d", j, w, ix.Manifest.Counts.Windows))
	}
	return w
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
