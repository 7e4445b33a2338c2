package poa

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestWordSuffixArrayMatchesByteLevel: sorting word-start suffixes through
// extended-token ranks gives exactly the byte-level suffix array filtered
// to word starts, on random texts full of the awkward cases (shared words
// followed by different punctuation runs, multi-byte letters and
// punctuation sharing lead bytes, document separators).
func TestWordSuffixArrayMatchesByteLevel(t *testing.T) {
	pieces := []string{"a", "ab", "abc", "b", "é", "×", "ö", "—", " ", "  ", ",", ", ", ". ", "(", ")", "\xff", "1", "a1", "Ωx"}
	rng := rand.New(rand.NewPCG(9, 9))
	for trial := 0; trial < 400; trial++ {
		var b strings.Builder
		for k := rng.IntN(200); k >= 0; k-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		b.WriteByte(docSeparator)
		text := []byte(b.String())
		got, _, err := buildWordSuffixArray(text)
		if err != nil {
			t.Fatal(err)
		}
		want, err := byteLevelWordSuffixArray(text)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("text %q:\ngot  %v\nwant %v", text, got, want)
		}
	}
}
