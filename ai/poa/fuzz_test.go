package poa

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/openledger/openledger/ai/poa/internal/poatest"
)

// FuzzBuildAndOpen builds indexes from arbitrary contribution files (JSONL,
// what a Datanet exports) and opens each that builds: no input may panic,
// bad input is an error, and an index that builds opens with every file
// hashed against its manifest, holding a named document for each id.
func FuzzBuildAndOpen(f *testing.F) {
	f.Add(poatest.JSONL(f, poatest.SampleDocs(3, 2)...))
	f.Add([]byte(`{"id": "a", "text": "fine"}` + "\n" + `{"id": "b", "text": "caf\u00e9 \ud83d\ude00"}`))
	f.Add([]byte(`{"id": "a", "text": "fine"}` + "\n" + `{"id": "a", "text": "again"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := filepath.Join(t.TempDir(), "ix")
		stats, err := Build(bytes.NewReader(data), dir, BuildOptions{Name: "fuzz"})
		if err != nil {
			return
		}
		ix, err := Verify(dir)
		if err != nil {
			t.Fatalf("a built index does not open: %v", err)
		}
		defer ix.Close()
		if ix.ManifestSHA256 != stats.ManifestSHA256 {
			t.Fatalf("opened manifest %s, built %s", ix.ManifestSHA256, stats.ManifestSHA256)
		}
		if ix.Documents() == 0 {
			t.Fatal("an index was built with no documents")
		}
		for doc := range ix.Documents() {
			if ix.ID(doc) == "" {
				t.Fatalf("document %d has no id", doc)
			}
		}
	})
}
