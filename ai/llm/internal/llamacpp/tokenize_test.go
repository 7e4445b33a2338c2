package llamacpp_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/openledger/openledger/ai/llm/gguf"
	"github.com/openledger/openledger/ai/llm/internal/llamacpp"
	"github.com/openledger/openledger/ai/llm/tokenizer"
)

// tokenizeTexts are varied strings: white space runs, digits, punctuation,
// Unicode letters and marks, emoji, special tokens.
func tokenizeTexts() []string {
	texts := []string{
		"The ledger records every transfer.", "  two leading spaces", "trailing spaces   ", "\n\nnew lines\r\n\tand tabs",
		"digits 1234567890 and 3.14159, 1,000,000", "don't we'll they're I'M", "emoji 🦊🐶🏳️‍🌈 and accents é ü ñ",
		"中文 日本語 한국어 العربية", "<|im_start|>user\nhi<|im_end|>\n", "<|endoftext|>text<|im_end|>",
		"a  b   c    d", "!!!??? ... ---", "x\u00a0y\u2003z", "MixedCASE words AND Numbers42",
	}
	// Pieces of the training text, cut on character boundaries, with
	// leading spaces.
	for _, base := range tokenizerText {
		r := []rune(base)
		for i := range 6 {
			cut := len(r) * i / 6
			texts = append(texts, string(r[cut:]), strings.Repeat(" ", i)+string(r[:len(r)-cut]))
		}
	}
	return texts
}

// llama.cpp's tokenizer, reading the vocabulary, merges and pre-tokenizer
// that package gguf embeds, splits text as the engine's tokenizer does on
// the folder's tokenizer.json.
func TestEmbeddedTokenizerMatchesLlamaCpp(t *testing.T) {
	llamacpp.Install(t)
	dir := t.TempDir()
	hfDir := filepath.Join(dir, "hf")
	writeParityModel(t, hfDir)
	path := filepath.Join(dir, "model.gguf")
	if err := gguf.ConvertFolder(hfDir, path, gguf.WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	tok, err := tokenizer.Load(hfDir)
	if err != nil {
		t.Fatal(err)
	}
	texts := tokenizeTexts()
	resp := llamacpp.Run(t, llamacpp.Request{Model: path, Tokenize: texts})
	if len(resp.Tokenized) != len(texts) {
		t.Fatalf("llama.cpp tokenised %d texts of %d", len(resp.Tokenized), len(texts))
	}
	for i, s := range texts {
		if got := tok.Encode(s, false); fmt.Sprint(got) != fmt.Sprint(resp.Tokenized[i]) {
			t.Errorf("%q:\n engine    %v\n llama.cpp %v", s, got, resp.Tokenized[i])
		}
	}
	t.Logf("%d texts tokenised alike", len(texts))
}
