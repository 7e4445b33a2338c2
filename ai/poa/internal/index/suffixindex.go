package index

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/openledger/openledger/ai/poa/internal/textnorm"
)

// buildWordSuffixArray sorts the suffixes of text that start a word, in
// byte order, without sorting the other suffixes at all.
//
// Cut the text at word starts into tokens, and extend every token by the
// first character of the token after it: t'_i = text[w_i : w_{i+1} + len
// of the rune at w_{i+1}]. Each token is a word, the non-word characters
// after it, then one word character, so no extended token is a proper
// prefix of another (the word character cannot continue a run of non-word
// characters, and UTF-8 is prefix-free). Comparing two word-start
// suffixes byte by byte is then the same as comparing their sequences of
// extended tokens, token by token in byte order. So: rank the distinct
// extended tokens in byte order, write the text as a sequence of ranks
// (one per word) and sort that sequence's suffixes with SA-IS. The work
// is linear in the number of words plus sorting the vocabulary, and the
// arrays are a fifth of a byte-level suffix array's. The result equals
// the byte-level suffix array filtered to word starts (tested).
func buildWordSuffixArray(text []byte) ([]int32, []uint32, error) {
	var w wordSorter
	w.addText(text, 0, len(text))
	return w.finish(text)
}

// wordSorter names the extended tokens of a corpus as it is read, then
// sorts. Text is added in order; every call sees the whole text so far.
type wordSorter struct {
	starts []int32
	names  []int32
	vocab  tokenVocabulary
}

// addText adds the words of text[start:end]. The last word seen so far is
// named only when the next one (or the end) is known.
func (w *wordSorter) addText(text []byte, start, end int) {
	textnorm.ForEachWord(text[start:end], func(s, _ int) {
		w.starts = append(w.starts, int32(start+s))
		if n := len(w.starts); n >= 2 {
			w.name(text, n-2)
		}
	})
}

// name names word i's extended token.
func (w *wordSorter) name(text []byte, i int) {
	w.names = append(w.names, w.vocab.name(text[w.starts[i]:extendedTokenEnd(text, w.starts, i)]))
}

// finish names the last word, ranks the vocabulary in byte order, and
// sorts the sequence of ranks with SA-IS.
func (w *wordSorter) finish(text []byte) ([]int32, []uint32, error) {
	if len(text) > MaxShardBytes {
		return nil, nil, fmt.Errorf("corpus of %d bytes exceeds the %d-byte limit of one index shard", len(text), MaxShardBytes)
	}
	if len(w.starts) == 0 {
		return nil, prefixTable(text, nil), nil
	}
	w.name(text, len(w.starts)-1)
	rank, alphabet := w.vocab.ranks()
	w.vocab = tokenVocabulary{}
	names := w.names
	for i, name := range names {
		names[i] = rank[name]
	}
	// Nothing reads rank past the loop, so it needs no clearing. names
	// still aliases w.names: clearing the field lets the array be
	// collected once sais is done with it rather than when w is.
	w.names = nil
	sa := make([]int32, len(names))
	sais(names, sa, alphabet)
	for i, word := range sa {
		sa[i] = w.starts[word]
	}
	w.starts = nil
	return sa, prefixTable(text, sa), nil
}

// tokenVocabulary names byte strings by first appearance. It keeps the
// strings in one arena and indexes them with an open-addressing table
// whose slots hold each token's hash and, for tokens of up to
// inlineTokenBytes bytes (nearly all of them), the token itself: a lookup
// is usually one cache line, confirmed byte for byte, and millions of
// tokens cost no garbage-collected objects.
type tokenVocabulary struct {
	arena   []byte
	offsets []uint32 // token n is arena[offsets[n]:offsets[n+1]]
	slots   []vocabSlot
	count   int
}

const inlineTokenBytes = 23

// vocabSlot is 32 bytes, two to a cache line.
type vocabSlot struct {
	hash   uint32
	name   int32 // name+1; 0 = empty
	length uint8
	key    [inlineTokenBytes]byte
}

func (v *tokenVocabulary) token(name int32) []byte {
	return v.arena[v.offsets[name]:v.offsets[name+1]]
}

// matches reports whether slot holds token.
func (v *tokenVocabulary) matches(slot *vocabSlot, h uint32, token []byte) bool {
	if slot.hash != h || int(slot.length) != min(len(token), 255) {
		return false
	}
	if len(token) <= inlineTokenBytes {
		return string(slot.key[:len(token)]) == string(token)
	}
	return string(v.token(slot.name-1)) == string(token)
}

