package llamacpp_test

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/openledger/openledger/ai/llm/gguf"
	"github.com/openledger/openledger/ai/llm/internal/llamacpp"
	"github.com/openledger/openledger/ai/llm/model"
	"github.com/openledger/openledger/ai/llm/tokenizer"
)

// sentencePieceTokenizerJSON builds a Llama 2-style tokenizer.json (BPE with
// byte fallback over "▁"-marked text, transformers' legacy normalizer) with
// merges learnt from text: <unk>, <s>, </s>, the 256 byte tokens, the
// characters of the text, then one piece per merge.
func sentencePieceTokenizerJSON(t *testing.T, texts []string, merges int) []byte {
	t.Helper()
	words := map[string]int{}
	for _, s := range texts {
		for _, w := range strings.Fields(s) {
			words["▁"+w]++
		}
	}
	vocab := []string{"<unk>", "<s>", "</s>"}
	for b := range 256 {
		vocab = append(vocab, fmt.Sprintf("<0x%02X>", b))
	}
	seen := map[string]bool{}
	split := map[string][]string{}
	for w := range words {
		for _, r := range w {
			split[w] = append(split[w], string(r))
			if !seen[string(r)] {
				seen[string(r)] = true
			}
		}
	}
	chars := make([]string, 0, len(seen))
	for c := range seen {
		chars = append(chars, c)
	}
	slices.Sort(chars)
	vocab = append(vocab, chars...)
	var pairs [][2]string
	for range merges {
		counts := map[[2]string]int{}
		for w, n := range words {
			syms := split[w]
			for i := 1; i < len(syms); i++ {
				counts[[2]string{syms[i-1], syms[i]}] += n
			}
		}
		var best [2]string
		bestN := 0
		for p, n := range counts {
			if n > bestN || (n == bestN && (p[0]+" "+p[1]) < (best[0]+" "+best[1])) {
				best, bestN = p, n
			}
		}
		if bestN < 2 {
			break
		}
		pairs = append(pairs, best)
		merged := best[0] + best[1]
		if !seen[merged] {
			seen[merged] = true
			vocab = append(vocab, merged)
		}
		for w, syms := range split {
			var out []string
			for i := 0; i < len(syms); i++ {
				if i+1 < len(syms) && syms[i] == best[0] && syms[i+1] == best[1] {
					out = append(out, merged)
					i++
				} else {
					out = append(out, syms[i])
				}
			}
			split[w] = out
		}
	}
	ids := map[string]int{}
	for i, v := range vocab {
		ids[v] = i
	}
	added := []map[string]any{}
	for i, s := range vocab[:3] {
		added = append(added, map[string]any{"id": i, "content": s, "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true})
	}
	doc := map[string]any{
		"version": "1.0", "added_tokens": added,
		"normalizer": map[string]any{"type": "Sequence", "normalizers": []any{
			map[string]any{"type": "Prepend", "prepend": "▁"},
			map[string]any{"type": "Replace", "pattern": map[string]any{"String": " "}, "content": "▁"},
		}},
		"pre_tokenizer": nil, "post_processor": nil,
		"decoder": map[string]any{"type": "Sequence", "decoders": []any{
			map[string]any{"type": "Replace", "pattern": map[string]any{"String": "▁"}, "content": " "},
			map[string]any{"type": "ByteFallback"},
			map[string]any{"type": "Fuse"},
			map[string]any{"type": "Strip", "content": " ", "start": 1, "stop": 0},
		}},
		"model": map[string]any{
			"type": "BPE", "unk_token": "<unk>", "fuse_unk": true, "byte_fallback": true,
			"vocab": ids, "merges": pairs,
		},
	}
	data, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// A SentencePiece vocabulary written to GGUF ("llama": pieces, scores, byte
// tokens) and read back by package gguf tokenises as llama.cpp's own
// SentencePiece tokenizer does on the same file.
func TestSentencePieceTokenizerMatchesLlamaCpp(t *testing.T) {
	llamacpp.Install(t)
	tj := sentencePieceTokenizerJSON(t, tokenizerText, 120)
	orig, err := tokenizer.New(tj, nil)
	if err != nil {
		t.Fatal(err)
	}
	cfg := model.TinyConfig()
	cfg.Vocab, cfg.BOSTokenID, cfg.EOSTokenIDs = orig.VocabSize(), 1, []int{2}
	m, err := model.NewRandom(cfg, 5)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "spm.gguf")
	if err := gguf.Write(path, m, gguf.WriteOptions{TokenizerJSON: tj, AddBOS: true}); err != nil {
		t.Fatal(err)
	}
	f, err := gguf.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	tok, err := f.LoadTokenizer()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	texts := tokenizeTexts()
	resp := llamacpp.Run(t, llamacpp.Request{Model: path, Tokenize: texts})
	sameAsOriginal := 0
	for i, s := range texts {
		got := tok.Encode(s, false)
		if fmt.Sprint(got) != fmt.Sprint(resp.Tokenized[i]) {
			t.Errorf("%q:\n engine    %v\n llama.cpp %v", s, got, resp.Tokenized[i])
		}
		if fmt.Sprint(got) == fmt.Sprint(orig.Encode(s, false)) {
			sameAsOriginal++
		}
		// The legacy decoder strips the one space the normalizer prepends,
		// so only texts without leading spaces decode back exactly.
		if d := tok.Decode(got, true); d != s && s == strings.TrimLeft(s, " ") {
			t.Errorf("%q decodes back as %q", s, d)
		}
	}
	if ids := tok.Encode("hi", true); len(ids) == 0 || ids[0] != 1 {
		t.Errorf("encoding with special tokens does not start with <s>: %v", ids)
	}
	t.Logf("%d texts tokenised alike; %d of them also as the merges of the original tokenizer.json", len(texts), sameAsOriginal)
}
