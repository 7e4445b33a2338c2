package poa

import (
	"cmp"
	"encoding/binary"
	"io"
	"slices"
)

// lshPosting says that window has band key key.
type lshPosting struct {
	key    uint64
	window uint32
}

// sketches are the paraphrase part of an index.
type sketches struct {
	windows []uint32 // start, end pairs in text
	// docWindows[d] is contribution d's first window; the last entry is
	// the number of windows.
	docWindows []uint32
	postings   []lshPosting
	prefix     []uint32
}

// buildSketches cuts every contribution's content tokens into windows of
// windowTokens tokens overlapping by half, MinHashes each window and
// indexes its LSH band keys.
func buildSketches(text []byte, docStarts []uint32) *sketches {
	sk := &sketches{}
	var words []Span
	var tokens []contentToken
	var stemBuf []byte
	for d := 0; d+1 < len(docStarts); d++ {
		sk.docWindows = append(sk.docWindows, uint32(len(sk.windows)/2))
		start := int(docStarts[d])
		doc := text[start : int(docStarts[d+1])-1]
		words = words[:0]
		forEachWord(doc, func(s, e int) { words = append(words, Span{s, e}) })
		tokens, stemBuf = appendContentTokens(tokens[:0], doc, words, 0, stemBuf)
		if len(tokens) < minWindowTokens {
			continue
		}
		blocks := blockSignatures(tokens, corpusWindowStride)
		windows := max(1, len(blocks)-1)
		for j := 0; j < windows; j++ {
			sig := blocks[j]
			if j+1 < len(blocks) {
				sig.minInto(&blocks[j+1])
			}
			first := j * corpusWindowStride
			last := min((j+2)*corpusWindowStride, len(tokens)) - 1
			id := uint32(len(sk.windows) / 2)
			sk.windows = append(sk.windows,
				uint32(start+words[tokens[first].word].Start),
				uint32(start+words[tokens[last].word].End))
			for b := 0; b < lshBands; b++ {
				sk.postings = append(sk.postings, lshPosting{sig.bandKey(b), id})
			}
		}
	}
	sk.docWindows = append(sk.docWindows, uint32(len(sk.windows)/2))
	slices.SortFunc(sk.postings, func(a, b lshPosting) int {
		if c := cmp.Compare(a.key, b.key); c != 0 {
			return c
		}
		return cmp.Compare(a.window, b.window)
	})
	sk.prefix = make([]uint32, prefixTableEntries)
	for _, p := range sk.postings {
		sk.prefix[p.key>>48+1]++
	}
	for i := 1; i < len(sk.prefix); i++ {
		sk.prefix[i] += sk.prefix[i-1]
	}
	return sk
}

func writePostings(w io.Writer, postings []lshPosting) error {
	buf := make([]byte, 0, lshEntryBytes*encodeChunk)
	for len(postings) > 0 {
		n := min(len(postings), encodeChunk)
		buf = buf[:0]
		for _, p := range postings[:n] {
			buf = binary.LittleEndian.AppendUint64(buf, p.key)
			buf = binary.LittleEndian.AppendUint32(buf, p.window)
		}
		if _, err := w.Write(buf); err != nil {
			return err
		}
		postings = postings[n:]
	}
	return nil
}
