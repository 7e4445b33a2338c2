package tokenizer

import (
	"bytes"
	"testing"
)

func TestTrainIsDeterministicAndLoads(t *testing.T) {
	texts := trainingTexts()[:400]
	a, err := TrainByteLevelBPE(texts, 600, []string{"<|endoftext|>"})
	if err != nil {
		t.Fatal(err)
	}
	b, err := TrainByteLevelBPE(texts, 600, []string{"<|endoftext|>"})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatal("two trainings on the same text gave different files")
	}
	tok, err := New(a, nil)
	if err != nil {
		t.Fatal(err)
	}
	if tok.VocabSize() != 600 {
		t.Fatalf("vocab size %d, want 600", tok.VocabSize())
	}
	for _, s := range texts[:50] {
		if got := tok.Decode(tok.Encode(s, true), false); got != s {
			t.Fatalf("round trip of %q gave %q", s, got)
		}
	}
	if id, ok := tok.TokenToID("<|endoftext|>"); !ok || id != 0 {
		t.Fatalf("special token id %d %v, want 0", id, ok)
	}
}
