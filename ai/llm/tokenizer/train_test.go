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

func TestConfigJSONLoads(t *testing.T) {
	data, err := TrainByteLevelBPEWithOptions(trainingTexts()[:100], TrainOptions{VocabSize: 300, SpecialTokens: []string{"<|im_start|>", "<|im_end|>"}, Pattern: PatternGPT2})
	if err != nil {
		t.Fatal(err)
	}
	tmpl := "{% for m in messages %}<|im_start|>{{ m.role }}\n{{ m.content }}<|im_end|>\n{% endfor %}"
	cfg, err := ConfigJSON(Config{BOSToken: "<|im_start|>", EOSToken: "<|im_end|>", ChatTemplate: tmpl, ModelMaxLength: 2048})
	if err != nil {
		t.Fatal(err)
	}
	tok, err := New(data, cfg)
	if err != nil {
		t.Fatalf("%v\n%s", err, cfg)
	}
	if tok.ChatTemplate() != tmpl || tok.EOSToken() != "<|im_end|>" {
		t.Fatalf("config read back as template %q, eos %q", tok.ChatTemplate(), tok.EOSToken())
	}
	if id, ok := tok.BOSID(); !ok || id != 0 {
		t.Fatalf("BOS id %d %v", id, ok)
	}
}
