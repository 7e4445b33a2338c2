package index

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"testing"
)

// bruteForceSuffixArray is the oracle: sort suffix starts by comparing the
// suffixes directly.
func bruteForceSuffixArray(text []byte) []int32 {
	sa := make([]int32, len(text))
	for i := range sa {
		sa[i] = int32(i)
	}
	slices.SortFunc(sa, func(a, b int32) int { return bytes.Compare(text[a:], text[b:]) })
	return sa
}

func TestSuffixArrayMatchesBruteForceOnRandomStrings(t *testing.T) {
	rng := rand.New(rand.NewPCG(20240601, 7))
	alphabets := []int{1, 2, 3, 4, 26, 256}
	for trial := 0; trial < 600; trial++ {
		k := alphabets[trial%len(alphabets)]
		n := rng.IntN(300)
		if trial%50 == 0 {
			n = 2000 + rng.IntN(3000)
		}
		text := make([]byte, n)
		for i := range text {
			text[i] = byte(rng.IntN(k))
			if k == 26 {
				text[i] += 'a'
			}
		}
		// Repetitive inputs exercise deep recursion.
		if trial%7 == 0 && n > 10 {
			period := 1 + rng.IntN(5)
			for i := period; i < n; i++ {
				text[i] = text[i-period]
			}
		}
		got := make([]int32, n)
		if err := BuildSuffixArray(text, got); err != nil {
			t.Fatal(err)
		}
		want := bruteForceSuffixArray(text)
		if !slices.Equal(got, want) {
			t.Fatalf("trial %d (alphabet %d, n %d): suffix array differs from brute force\ntext %q\ngot  %v\nwant %v", trial, k, n, text, got, want)
		}
	}
}

func TestSuffixArrayEdgeCases(t *testing.T) {
	for _, s := range []string{"", "a", "aa", "ab", "ba", "banana", "mississippi", "\xff\x00\xff", "abracadabra\xffabra"} {
		got := make([]int32, len(s))
		if err := BuildSuffixArray([]byte(s), got); err != nil {
			t.Fatal(err)
		}
		if want := bruteForceSuffixArray([]byte(s)); !slices.Equal(got, want) {
			t.Errorf("%q: got %v want %v", s, got, want)
		}
	}
	if err := BuildSuffixArray([]byte("ab"), make([]int32, 1)); err == nil {
		t.Error("a suffix array of the wrong length was accepted")
	}
}
