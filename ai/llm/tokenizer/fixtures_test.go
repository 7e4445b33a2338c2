package tokenizer

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"
)

// The test tokenizers. No model can be downloaded, so the byte-level files
// come from TrainByteLevelBPEWithOptions and the Metaspace files are built
// here in the exact layout of TinyLlama's and of newer Llama 2 files.

const metaspace = "\u2581"

var (
	llama3Specials = []string{"<|begin_of_text|>", "<|end_of_text|>", "<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>"}
	chatMLSpecials = []string{"<|endoftext|>", "<|im_start|>", "<|im_end|>"}
	llama2Specials = []string{"<unk>", "<s>", "</s>"}
)

// fixture is a tokenizer.json with its tokenizer_config.json and the added
// tokens to sprinkle into test strings.
type fixture struct {
	name      string
	tokenizer []byte
	config    []byte
	specials  []string
}

func mustJSON(t testing.TB, v any) []byte {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// patchJSON decodes a tokenizer.json, lets edit change it, and encodes it.
func patchJSON(t testing.TB, data []byte, edit func(map[string]any)) []byte {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	edit(m)
	return mustJSON(t, m)
}

func trainFixture(t testing.TB, opts TrainOptions) []byte {
	t.Helper()
	data, err := TrainByteLevelBPEWithOptions(trainingTexts(), opts)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func byteLevelFixtures(t testing.TB) []fixture {
	llama3 := trainFixture(t, TrainOptions{VocabSize: 1500, SpecialTokens: llama3Specials, Pattern: PatternLlama3, BOSToken: "<|begin_of_text|>"})
	// Llama 3 files set ignore_merges: a word that is a whole token is not
	// merged from its bytes. Their merges are "a b" strings.
	llama3 = patchJSON(t, llama3, func(m map[string]any) {
		model := m["model"].(map[string]any)
		model["ignore_merges"] = true
		var merges []any
		for _, pair := range model["merges"].([]any) {
			p := pair.([]any)
			merges = append(merges, p[0].(string)+" "+p[1].(string))
		}
		model["merges"] = merges
	})
	qwen2 := trainFixture(t, TrainOptions{VocabSize: 1000, SpecialTokens: chatMLSpecials, Pattern: PatternQwen2})
	gpt2 := trainFixture(t, TrainOptions{VocabSize: 1200, SpecialTokens: chatMLSpecials, Pattern: PatternGPT2})
	// SmolLM2 splits every digit before the GPT-2 split.
	smollm2 := patchJSON(t, gpt2, func(m map[string]any) {
		m["pre_tokenizer"] = map[string]any{"type": "Sequence", "pretokenizers": []any{
			map[string]any{"type": "Digits", "individual_digits": true},
			map[string]any{"type": "ByteLevel", "add_prefix_space": false, "trim_offsets": true, "use_regex": true},
		}}
	})
	// Added tokens with the lstrip, rstrip and normalized flags, as
	// fine-tuned models add them.
	qwen2 = withFlaggedAddedTokens(t, qwen2)
	// Qwen2's file normalizes to NFC first.
	qwen2 = patchJSON(t, qwen2, func(m map[string]any) { m["normalizer"] = map[string]any{"type": "NFC"} })
	cfg := func(bos, eos string, cleanUp bool) []byte {
		return mustJSON(t, map[string]any{"bos_token": bos, "eos_token": eos, "clean_up_tokenization_spaces": cleanUp})
	}
	return []fixture{
		{"bytelevel-llama3", llama3, cfg("<|begin_of_text|>", "<|eot_id|>", false), llama3Specials},
		{"bytelevel-qwen2", qwen2, mustJSON(t, map[string]any{"bos_token": nil, "eos_token": "<|im_end|>", "clean_up_tokenization_spaces": false}), append(flaggedAddedTokens, chatMLSpecials...)},
		{"bytelevel-gpt2", gpt2, cfg("<|endoftext|>", "<|endoftext|>", true), chatMLSpecials},
		{"bytelevel-smollm2", smollm2, cfg("<|im_start|>", "<|im_end|>", false), chatMLSpecials},
	}
}

// learnRuneMerges learns BPE merges over characters of words, the simple
// way (recount every round); it is only used on test-sized input.
func learnRuneMerges(words map[string]int, alphabet map[string]bool, rounds int) [][2]string {
	type word struct {
		syms []string
		freq int
	}
	keys := make([]string, 0, len(words))
	for w := range words {
		keys = append(keys, w)
	}
	sort.Strings(keys)
	var ws []word
	for _, k := range keys {
		var syms []string
		for _, r := range k {
			syms = append(syms, string(r))
		}
		ws = append(ws, word{syms, words[k]})
	}
	var merges [][2]string
	for round := 0; round < rounds; round++ {
		counts := map[[2]string]int{}
		for _, w := range ws {
			for i := 0; i+1 < len(w.syms); i++ {
				if alphabetOK(w.syms[i], alphabet) && alphabetOK(w.syms[i+1], alphabet) {
					counts[[2]string{w.syms[i], w.syms[i+1]}] += w.freq
				}
			}
		}
		var best [2]string
		bestCount := 0
		for p, c := range counts {
			if c > bestCount || (c == bestCount && (p[0] < best[0] || (p[0] == best[0] && p[1] < best[1]))) {
				best, bestCount = p, c
			}
		}
		if bestCount < 2 {
			break
		}
		merges = append(merges, best)
		for wi := range ws {
			syms := ws[wi].syms
			out := syms[:0]
			for i := 0; i < len(syms); i++ {
				if i+1 < len(syms) && syms[i] == best[0] && syms[i+1] == best[1] {
					out = append(out, best[0]+best[1])
					i++
					continue
				}
				out = append(out, syms[i])
			}
			ws[wi].syms = out
		}
	}
	return merges
}

// alphabetOK reports whether a symbol is made of alphabet characters only;
// characters outside the alphabet are left to byte fallback.
func alphabetOK(sym string, alphabet map[string]bool) bool {
	for _, r := range sym {
		if !alphabet[string(r)] {
			return false
		}
	}
	return true
}

// metaspaceVocab builds a Llama 2 style vocabulary: <unk> <s> </s>, the 256
// byte tokens, the frequent characters and the learned merges.
func metaspaceVocab() (map[string]int, [][2]string) {
	charCount := map[string]int{}
	words := map[string]int{}
	// A part of the training text keeps the simple learner fast.
	for _, text := range trainingTexts()[:600] {
		s := metaspace + strings.ReplaceAll(text, " ", metaspace)
		for _, r := range s {
			charCount[string(r)]++
		}
		// Learn within words that start at a ▁, as SentencePiece does.
		for _, w := range strings.SplitAfter(strings.ReplaceAll(s, metaspace, "\x00"+metaspace), "\x00") {
			w = strings.TrimSuffix(w, "\x00")
			if w != "" {
				words[w]++
			}
		}
	}
	alphabet := map[string]bool{}
	for c, n := range charCount {
		if n >= 12 {
			alphabet[c] = true
		}
	}
	vocab := map[string]int{}
	for i, s := range llama2Specials {
		vocab[s] = i
	}
	for b := 0; b < 256; b++ {
		vocab[fmt.Sprintf("<0x%02X>", b)] = len(vocab)
	}
	chars := make([]string, 0, len(alphabet))
	for c := range alphabet {
		chars = append(chars, c)
	}
	sort.Strings(chars)
	for _, c := range chars {
		if _, ok := vocab[c]; !ok {
			vocab[c] = len(vocab)
		}
	}
	merges := learnRuneMerges(words, alphabet, 300)
	for _, m := range merges {
		if _, ok := vocab[m[0]+m[1]]; !ok {
			vocab[m[0]+m[1]] = len(vocab)
		}
	}
	return vocab, merges
}

var (
	metaspaceVocabOnce   sync.Once
	metaspaceVocabCached map[string]int
	metaspaceMergesCache [][2]string
)

func metaspaceFixtures(t testing.TB) []fixture {
	// Learning the merges takes a moment; several tests share the result.
	metaspaceVocabOnce.Do(func() { metaspaceVocabCached, metaspaceMergesCache = metaspaceVocab() })
	vocab, merges := metaspaceVocabCached, metaspaceMergesCache
	var added []any
	for i, s := range llama2Specials {
		added = append(added, map[string]any{"id": i, "content": s, "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true})
	}
	stringMerges := make([]string, len(merges))
	for i, m := range merges {
		stringMerges[i] = m[0] + " " + m[1]
	}
	bosTemplate := map[string]any{
		"type":   "TemplateProcessing",
		"single": []any{map[string]any{"SpecialToken": map[string]any{"id": "<s>", "type_id": 0}}, map[string]any{"Sequence": map[string]any{"id": "A", "type_id": 0}}},
		"pair": []any{
			map[string]any{"SpecialToken": map[string]any{"id": "<s>", "type_id": 0}},
			map[string]any{"Sequence": map[string]any{"id": "A", "type_id": 0}},
			map[string]any{"SpecialToken": map[string]any{"id": "<s>", "type_id": 1}},
			map[string]any{"Sequence": map[string]any{"id": "B", "type_id": 1}},
		},
		"special_tokens": map[string]any{"<s>": map[string]any{"id": "<s>", "ids": []int{1}, "tokens": []string{"<s>"}}},
	}
	model := func(merges any) map[string]any {
		return map[string]any{
			"type": "BPE", "dropout": nil, "unk_token": "<unk>", "continuing_subword_prefix": nil, "end_of_word_suffix": nil,
			"fuse_unk": true, "byte_fallback": true, "vocab": vocab, "merges": merges,
		}
	}
	// TinyLlama / Llama 2: a normalizer prepends ▁ and replaces spaces; no
	// pre-tokenizer; merges as "a b" strings.
	tinyllama := mustJSON(t, map[string]any{
		"version": "1.0", "truncation": nil, "padding": nil, "added_tokens": added,
		"normalizer": map[string]any{"type": "Sequence", "normalizers": []any{
			map[string]any{"type": "Prepend", "prepend": metaspace},
			map[string]any{"type": "Replace", "pattern": map[string]any{"String": " "}, "content": metaspace},
		}},
		"pre_tokenizer":  nil,
		"post_processor": bosTemplate,
		"decoder": map[string]any{"type": "Sequence", "decoders": []any{
			map[string]any{"type": "Replace", "pattern": map[string]any{"String": metaspace}, "content": " "},
			map[string]any{"type": "ByteFallback"},
			map[string]any{"type": "Fuse"},
			map[string]any{"type": "Strip", "content": " ", "start": 1, "stop": 0},
		}},
		"model": model(stringMerges),
	})
	// Newer conversions: a Metaspace pre-tokenizer with prepend_scheme
	// "first"; merges as pairs.
	firstScheme := mustJSON(t, map[string]any{
		"version": "1.0", "truncation": nil, "padding": nil, "added_tokens": added,
		"normalizer":     nil,
		"pre_tokenizer":  map[string]any{"type": "Metaspace", "replacement": metaspace, "prepend_scheme": "first", "split": false},
		"post_processor": bosTemplate,
		"decoder": map[string]any{"type": "Sequence", "decoders": []any{
			map[string]any{"type": "Metaspace", "replacement": metaspace, "prepend_scheme": "first", "split": false},
			map[string]any{"type": "ByteFallback"},
			map[string]any{"type": "Fuse"},
		}},
		"model": model(merges),
	})
	cfg := mustJSON(t, map[string]any{"bos_token": "<s>", "eos_token": "</s>", "unk_token": "<unk>", "clean_up_tokenization_spaces": false})
	tinyllama = withFlaggedAddedTokens(t, tinyllama)
	return []fixture{
		{"metaspace-tinyllama", tinyllama, cfg, append(flaggedAddedTokens, llama2Specials...)},
		{"metaspace-prepend-first", firstScheme, cfg, llama2Specials},
	}
}

// flaggedAddedTokens are added by withFlaggedAddedTokens: one strips the
// space to its left, one the space to its right, and one is an ordinary
// (not special) token matched in the normalized text.
var flaggedAddedTokens = []string{"<mask>", "[tool]", "hello world"}

func withFlaggedAddedTokens(t testing.TB, data []byte) []byte {
	return patchJSON(t, data, func(m map[string]any) {
		next := 0
		for _, id := range m["model"].(map[string]any)["vocab"].(map[string]any) {
			next = max(next, int(id.(float64))+1)
		}
		added := m["added_tokens"].([]any)
		for i, flags := range []map[string]any{
			{"lstrip": true, "rstrip": false, "normalized": false, "special": true},
			{"lstrip": false, "rstrip": true, "normalized": false, "special": true},
			{"lstrip": false, "rstrip": false, "normalized": true, "special": false},
		} {
			tok := map[string]any{"id": next + i, "content": flaggedAddedTokens[i], "single_word": false}
			for k, v := range flags {
				tok[k] = v
			}
			added = append(added, tok)
		}
		m["added_tokens"] = added
	})
}