func (v *tokenVocabulary) name(token []byte) int32 {
	if v.slots == nil {
		v.slots = make([]vocabSlot, 1<<16)
		v.offsets = []uint32{0}
	}
	h := hashToken(token)
	mask := uint64(len(v.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		slot := &v.slots[i]
		if slot.name == 0 {
			name := int32(v.count)
			v.count++
			v.arena = append(v.arena, token...)
			v.offsets = append(v.offsets, uint32(len(v.arena)))
			v.fill(slot, uint32(h>>32), name, token)
			if 4*v.count > 3*len(v.slots) {
				v.grow()
			}
			return name
		}
		if v.matches(slot, uint32(h>>32), token) {
			return slot.name - 1
		}
	}
}

func (v *tokenVocabulary) fill(slot *vocabSlot, h uint32, name int32, token []byte) {
	slot.hash, slot.name, slot.length = h, name+1, uint8(min(len(token), 255))
	copy(slot.key[:], token)
}

func (v *tokenVocabulary) grow() {
	old := v.slots
	v.slots = make([]vocabSlot, 2*len(old))
	mask := uint64(len(v.slots) - 1)
	for k := range old {
		if old[k].name == 0 {
			continue
		}
		token := v.token(old[k].name - 1)
		i := hashToken(token) & mask
		for v.slots[i].name != 0 {
			i = (i + 1) & mask
		}
		v.slots[i] = old[k]
	}
}

// ranks returns every name's rank in byte order of the tokens, and the
// number of tokens.
func (v *tokenVocabulary) ranks() ([]int32, int) {
	v.slots = nil
	order := make([]int32, v.count)
	for i := range order {
		order[i] = int32(i)
	}
	// Sort two halves on two cores, then merge.
	byToken := func(a, b int32) int { return bytes.Compare(v.token(a), v.token(b)) }
	half := len(order) / 2
	done := make(chan struct{})
	go func() {
		slices.SortFunc(order[:half], byToken)
		close(done)
	}()
	slices.SortFunc(order[half:], byToken)
	<-done
	merged := make([]int32, 0, len(order))
	left, right := order[:half], order[half:]
	for len(left) > 0 && len(right) > 0 {
		if byToken(left[0], right[0]) <= 0 {
			merged, left = append(merged, left[0]), left[1:]
		} else {
			merged, right = append(merged, right[0]), right[1:]
		}
	}
	order = append(append(merged, left...), right...)
	rank := make([]int32, len(order))
	for r, name := range order {
		rank[name] = int32(r)
	}
	return rank, len(order)
}

// hashToken hashes a short byte string eight bytes at a time.
func hashToken(b []byte) uint64 {
	h := uint64(len(b)) * 0x9e3779b97f4a7c15
	for ; len(b) >= 8; b = b[8:] {
		h = textnorm.Mix64(h ^ binary.LittleEndian.Uint64(b))
	}
	var tail uint64
	for i, c := range b {
		tail |= uint64(c) << (8 * i)
	}
	return textnorm.Mix64(h ^ tail)
}

// extendedTokenEnd returns the end of word i's extended token: the start
// of the next word plus the length of its first character, or the end of
// the text.
func extendedTokenEnd(text []byte, starts []int32, i int) int {
	if i+1 == len(starts) {
		return len(text)
	}
	next := int(starts[i+1])
	_, size := utf8.DecodeRune(text[next:])
	return next + size
}

// prefixTable returns, for every 2-byte prefix p, the first suffix-array
// index whose suffix starts with a prefix >= p; entry 65536 is len(sa).
// Every word start is followed by at least the document separator, so two
// bytes always exist.
func prefixTable(text []byte, sa []int32) []uint32 {
	table := make([]uint32, prefixTableEntries)
	for _, p := range sa {
		table[int(text[p])<<8|int(text[p+1])+1]++
	}
	for i := 1; i < len(table); i++ {
		table[i] += table[i-1]
	}
	return table
}

// sampleCount is the number of samples for a suffix array of n entries.
func sampleCount(n int64) int64 { return (n + sampleEvery - 1) / sampleEvery }

// sampleKeys returns the first sampleKeyBytes bytes of every
// sampleEvery-th suffix, zero-padded past the end of the text. Padding is
// never compared with anything that matters: every suffix reaches a 0xFF
// separator first, which no query byte equals.
func sampleKeys(text []byte, sa []int32) []byte {
	keys := make([]byte, 0, sampleCount(int64(len(sa)))*sampleKeyBytes)
	for i := 0; i < len(sa); i += sampleEvery {
		p := int(sa[i])
		key := text[p:min(len(text), p+sampleKeyBytes)]
		keys = append(keys, key...)
		for k := len(key); k < sampleKeyBytes; k++ {
			keys = append(keys, 0)
		}
	}
	return keys
}
