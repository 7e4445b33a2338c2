package poa

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// sampleDocs builds contributions from a small vocabulary so that words
// repeat across documents, with a fixed seed.
func sampleDocs(seed uint64, n int) []map[string]any {
	vocab := strings.Fields("the a data model output river bank token chain ledger proof weight span index contributor " +
		"Datanet version attribution reward Straße café naïve ﬁle Ωmega 42 v1.2 isn't")
	rng := rand.New(rand.NewPCG(seed, 99))
	docs := make([]map[string]any, n)
	for i := range docs {
		var b strings.Builder
		for k := 5 + rng.IntN(60); k > 0; k-- {
			b.WriteString(vocab[rng.IntN(len(vocab))])
			b.WriteString([]string{" ", " ", " ", ", ", ".\n", "  "}[rng.IntN(6)])
		}
		docs[i] = map[string]any{"id": fmt.Sprintf("doc-%03d", i), "text": b.String(), "datanet": "dn-1", "version": 1}
	}
	return docs
}

func TestIndexRoundTrip(t *testing.T) {
	docs := sampleDocs(1, 40)
	dir := buildIndex(t, "round", jsonl(t, docs...))
	ix, err := Open(dir, OpenOptions{Verify: VerifyFull})
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
		want := Normalize([]byte(d["text"].(string))).Text
		got := ix.text.data[ix.docStarts[i] : ix.docStarts[i+1]-1]
		if !bytes.Equal(got, want) {
			t.Fatalf("doc %d text %q, want %q", i, got, want)
		}
	}
	// The suffix array holds exactly the word starts, sorted.
	text := ix.text.data
	var want []int32
	forEachWord(text, func(s, _ int) { want = append(want, int32(s)) })
	slices.SortFunc(want, func(a, b int32) int { return bytes.Compare(text[a:], text[b:]) })
	got := make([]int32, ix.Manifest.Counts.WordPositions)
	for i := range got {
		got[i] = int32(ix.saAt(i))
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

func TestSourceSpansPointIntoOriginalText(t *testing.T) {
	original := "Intro   line.\n\nThe ﬁrst   CLAUSE of the Ledger proof is here, and more."
	dir := buildIndex(t, "src", jsonl(t, map[string]any{"id": "x", "text": original}))
	e := openEngine(t, dir)
	res, err := e.Attribute([]byte("Note: the first clause of the ledger proof is here, surely."), Options{MinSpanWords: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Exact) != 1 || len(res.Exact[0].Sources) != 1 {
		t.Fatalf("exact %s", mustJSON(t, res.Exact))
	}
	src := res.Exact[0].Sources[0]
	if got := original[src.Start:src.End]; got != "The ﬁrst   CLAUSE of the Ledger proof is here" {
		t.Fatalf("source span %q", got)
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	input := jsonl(t, sampleDocs(2, 30)...)
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

// tamper copies an index and lets mutate change one file.
func tamper(t *testing.T, dir, file string, mutate func([]byte) []byte) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "tampered")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	for _, ent := range entries {
		data, err := os.ReadFile(filepath.Join(dir, ent.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if ent.Name() == file {
			data = mutate(slices.Clone(data))
		}
		if err := os.WriteFile(filepath.Join(out, ent.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

func TestTamperedIndexIsRejected(t *testing.T) {
	docs := sampleDocs(3, 200)
	dir := buildIndex(t, "orig", jsonl(t, docs...))
	query := []byte(docs[150]["text"].(string))
	flipAt := func(frac float64) func([]byte) []byte {
		return func(b []byte) []byte { b[int(float64(len(b))*frac)] ^= 0x20; return b }
	}
	truncate := func(b []byte) []byte { return b[:len(b)-1] }

	atOpen := []struct {
		name, file string
		mutate     func([]byte) []byte
	}{
		{"truncated text", fileText, truncate},
		{"truncated suffix array", fileSA, truncate},
		{"extended lsh", fileLSH, func(b []byte) []byte { return append(b, 0) }},
		{"flipped docs table", fileDocs, flipAt(0.5)},
		{"flipped ids", fileIDs, flipAt(0.9)},
		{"flipped prefix table", filePrefix, flipAt(0.7)},
		{"flipped block sums", fileText + blocksSuffix, flipAt(0.5)},
		{"edited manifest count", fileManifest, func(b []byte) []byte {
			return bytes.Replace(b, []byte(`"documents": 200`), []byte(`"documents": 199`), 1)
		}},
		{"edited manifest format", fileManifest, func(b []byte) []byte {
			return bytes.Replace(b, []byte(`"format_version": 1`), []byte(`"format_version": 9`), 1)
		}},
		{"manifest not JSON", fileManifest, func(b []byte) []byte { return b[:len(b)/2] }},
	}
	for _, c := range atOpen {
		t.Run(c.name, func(t *testing.T) {
			bad := tamper(t, dir, c.file, c.mutate)
			if ix, err := Open(bad, OpenOptions{}); err == nil {
				ix.Close()
				t.Fatal("opened a tampered index")
			} else {
				t.Log(err)
			}
		})
	}

	// A flipped byte in a large file is found when a query touches its
	// block (lazy check), or at open with full verification.
	for _, file := range []string{fileText, fileSA} {
		t.Run("lazy "+file, func(t *testing.T) {
			bad := tamper(t, dir, file, func(b []byte) []byte {
				for i := 0; i < len(b); i += BlockSize { // one flip per block: any touch finds one
					b[i] ^= 0x01
				}
				return b
			})
			ix, err := Open(bad, OpenOptions{})
			if err != nil {
				t.Fatalf("block mode should open (sizes and sums are fine): %v", err)
			}
			defer ix.Close()
			e, _ := NewEngine([]*Index{ix})
			_, err = e.Attribute(query, Options{})
			var ce *CorruptIndexError
			if !errors.As(err, &ce) {
				t.Fatalf("query on a tampered %s returned %v", file, err)
			}
			t.Log(err)
			if _, err := Open(bad, OpenOptions{Verify: VerifyFull}); !errors.As(err, &ce) {
				t.Fatalf("full verification missed it: %v", err)
			}
		})
	}
}

func TestBadInputIsReportedByLine(t *testing.T) {
	input := strings.Join([]string{
		`{"id": "a", "text": "fine"}`,
		`{"id": "b", "text": }`,
		``,
		`{"id": "a", "text": "again"}`,
		`{"id": "c", "text": "   "}`,
		`{"id": "d", "text": "bad \ud800 surrogate"}`,
		"{\"id\": \"e\", \"text\": \"bad \xff byte\"}",
		`{"text": "no id"}`,
		`{"id": 7, "text": "numeric id"}`,
		`[1, 2]`,
		`{"id": "f"}`,
	}, "\n")
	_, err := Build(strings.NewReader(input), filepath.Join(t.TempDir(), "x"), BuildOptions{})
	var ie *InputError
	if !errors.As(err, &ie) {
		t.Fatalf("got %v", err)
	}
	msg := err.Error()
	t.Log(msg)
	for _, want := range []string{
		"line 2: malformed JSON", "line 4: duplicate id \"a\" (first on line 1)", `line 5: "text" is empty`,
		"line 6: \"text\": unpaired surrogate", "line 7: invalid UTF-8 at byte 25", `line 8: missing "id"`,
		`line 9: "id": not a JSON string`, "line 10: malformed JSON: expected an object", `line 11: missing "text"`,
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("error does not mention %q", want)
		}
	}
	if ie.Total != 9 {
		t.Errorf("%d bad lines reported, want 9", ie.Total)
	}
	if _, err := Build(strings.NewReader(""), filepath.Join(t.TempDir(), "y"), BuildOptions{}); err == nil {
		t.Error("built an index from no contributions")
	}
}

func TestBuildRefusesToOverwrite(t *testing.T) {
	dir := buildIndex(t, "keep", jsonl(t, sampleDocs(4, 3)...))
	if _, err := Build(bytes.NewReader(jsonl(t, sampleDocs(5, 3)...)), dir, BuildOptions{}); err == nil {
		t.Fatal("overwrote an index without Replace")
	}
	if _, err := Build(bytes.NewReader(jsonl(t, sampleDocs(5, 3)...)), dir, BuildOptions{Replace: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(dir, OpenOptions{Verify: VerifyFull}); err != nil {
		t.Fatal(err)
	}
}
