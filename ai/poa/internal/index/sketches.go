package index

import (
	"cmp"
	"encoding/binary"
	"io"
	"slices"

	"github.com/openledger/openledger/ai/poa/internal/textnorm"
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

// sketchBuilder cuts every contribution's content tokens into windows of
// windowTokens tokens overlapping by half, MinHashes each window and
// indexes its LSH band keys. Contributions are added in order, while the
// input is still being read.
type sketchBuilder struct {
	sk      sketches
	words   []textnorm.Span
	tokens  []textnorm.ContentToken
	stemBuf []byte
}

// addDoc sketches one contribution, doc, which starts at text offset start.
func (b *sketchBuilder) addDoc(doc []byte, start int) {
	sk := &b.sk
	sk.docWindows = append(sk.docWindows, uint32(len(sk.windows)/2))
	b.words = b.words[:0]
	textnorm.ForEachWord(doc, func(s, e int) { b.words = append(b.words, textnorm.Span{Start: s, End: e}) })
	b.tokens, b.stemBuf = textnorm.AppendContentTokens(b.tokens[:0], doc, b.words, 0, b.stemBuf)
	if len(b.tokens) < MinWindowTokens {
		return
	}
	blocks := BlockSignatures(b.tokens, corpusWindowStride)
	windows := max(1, len(blocks)-1)
	for j := 0; j < windows; j++ {
		sig := blocks[j]
		if j+1 < len(blocks) {
			sig.MinInto(&blocks[j+1])
		}
		first := j * corpusWindowStride
		last := min((j+2)*corpusWindowStride, len(b.tokens)) - 1
		id := uint32(len(sk.windows) / 2)
		sk.windows = append(sk.windows,
			uint32(start+b.words[b.tokens[first].Word].Start),
			uint32(start+b.words[b.tokens[last].Word].End))
		for band := 0; band < LSHBands; band++ {
			sk.postings = append(sk.postings, lshPosting{sig.BandKey(band), id})
		}
	}
}

// finish sorts the postings: a counting pass on the top 16 bits of the key
// (which is also the bucket table), then each small bucket by key and
// window.
func (b *sketchBuilder) finish() *sketches {
	sk := &b.sk
	sk.docWindows = append(sk.docWindows, uint32(len(sk.windows)/2))
	sk.prefix = make([]uint32, prefixTableEntries)
	for _, p := range sk.postings {
		sk.prefix[p.key>>48+1]++
	}
	for i := 1; i < len(sk.prefix); i++ {
		sk.prefix[i] += sk.prefix[i-1]
	}
	sorted := make([]lshPosting, len(sk.postings))
	next := slices.Clone(sk.prefix[:len(sk.prefix)-1])
	for _, p := range sk.postings {
		bucket := p.key >> 48
		sorted[next[bucket]] = p
		next[bucket]++
	}
	for i := 0; i+1 < len(sk.prefix); i++ {
		slices.SortFunc(sorted[sk.prefix[i]:sk.prefix[i+1]], func(a, b lshPosting) int {
			if c := cmp.Compare(a.key, b.key); c != 0 {
				return c
			}
			return cmp.Compare(a.window, b.window)
		})
	}
	sk.postings = sorted
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
