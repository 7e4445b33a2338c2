package index

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/openledger/openledger/ai/poa/internal/textnorm"
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
		if name := v.name(vocabToken(i)); int(name) != i {
			t.Fatalf("token %d named %d", i, name)
		}
	}
	if 4*v.count > 3*len(v.slots) || v.count != 50000 {
		t.Fatalf("table of %d slots for %d tokens", len(v.slots), v.count)
	}
	for i := 0; i < 50000; i += 997 { // names are stable and tokens kept
		token := vocabToken(i)
		if name := v.name(token); string(v.token(name)) != string(token) || int(name) != i {
			t.Fatalf("token %d named %d", i, name)
		}
	}
}

// vocabToken is the i-th distinct test token; lengths 1 to 35 bytes cover
// both inline and arena comparisons.
func vocabToken(i int) []byte {
	return []byte(strings.Repeat("x", i%30) + strconv.Itoa(i))
}

// byteLevelWordSuffixArray is the slow reference: the full byte-level
// suffix array filtered to word starts.
func byteLevelWordSuffixArray(text []byte) ([]int32, error) {
	sa := make([]int32, len(text))
	if err := BuildSuffixArray(text, sa); err != nil {
		return nil, err
	}
	starts := map[int32]bool{}
	textnorm.ForEachWord(text, func(s, _ int) { starts[int32(s)] = true })
	kept := 0
	for _, p := range sa {
		if starts[p] {
			sa[kept] = p
			kept++
		}
	}
	return slices.Clip(sa[:kept]), nil
}
