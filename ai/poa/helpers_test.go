package poa

import (
	"bytes"
	"encoding/json"
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

// openEngine builds and opens indexes, closing them when the test ends.
func openEngine(t testing.TB, dirs ...string) *Engine {
	t.Helper()
	var indexes []*Index
	for _, dir := range dirs {
		ix, err := Open(dir, OpenOptions{})
		if err != nil {
			t.Fatalf("open %s: %v", dir, err)
		}
		t.Cleanup(func() { ix.Close() })
		indexes = append(indexes, ix)
	}
	e, err := NewEngine(indexes)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func mustJSON(t testing.TB, v any) string {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
