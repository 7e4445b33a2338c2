package query

import (
	"math"
	"slices"
	"testing"

	"github.com/openledger/openledger/ai/poa/internal/textnorm"
)

// TestLog2Q8IsFloorOfLog2: the integer logarithm that BM25's idf is made
// of agrees with the floating-point one (within its last unit, where the
// mantissa is cut to 32 bits) and is exact on powers of two.
func TestLog2Q8IsFloorOfLog2(t *testing.T) {
	for _, x := range []uint64{1, 2, 3, 5, 7, 10, 100, 1000, 12345, 1 << 20, 1<<20 + 1, 999_999_937, 1 << 40, math.MaxUint32, 1<<63 + 12345} {
		want := int64(math.Floor(256 * math.Log2(float64(x))))
		got := log2Q8(x)
		if got != want && got != want-1 {
			t.Errorf("log2Q8(%d) = %d, want %d", x, got, want)
		}
		if x&(x-1) == 0 && got != want {
			t.Errorf("log2Q8(%d) = %d, want exactly %d", x, got, want)
		}
	}
	if log2Q8(0) != 0 {
		t.Error("log2Q8(0) != 0")
	}
}

func TestBM25TFSaturates(t *testing.T) {
	prev := int64(0)
	for tf := 1; tf <= 15; tf++ {
		v := bm25TF(tf)
		if v <= prev || v >= 256*11/5 {
			t.Fatalf("bm25TF(%d) = %d after %d", tf, v, prev)
		}
		prev = v
	}
	if bm25TF(1) != 256 {
		t.Errorf("bm25TF(1) = %d, want 256", bm25TF(1))
	}
}

func TestParallelCoversEveryIndexOnceAndRaisesPanics(t *testing.T) {
	for _, n := range []int{1, 7, 64, 1000} {
		seen := make([]int, n)
		parallel(n, lookupWorkers, func(from, to int) {
			for i := from; i < to; i++ {
				seen[i]++
			}
		})
		for i, c := range seen {
			if c != 1 {
				t.Fatalf("n=%d: index %d visited %d times", n, i, c)
			}
		}
	}
	defer func() {
		if r := recover(); r != "corrupt block" {
			t.Fatalf("recovered %v, want the worker's panic", r)
		}
	}()
	parallel(100, lookupWorkers, func(from, to int) {
		if from == 0 {
			panic("corrupt block")
		}
	})
	t.Fatal("the panic was swallowed")
}

// TestFewRareSharedTokensMatch: a window that shares fewer than
// minSharedTokens tokens matches when the ones it shares are rare enough
// (rareSharedBits of idf, at least rareMinShared of them), and not when
// they are common or too few.
func TestFewRareSharedTokensMatch(t *testing.T) {
	window := make([]textnorm.ContentToken, outputWindowTokens)
	for i := range window {
		window[i] = textnorm.ContentToken{Hash: uint64(i + 1), Word: int32(i)}
	}
	// The region holds the window's first three tokens in the same order,
	// among tokens the window does not have.
	region := newTokenSet()
	regionTokens := []textnorm.ContentToken{{Hash: 1}, {Hash: 2}, {Hash: 3}}
	for h := uint64(100); h < 120; h++ {
		regionTokens = append(regionTokens, textnorm.ContentToken{Hash: h})
	}
	region.reset(regionTokens)

	profile := func(rareIDF int64, rare int) *windowProfile {
		stats := map[uint64]*tokenStat{}
		for i, tok := range window {
			idf := int64(256) // one bit: a common token
			if i < rare {
				idf = rareIDF
			}
			stats[tok.Hash] = &tokenStat{idf: idf}
		}
		return newWindowProfile(window, stats)
	}
	for _, c := range []struct {
		name    string
		rareIDF int64
		rare    int
		match   bool
	}{
		{"three shared tokens of 8 bits each (24 bits)", 8 * 256, 3, true},
		{"three shared tokens of 6 bits each (18 bits)", 6 * 256, 3, false},
		{"three shared common tokens", 256, 3, false},
	} {
		_, ok := scoreWindow(profile(c.rareIDF, c.rare), region)
		if ok != c.match {
			t.Errorf("%s: match %v, want %v", c.name, ok, c.match)
		}
	}
	// Two shared tokens never match, however rare.
	two := newTokenSet()
	two.reset([]textnorm.ContentToken{{Hash: 1}, {Hash: 2}, {Hash: 100}})
	if _, ok := scoreWindow(profile(14*256, 3), two); ok {
		t.Error("two shared tokens matched")
	}
}

// Sentence windows start and end at sentence ends, keep within their token
// bounds and repeat no sliding window.
func TestSentenceWindowsFollowSentences(t *testing.T) {
	text := []byte("alpha bravo charlie delta echo foxtrot golf hotel india juliet. " +
		"kilo lima mike november oscar papa quebec romeo sierra tango uniform victor. " +
		"whiskey xray yankee zulu")
	words := textnorm.Words(text)
	tokens, _ := textnorm.AppendContentTokens(nil, text, words, 0, nil)
	if len(tokens) != 26 {
		t.Fatalf("%d content tokens, want 26", len(tokens))
	}
	var got [][2]int32
	for _, w := range sentenceWindows(tokens, text, words) {
		got = append(got, [2]int32{w[0].Word, w[len(w)-1].Word})
	}
	// Sentences are words 0-9, 10-21 and 22-25: each run of whole
	// sentences but the third alone, which is below 8 tokens. The whole
	// output (26 tokens) is one too: its sliding windows are 0-23 and 4-25.
	if want := [][2]int32{{0, 9}, {0, 21}, {0, 25}, {10, 21}, {10, 25}}; !slices.Equal(got, want) {
		t.Fatalf("sentence windows %v, want %v", got, want)
	}
	for _, w := range sentenceWindows(tokens, text, words) {
		if first := int(w[0].Word); isSlidingWindow(first, first+len(w), len(tokens)) {
			t.Fatalf("window at %d of %d tokens repeats a sliding window", first, len(w))
		}
	}
}

// isSlidingWindow agrees with outputWindows on every span of outputs of
// many lengths.
func TestIsSlidingWindowMatchesOutputWindows(t *testing.T) {
	for n := 1; n <= 70; n++ {
		tokens := make([]textnorm.ContentToken, n)
		for i := range tokens {
			tokens[i].Word = int32(i)
		}
		sliding := map[[2]int]bool{}
		for _, w := range outputWindows(tokens) {
			sliding[[2]int{int(w[0].Word), int(w[len(w)-1].Word) + 1}] = true
		}
		for first := 0; first < n; first++ {
			for last := first + 1; last <= n; last++ {
				if got, want := isSlidingWindow(first, last, n), sliding[[2]int{first, last}]; got != want {
					t.Fatalf("n=%d [%d,%d): isSlidingWindow %v, outputWindows %v", n, first, last, got, want)
				}
			}
		}
	}
}
