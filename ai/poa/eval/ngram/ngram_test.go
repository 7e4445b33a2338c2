//go:build unix

package ngram

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestBaselineFindsSharedNGrams(t *testing.T) {
	input := `{"id":"a","text":"The quick brown fox jumps over the lazy dog by the river."}
{"id":"b","text":"A slow green turtle walks under the busy bridge at noon."}
{"id":"c","text":"The quick brown fox jumps over the fence instead."}
`
	dir := filepath.Join(t.TempDir(), "ng")
	if err := Build(strings.NewReader(input), dir, 4); err != nil {
		t.Fatal(err)
	}
	ix, err := Open(dir, 4)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	hits, covered := ix.Query([]byte("Look: the QUICK brown fox jumps over the lazy dog!"))
	if len(hits) != 2 || hits[0].ID != "a" || hits[0].NGrams != 6 || hits[1].ID != "c" || hits[1].NGrams != 4 {
		t.Fatalf("hits %+v", hits)
	}
	if covered != len("the quick brown fox jumps over the lazy dog") {
		t.Fatalf("covered %d", covered)
	}
	if hits, _ := ix.Query([]byte("nothing in common with anything at all")); len(hits) != 0 {
		t.Fatalf("hits %+v", hits)
	}
}
