package query

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/openledger/openledger/ai/poa/internal/index"
	"github.com/openledger/openledger/ai/poa/internal/poatest"
	"github.com/openledger/openledger/ai/poa/internal/textnorm"
)

// openEngine builds an index from JSONL input and opens an engine over it.
func openEngine(t *testing.T, input []byte) *Engine {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "ix")
	if _, err := index.Build(bytes.NewReader(input), dir, index.BuildOptions{}); err != nil {
		t.Fatal(err)
	}
	ix, err := index.Open(dir, index.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return New([]*index.Index{ix})
}

// TestMaximalSpans checks span boundaries, containment and the rule that
// a span ends where the following character also matches.
func TestMaximalSpans(t *testing.T) {
	e := openEngine(t, poatest.JSONL(t,
		map[string]any{"id": "a", "text": "one two three four five six seven eight"},
		map[string]any{"id": "b", "text": "five six seven eight nine ten eleven twelve"},
		map[string]any{"id": "c", "text": "alpha beta gamma delta epsilon zeta category"},
	))
	spanTexts := func(out string, minWords int) []string {
		n := textnorm.Normalize([]byte(out))
		words := textnorm.Words(n.Text)
		spans, _ := e.ExactSpans(n.Text, words, minWords)
		var got []string
		for _, s := range spans {
			got = append(got, string(n.Text[s.Start:s.End]))
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
