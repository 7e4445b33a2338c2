package poa

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
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
	starts     []int32
	names      []int32
	firstSeen  map[string]int32
	vocabulary []vocabEntry
}

type vocabEntry struct {
	token string
	name  int32
}

// addText adds the words of text[start:end]. The last word seen so far is
// named only when the next one (or the end) is known.
func (w *wordSorter) addText(text []byte, start, end int) {
	if w.firstSeen == nil {
		w.firstSeen = map[string]int32{}
	}
	forEachWord(text[start:end], func(s, _ int) {
		w.starts = append(w.starts, int32(start+s))
		if n := len(w.starts); n >= 2 {
			w.name(text, n-2)
		}
	})
}

// name names word i's extended token.
func (w *wordSorter) name(text []byte, i int) {
	token := text[w.starts[i]:extendedTokenEnd(text, w.starts, i)]
	name, ok := w.firstSeen[string(token)]
	if !ok {
		key := string(token)
		name = int32(len(w.vocabulary))
		w.firstSeen[key] = name
		w.vocabulary = append(w.vocabulary, vocabEntry{key, name})
	}
	w.names = append(w.names, name)
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
	w.firstSeen = nil
	slices.SortFunc(w.vocabulary, func(a, b vocabEntry) int { return strings.Compare(a.token, b.token) })
	rank := make([]int32, len(w.vocabulary))
	for r, v := range w.vocabulary {
		rank[v.name] = int32(r)
	}
	alphabet := len(w.vocabulary)
	w.vocabulary = nil
	names := w.names
	for i, name := range names {
		names[i] = rank[name]
	}
	rank, w.names = nil, nil
	sa := make([]int32, len(names))
	sais(names, sa, alphabet)
	for i, word := range sa {
		sa[i] = w.starts[word]
	}
	w.starts = nil
	return sa, prefixTable(text, sa), nil
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

// byteLevelWordSuffixArray is the slow reference: the full byte-level
// suffix array filtered to word starts.
func byteLevelWordSuffixArray(text []byte) ([]int32, error) {
	sa := make([]int32, len(text))
	if err := BuildSuffixArray(text, sa); err != nil {
		return nil, err
	}
	starts := wordStarts(text)
	kept := 0
	for _, p := range sa {
		if starts.has(int(p)) {
			sa[kept] = p
			kept++
		}
	}
	return slices.Clip(sa[:kept]), nil
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
