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

// TestWordSuffixArrayWithLargeVocabulary grows the token table many times
// (tens of thousands of distinct extended tokens).
func TestWordSuffixArrayWithLargeVocabulary(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 12))
	letters := "abcdefghijklmnopqrstuvwxyzéß"
	var b strings.Builder
	for n := 0; n < 60000; n++ {
		for k := 1 + rng.IntN(7); k > 0; k-- {
			b.WriteString(string([]rune(letters)[rng.IntN(28)]))
		}
		b.WriteString([]string{" ", ", ", ". ", " (", "\xff"}[rng.IntN(5)])
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
		t.Fatal("word suffix array differs from the byte-level one")
	}
	var v tokenVocabulary
	for i := 0; i < 50000; i++ {
		if name := v.name([]byte(strings.Repeat("x", i%7) + string(rune('a'+i%26)) + strings.Repeat("y", i/182))); name < 0 {
			t.Fatal("negative name")
		}
	}
	if len(v.slots) < 2*len(v.hashes) {
		t.Fatalf("table of %d slots for %d tokens", len(v.slots), len(v.hashes))
	}
}
