package poa

// buildWordSuffixArray sorts the suffixes of text that start a word. It
// builds the full suffix array with SA-IS and keeps the word starts in
// place: a linear pass, and the on-disk array shrinks from four bytes per
// corpus byte to four bytes per word. The 2-byte prefix table lets a query
// start its binary search inside the right bucket.
func buildWordSuffixArray(text []byte) ([]int32, []uint32, error) {
	sa := make([]int32, len(text))
	if err := BuildSuffixArray(text, sa); err != nil {
		return nil, nil, err
	}
	starts := wordStarts(text)
	kept := 0
	for _, p := range sa {
		if starts.has(int(p)) {
			sa[kept] = p
			kept++
		}
	}
	// Copy so the full-size array can be freed before the files are written.
	wordSA := make([]int32, kept)
	copy(wordSA, sa[:kept])
	return wordSA, prefixTable(text, wordSA), nil
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
