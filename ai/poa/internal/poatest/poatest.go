// Package poatest holds the contributions the PoA engine's tests index:
// JSONL encoding and a seeded generator of small documents whose words
// repeat across documents.
package poatest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// JSONL encodes contributions as JSONL lines.
func JSONL(t testing.TB, docs ...map[string]any) []byte {
	t.Helper()
	var b bytes.Buffer
	for _, d := range docs {
		line, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// SampleDocs builds n contributions from a small vocabulary, so that words
// repeat across documents, with a fixed seed. The vocabulary holds the
// awkward cases of normalisation (ß, a ligature, combining forms, an
// apostrophe, a version number).
func SampleDocs(seed uint64, n int) []map[string]any {
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
