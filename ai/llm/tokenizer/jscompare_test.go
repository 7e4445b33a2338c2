package tokenizer

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/openledger/openledger/ai/llm/internal/jscheck"
)

// stringsPerTokenizer is how many generated strings each test tokenizer
// encodes on both sides.
const stringsPerTokenizer = 3000

// TestMatchesHuggingFaceJS encodes and decodes the same strings with this
// package and with npm's @huggingface/tokenizers and requires identical ids
// and text.
func TestMatchesHuggingFaceJS(t *testing.T) {
	jscheck.Install(t)
	fixtures := append(byteLevelFixtures(t), metaspaceFixtures(t)...)
	for i, fx := range fixtures {
		t.Run(fx.name, func(t *testing.T) {
			// Node and Go work overlap when the tokenizers run in parallel.
			t.Parallel()
			compareWithJS(t, fx, uint64(100+i))
		})
	}
}

func compareWithJS(t *testing.T, fx fixture, seed uint64) {
	tok, err := New(fx.tokenizer, fx.config)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	tokPath, cfgPath := filepath.Join(dir, TokenizerFile), filepath.Join(dir, ConfigFile)
	if err := os.WriteFile(tokPath, fx.tokenizer, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cfgPath, fx.config, 0o644); err != nil {
		t.Fatal(err)
	}
	texts := generateTexts(seed, stringsPerTokenizer, fx.specials)
	encoded := make([][]int, len(texts))
	plain := make([][]int, len(texts))
	var idLists [][]int
	for i, s := range texts {
		encoded[i] = tok.Encode(s, true)
		plain[i] = tok.Encode(s, false)
		if len(encoded[i]) > 0 {
			idLists = append(idLists, encoded[i])
		}
	}
	// Every token alone.
	for id := 0; id < tok.VocabSize(); id++ {
		idLists = append(idLists, []int{id})
	}
	// Arbitrary id sequences, which may cut characters apart or hold
	// invalid UTF-8, test the decoders' replacement of broken bytes.
	r := rand.New(rand.NewPCG(seed, 1))
	for k := 0; k < 500; k++ {
		ids := make([]int, 1+r.IntN(12))
		for j := range ids {
			ids[j] = r.IntN(tok.VocabSize())
		}
		idLists = append(idLists, ids)
	}
	var js struct {
		Encoded     [][]int  `json:"encoded"`
		Plain       [][]int  `json:"plain"`
		Decoded     []string `json:"decoded"`
		DecodedSkip []string `json:"decodedSkip"`
	}
	jscheck.Run(t, "tokenize.mjs", map[string]any{"tokenizer": tokPath, "config": cfgPath, "texts": texts, "ids": idLists}, &js)
	if len(js.Encoded) != len(texts) || len(js.Decoded) != len(idLists) {
		t.Fatalf("reference answered %d encodings and %d decodings for %d and %d", len(js.Encoded), len(js.Decoded), len(texts), len(idLists))
	}
	failures := 0
	report := func(format string, args ...any) {
		failures++
		if failures <= 10 {
			t.Errorf(format, args...)
		}
	}
	for i, s := range texts {
		if !slices.Equal(encoded[i], js.Encoded[i]) {
			report("encode %q:\n go %v\n js %v", s, tokenStrings(tok, encoded[i]), tokenStrings(tok, js.Encoded[i]))
		} else if !slices.Equal(plain[i], js.Plain[i]) {
			report("encode without special tokens %q:\n go %v\n js %v", s, plain[i], js.Plain[i])
		}
	}
	for i, ids := range idLists {
		if got := tok.Decode(ids, false); got != js.Decoded[i] {
			report("decode %v: go %q, js %q", tokenStrings(tok, ids), got, js.Decoded[i])
		}
		if got := tok.Decode(ids, true); got != js.DecodedSkip[i] {
			report("decode skipping special tokens %v: go %q, js %q", tokenStrings(tok, ids), got, js.DecodedSkip[i])
		}
	}
	if failures > 0 {
		t.Fatalf("%d of %d strings and %d id lists differ from @huggingface/tokenizers", failures, len(texts), len(idLists))
	}
	t.Logf("%d strings encoded and %d id lists decoded identically", len(texts), len(idLists))
}

func tokenStrings(tok *Tokenizer, ids []int) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		s, _ := tok.IDToToken(id)
		out[i] = fmt.Sprintf("%d:%q", id, s)
	}
	return out
}
