package poa

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
)

// Brute-force oracles over the index's own text and word starts.

func bruteWordStarts(text []byte) []int {
	var starts []int
	forEachWord(text, func(s, _ int) { starts = append(starts, s) })
	return starts
}

func bruteLongestMatch(text []byte, starts []int, q []byte) int {
	best := 0
	for _, s := range starts {
		best = max(best, commonPrefix(text[s:min(len(text), s+len(q))], q[:min(len(q), len(text)-s)]))
	}
	return best
}

func bruteCount(text []byte, starts []int, pattern []byte) int {
	n := 0
	for _, s := range starts {
		if bytes.HasPrefix(text[s:], pattern) {
			n++
		}
	}
	return n
}

func TestSearchMatchesBruteForce(t *testing.T) {
	docs := sampleDocs(11, 120)
	e := openEngine(t, buildIndex(t, "search", jsonl(t, docs...)))
	ix := e.indexes[0]
	text := ix.text.data
	starts := bruteWordStarts(text)
	rng := rand.New(rand.NewPCG(5, 6))
	for trial := 0; trial < 3000; trial++ {
		var q []byte
		switch trial % 3 {
		case 0: // a piece of the corpus from a word start, perhaps altered
			s := starts[rng.IntN(len(starts))]
			end := min(len(text)-1, s+1+rng.IntN(80))
			q = bytes.Clone(text[s:end])
			if i := bytes.IndexByte(q, docSeparator); i >= 0 {
				q = q[:max(i, 1)]
			}
			if len(q) > 3 && rng.IntN(2) == 0 {
				q[rng.IntN(len(q))] = 'z'
			}
		case 1: // random words
			words := strings.Fields("the data model chain proof weight zzz token river bank, café")
			var b strings.Builder
			for k := rng.IntN(8); k >= 0; k-- {
				b.WriteString(words[rng.IntN(len(words))])
				b.WriteByte(' ')
			}
			q = []byte(b.String())
		default: // short prefixes, down to one byte
			s := starts[rng.IntN(len(starts))]
			q = bytes.Clone(text[s : s+1+rng.IntN(3)])
		}
		if bytes.IndexByte(q, docSeparator) >= 0 || len(q) == 0 {
			continue
		}
		if got, want := ix.longestMatch(q), bruteLongestMatch(text, starts, q); got != want {
			t.Fatalf("longestMatch(%q) = %d, want %d", q, got, want)
		}
		lo, hi := ix.rangeOf(q)
		want := bruteCount(text, starts, q)
		if got := hi - lo; got != want {
			t.Fatalf("rangeOf(%q) counts %d, want %d", q, got, want)
		}
		if least, most := ix.countInterval(q); want < least || want > most {
			t.Fatalf("countInterval(%q) = [%d, %d] misses %d", q, least, most, want)
		}
		for i := lo; i < hi; i++ {
			if !bytes.HasPrefix(text[ix.saAt(i):], q) {
				t.Fatalf("rangeOf(%q) includes a suffix without the prefix", q)
			}
		}
	}
}

// TestMaximalSpans checks span boundaries, containment and the rule that
// a span ends where the following character also matches.
func TestMaximalSpans(t *testing.T) {
	e := openEngine(t, buildIndex(t, "spans", jsonl(t,
		map[string]any{"id": "a", "text": "one two three four five six seven eight"},
		map[string]any{"id": "b", "text": "five six seven eight nine ten eleven twelve"},
		map[string]any{"id": "c", "text": "alpha beta gamma delta epsilon zeta category"},
	)))
	spanTexts := func(out string, minWords int) []string {
		n := Normalize([]byte(out))
		words := Words(n.Text)
		spans, _ := e.findExactSpans(n.Text, words, minWords)
		var got []string
		for _, s := range spans {
			got = append(got, string(n.Text[s.start:s.end]))
		}
		return got
	}
	// Two overlapping maximal spans, each from one contribution.
	got := spanTexts("one two three four five six seven eight nine ten", 3)
	want := []string{"one two three four five six seven eight", "five six seven eight nine ten"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("spans %q, want %q", got, want)
	}
	// "cat" must not match inside "category": the span stops at "zeta".
	got = spanTexts("alpha beta gamma delta epsilon zeta cat", 3)
	if strings.Join(got, "|") != "alpha beta gamma delta epsilon zeta" {
		t.Errorf("spans %q", got)
	}
	// At the very end of the output the last word may end anywhere.
	got = spanTexts("gamma delta epsilon zeta category", 3)
	if strings.Join(got, "|") != "gamma delta epsilon zeta category" {
		t.Errorf("spans %q", got)
	}
	// Shorter than the minimum: nothing.
	if got := spanTexts("three four five", 4); len(got) != 0 {
		t.Errorf("spans %q", got)
	}
	// Spans never start inside a corpus word: "pha beta gamma" is not found.
	if got := spanTexts("pha beta gamma delta", 3); strings.Join(got, "|") != "beta gamma delta" {
		t.Errorf("spans %q", got)
	}
}
