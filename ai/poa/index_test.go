package poa

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/openledger/openledger/ai/poa/internal/poatest"
)

func TestSourceSpansPointIntoOriginalText(t *testing.T) {
	original := "Intro   line.\n\nThe ﬁrst   CLAUSE of the Ledger proof is here, and more."
	dir := buildIndex(t, "src", poatest.JSONL(t, map[string]any{"id": "x", "text": original}))
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
	docs := poatest.SampleDocs(3, 200)
	dir := buildIndex(t, "orig", poatest.JSONL(t, docs...))
	// Long enough (over 64 words) that the lookups run on several
	// goroutines: a failed block check in one still reaches the caller.
	query := []byte(docs[150]["text"].(string) + " " + docs[20]["text"].(string) + " " + docs[90]["text"].(string))
	require.Greater(t, len(strings.Fields(string(query))), 64)
	flipAt := func(frac float64) func([]byte) []byte {
		return func(b []byte) []byte { b[int(float64(len(b))*frac)] ^= 0x20; return b }
	}
	truncate := func(b []byte) []byte { return b[:len(b)-1] }

	atOpen := []struct {
		name, file string
		mutate     func([]byte) []byte
	}{
		{"truncated text", "text.bin", truncate},
		{"truncated suffix array", "sa.bin", truncate},
		{"extended postings", "postings.bin", func(b []byte) []byte { return append(b, 0) }},
		{"flipped term buckets", "terms_prefix.bin", flipAt(0.3)},
		{"flipped docs table", "docs.bin", flipAt(0.5)},
		{"flipped ids", "ids.bin", flipAt(0.9)},
		{"flipped prefix table", "prefix.bin", flipAt(0.7)},
		{"flipped block sums", "text.bin.blocks", flipAt(0.5)},
		{"edited manifest count", "manifest.json", func(b []byte) []byte {
			return bytes.Replace(b, []byte(`"documents": 200`), []byte(`"documents": 199`), 1)
		}},
		{"edited manifest format", "manifest.json", func(b []byte) []byte {
			return bytes.Replace(b, []byte(`"format_version": 2`), []byte(`"format_version": 9`), 1)
		}},
		{"manifest not JSON", "manifest.json", func(b []byte) []byte { return b[:len(b)/2] }},
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
	for _, file := range []string{"text.bin", "sa.bin", "terms.bin", "postings.bin"} {
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
	dir := buildIndex(t, "keep", poatest.JSONL(t, poatest.SampleDocs(4, 3)...))
	if _, err := Build(bytes.NewReader(poatest.JSONL(t, poatest.SampleDocs(5, 3)...)), dir, BuildOptions{}); err == nil {
		t.Fatal("overwrote an index without Replace")
	}
	if _, err := Build(bytes.NewReader(poatest.JSONL(t, poatest.SampleDocs(5, 3)...)), dir, BuildOptions{Replace: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(dir, OpenOptions{Verify: VerifyFull}); err != nil {
		t.Fatal(err)
	}
}

// TestIncrementalBuild: a new version's index built against the previous
// one holds only the new contributions, and querying both gives the same
// answer as one index of the whole version (same weights, same evidence;
// only the index list differs).
func TestIncrementalBuild(t *testing.T) {
	docs := poatest.SampleDocs(11, 120)
	v1 := buildIndex(t, "v1", poatest.JSONL(t, docs[:80]...))
	full := buildIndex(t, "full", poatest.JSONL(t, docs...))
	prev, err := Open(v1, OpenOptions{})
	require.NoError(t, err)
	defer prev.Close()
	delta := filepath.Join(t.TempDir(), "v2")
	stats, err := Build(bytes.NewReader(poatest.JSONL(t, docs...)), delta, BuildOptions{Previous: []*Index{prev}})
	require.NoError(t, err)
	require.Equal(t, 80, stats.Carried)
	require.Equal(t, 40, stats.Manifest.Counts.Documents)
	require.Equal(t, []PreviousIndex{{Name: "v1", ManifestSHA256: prev.ManifestSHA256}}, stats.Manifest.Previous)

	var query strings.Builder
	for _, i := range []int{5, 70, 90, 115} {
		query.WriteString(docs[i]["text"].(string) + " ")
	}
	a, err := openEngine(t, v1, delta).Attribute([]byte(query.String()), Options{})
	require.NoError(t, err)
	b, err := openEngine(t, full).Attribute([]byte(query.String()), Options{})
	require.NoError(t, err)
	require.Equal(t, b.Attributions, a.Attributions)
	require.Equal(t, b.AttributedPPM, a.AttributedPPM)

	// A contribution the new version changed is refused; a version that
	// adds nothing builds nothing.
	changed := slices.Clone(docs[:81])
	changed[3] = map[string]any{"id": docs[3]["id"], "text": "another text entirely"}
	_, err = Build(bytes.NewReader(poatest.JSONL(t, changed...)), filepath.Join(t.TempDir(), "bad"), BuildOptions{Previous: []*Index{prev}})
	require.ErrorContains(t, err, "with another text")
	_, err = Build(bytes.NewReader(poatest.JSONL(t, docs[:80]...)), filepath.Join(t.TempDir(), "none"), BuildOptions{Previous: []*Index{prev}})
	require.ErrorContains(t, err, "nothing to index")
}
