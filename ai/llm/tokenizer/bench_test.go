package tokenizer

import (
	"strings"
	"testing"
)

// BenchmarkEncode measures encoding throughput on varied text with the
// Llama 3 style byte-level tokenizer; the first pass fills the word cache,
// as a long-running server's would be.
func BenchmarkEncode(b *testing.B) {
	fx := byteLevelFixtures(b)[0]
	tok, err := New(fx.tokenizer, fx.config)
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Join(generateTexts(5, 2000, nil), " ")
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tok.Encode(text, true)
	}
}

// BenchmarkEncodeUncached measures encoding with every word merged afresh.
func BenchmarkEncodeUncached(b *testing.B) {
	fx := byteLevelFixtures(b)[0]
	tok, err := New(fx.tokenizer, fx.config)
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Join(generateTexts(5, 2000, nil), " ")
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		clear(tok.model.cache)
		clear(tok.model.rawCache)
		tok.Encode(text, true)
	}
}

func BenchmarkEncodeMetaspace(b *testing.B) {
	fx := metaspaceFixtures(b)[0]
	tok, err := New(fx.tokenizer, fx.config)
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Join(generateTexts(5, 2000, nil), " ")
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tok.Encode(text, true)
	}
}

func BenchmarkTrain(b *testing.B) {
	texts := trainingTexts()
	for i := 0; i < b.N; i++ {
		if _, err := TrainByteLevelBPE(texts, 2000, []string{"<|endoftext|>"}); err != nil {
			b.Fatal(err)
		}
	}
}
