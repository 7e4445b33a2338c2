package index

import (
	"cmp"
	"encoding/binary"
	"io"
	"slices"

	"github.com/openledger/openledger/ai/poa/internal/textnorm"
)

// Paraphrase part of an index: every contribution's content tokens are cut
// into windows of windowTokens tokens overlapping by half (the units a
// query scores against), and a BM25 term index over the windows' content
// tokens finds candidates. The term index covers every other window of a
// contribution (the first, third, …) and its last one, so the windows it
// covers tile the contribution and each token is indexed about once.

// termPosting says that a covered window holds a term tf times.
type termPosting struct {
	key    uint64
	window uint32
	tf     uint32
}

// sketches are the paraphrase part of an index.
type sketches struct {
	windows []uint32 // start, end pairs in text
	// docWindows[d] is contribution d's first window; the last entry is
	// the number of windows.
	docWindows []uint32
	postings   []termPosting
	units      int64 // windows covered by the term index

	// Built by finish.
	terms        []byte // termEntryBytes per term
	termPrefix   []uint32
	postingData  []byte
	termCount    int64
	postingCount int64
}

// sketchBuilder builds the sketches. Contributions are added in order,
// while the input is still being read.
type sketchBuilder struct {
	sk      sketches
	words   []textnorm.Span
	tokens  []textnorm.ContentToken
	stemBuf []byte
	keys    []uint64
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
	blocks := (len(b.tokens) + corpusWindowStride - 1) / corpusWindowStride
	windows := max(1, blocks-1)
	for j := 0; j < windows; j++ {
		first := j * corpusWindowStride
		last := min((j+2)*corpusWindowStride, len(b.tokens)) - 1
		id := uint32(len(sk.windows) / 2)
		sk.windows = append(sk.windows,
			uint32(start+b.words[b.tokens[first].Word].Start),
			uint32(start+b.words[b.tokens[last].Word].End))
		if j%2 == 0 || j == windows-1 {
			b.addUnit(id, b.tokens[first:last+1])
		}
	}
}

// addUnit adds the term postings of one covered window.
func (b *sketchBuilder) addUnit(window uint32, tokens []textnorm.ContentToken) {
	b.keys = b.keys[:0]
	for _, t := range tokens {
		b.keys = append(b.keys, t.Hash)
	}
	slices.Sort(b.keys)
	for i := 0; i < len(b.keys); {
		j := i + 1
		for j < len(b.keys) && b.keys[j] == b.keys[i] {
			j++
		}
		b.sk.postings = append(b.sk.postings, termPosting{b.keys[i], window, uint32(j - i)})
		i = j
	}
	b.sk.units++
}

// finish sorts the postings by term then window (a counting pass on the
// top 16 bits of the key, which is also the bucket table, then each small
// bucket) and encodes the term table and the posting lists.
func (b *sketchBuilder) finish() *sketches {
	sk := &b.sk
	sk.docWindows = append(sk.docWindows, uint32(len(sk.windows)/2))
	counts := make([]uint32, prefixTableEntries)
	for _, p := range sk.postings {
		counts[p.key>>48+1]++
	}
	for i := 1; i < len(counts); i++ {
		counts[i] += counts[i-1]
	}
	sorted := make([]termPosting, len(sk.postings))
	next := slices.Clone(counts[:len(counts)-1])
	for _, p := range sk.postings {
		bucket := p.key >> 48
		sorted[next[bucket]] = p
		next[bucket]++
	}
	for i := 0; i+1 < len(counts); i++ {
		slices.SortFunc(sorted[counts[i]:counts[i+1]], func(a, b termPosting) int {
			if c := cmp.Compare(a.key, b.key); c != 0 {
				return c
			}
			return cmp.Compare(a.window, b.window)
		})
	}
	sk.postings = nil
	sk.postingCount = int64(len(sorted))
	sk.termPrefix = make([]uint32, prefixTableEntries)
	data := make([]byte, 0, 2*len(sorted))
	for i := 0; i < len(sorted); {
		key := sorted[i].key
		j := i
		prev := uint32(0)
		for ; j < len(sorted) && sorted[j].key == key; j++ {
			data = binary.AppendUvarint(data, uint64(sorted[j].window-prev)<<tfBits|uint64(min(sorted[j].tf, maxTF)))
			prev = sorted[j].window
		}
		sk.terms = binary.LittleEndian.AppendUint64(sk.terms, key)
		sk.terms = binary.LittleEndian.AppendUint32(sk.terms, uint32(len(data)))
		sk.terms = binary.LittleEndian.AppendUint32(sk.terms, uint32(j-i))
		sk.termPrefix[key>>48+1]++
		sk.termCount++
		i = j
	}
	for i := 1; i < len(sk.termPrefix); i++ {
		sk.termPrefix[i] += sk.termPrefix[i-1]
	}
	sk.postingData = data
	return sk
}

func writeBytes(w io.Writer, b []byte) error {
	_, err := w.Write(b)
	return err
}
