package index

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/openledger/openledger/ai/poa/internal/poatest"
	"github.com/openledger/openledger/ai/poa/internal/textnorm"
)

func TestIndexRoundTrip(t *testing.T) {
	docs := poatest.SampleDocs(1, 40)
	dir := buildIndex(t, "round", poatest.JSONL(t, docs...))
	ix, err := Open(dir, OpenOptions{VerifyWhole: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if ix.Documents() != len(docs) || ix.Name() != "round" {
		t.Fatalf("documents %d name %q", ix.Documents(), ix.Name())
	}
	// Every contribution's normalised text is in text.bin, in order.
	for i, d := range docs {
		if ix.ID(i) != d["id"] {
			t.Fatalf("id %d = %q", i, ix.ID(i))
		}
		want := textnorm.Normalize([]byte(d["text"].(string))).Text
		got := ix.text.data[ix.docStarts[i] : ix.docStarts[i+1]-1]
		if !bytes.Equal(got, want) {
			t.Fatalf("doc %d text %q, want %q", i, got, want)
		}
	}
	// The suffix array holds exactly the word starts, sorted.
	text := ix.text.data
	var want []int32
	textnorm.ForEachWord(text, func(s, _ int) { want = append(want, int32(s)) })
	slices.SortFunc(want, func(a, b int32) int { return bytes.Compare(text[a:], text[b:]) })
	got := make([]int32, ix.Manifest.Counts.WordPositions)
	for i := range got {
		got[i] = int32(ix.SuffixAt(i))
	}
	if !slices.Equal(got, want) {
		t.Fatal("word suffix array differs from the sorted word starts")
	}
	// Metadata is kept, text is not.
	meta, err := os.ReadFile(filepath.Join(dir, fileMeta))
	if err != nil {
		t.Fatal(err)
	}
	if first := strings.SplitN(string(meta), "\n", 2)[0]; first != `{"datanet":"dn-1","id":"doc-000","version":1}` {
		t.Fatalf("meta line %s", first)
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	input := poatest.JSONL(t, poatest.SampleDocs(2, 30)...)
	a := buildIndex(t, "same", input)
	b := buildIndex(t, "same", input)
	entries, _ := os.ReadDir(a)
	if len(entries) != 2*len(dataFiles)+1 {
		t.Fatalf("%d files", len(entries))
	}
	for _, ent := range entries {
		x, _ := os.ReadFile(filepath.Join(a, ent.Name()))
		y, _ := os.ReadFile(filepath.Join(b, ent.Name()))
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two builds of the same input", ent.Name())
		}
	}
}
