package index

import (
	"bytes"
	"path/filepath"
	"testing"
)

// buildIndex builds an index from JSONL input in a temporary directory.
func buildIndex(t testing.TB, name string, input []byte) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), name)
	if _, err := Build(bytes.NewReader(input), dir, BuildOptions{}); err != nil {
		t.Fatalf("build %s: %v", name, err)
	}
	return dir
}

// openIndex opens an index, closing it when the test ends.
func openIndex(t testing.TB, dir string) *Index {
	t.Helper()
	ix, err := Open(dir, OpenOptions{})
	if err != nil {
		t.Fatalf("open %s: %v", dir, err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}
