package textnorm

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"strings"
	"sync"
)

// The lexicon (lexicon.txt.gz, made from WordNet 3.0 by genlexicon; licence
// in LICENSE.wordnet) holds what lets reworded text meet its source:
// irregular forms with their base form, and synonym classes of stems. It
// is part of the method: a different lexicon is a different method
// version.

//go:embed lexicon.txt.gz
var lexiconGz []byte

type lexiconTables struct {
	lemmas  map[string]string // irregular form -> base form
	classes map[string]string // stem -> synonym class (a stem)
}

var lexicon = sync.OnceValue(func() *lexiconTables {
	t, err := parseLexicon(lexiconGz)
	if err != nil {
		panic("textnorm: the embedded lexicon is unreadable: " + err.Error())
	}
	return t
})

func parseLexicon(gz []byte) (*lexiconTables, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, err
	}
	t := &lexiconTables{lemmas: map[string]string{}, classes: map[string]string{}}
	sc := bufio.NewScanner(zr)
	for line := 1; sc.Scan(); line++ {
		f := strings.Fields(sc.Text())
		if len(f) != 3 {
			return nil, fmt.Errorf("line %d: want 3 fields, got %d", line, len(f))
		}
		switch f[0] {
		case "lemma":
			t.lemmas[f[1]] = f[2]
		case "class":
			t.classes[f[1]] = f[2]
		default:
			return nil, fmt.Errorf("line %d: unknown section %q", line, f[0])
		}
	}
	return t, sc.Err()
}

// LexiconSizes returns the number of irregular forms and of stems with a
// synonym class.
func LexiconSizes() (lemmas, classes int) {
	t := lexicon()
	return len(t.lemmas), len(t.classes)
}
