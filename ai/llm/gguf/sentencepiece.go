package gguf

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// tokenizerModelSPM is tokenizer.ggml.model for SentencePiece BPE
// vocabularies (Llama 2, TinyLlama): pieces with scores, "▁" for spaces and
// <0xXX> byte tokens for characters outside the vocabulary.
const tokenizerModelSPM = "llama"

const spaceMark = "▁"

// sentencePieceJSON rebuilds a SentencePiece vocabulary as the tokenizer.json
// transformers' LlamaConverter writes: BPE with byte fallback whose merges
// are derived from the scores (every split of a piece into two pieces, the
// higher the merged piece's score the earlier, as its
// SentencePieceExtractor orders them), a normalizer that turns spaces into
// "▁" and prepends one, and the matching decoder.
func (f *File) sentencePieceJSON(tokens []string, types []int) ([]byte, error) {
	raw, ok := f.Metadata["tokenizer.ggml.scores"]
	scores, isFloats := raw.([]float32)
	switch {
	case !ok:
		return nil, fmt.Errorf("%s: SentencePiece tokenizer without tokenizer.ggml.scores", f.Path)
	case !isFloats || len(scores) != len(tokens):
		return nil, fmt.Errorf("%s: tokenizer.ggml.scores must be %d float32 values", f.Path, len(tokens))
	}
	ids := make(map[string]int, len(tokens))
	for id, t := range tokens {
		if _, dup := ids[t]; dup {
			return nil, fmt.Errorf("%s: token %q appears twice in tokenizer.ggml.tokens", f.Path, t)
		}
		ids[t] = id
	}
	type merge struct {
		l, r  string
		score float32
	}
	var merges []merge
	for id, piece := range tokens {
		var local []merge
		for i := range piece {
			if i == 0 {
				continue
			}
			l, r := piece[:i], piece[i:]
			if _, ok := ids[l]; !ok {
				continue
			}
			if _, ok := ids[r]; ok {
				local = append(local, merge{l, r, scores[id]})
			}
		}
		slices.SortStableFunc(local, func(a, b merge) int {
			if d := ids[a.l] - ids[b.l]; d != 0 {
				return d
			}
			return ids[a.r] - ids[b.r]
		})
		merges = append(merges, local...)
	}
	// Python's sorted(key=(score, len(l), len(r)), reverse=True): descending
	// and stable; lengths in characters.
	slices.SortStableFunc(merges, func(a, b merge) int {
		switch {
		case a.score != b.score:
			if a.score > b.score {
				return -1
			}
			return 1
		case utf8.RuneCountInString(a.l) != utf8.RuneCountInString(b.l):
			return utf8.RuneCountInString(b.l) - utf8.RuneCountInString(a.l)
		}
		return utf8.RuneCountInString(b.r) - utf8.RuneCountInString(a.r)
	})
	pairs := make([][2]string, len(merges))
	for i, m := range merges {
		pairs[i] = [2]string{m.l, m.r}
	}
	vocab := make(map[string]int, len(tokens))
	var added []map[string]any
	unk := any(nil)
	for id, t := range tokens {
		vocab[t] = id
		typ := tokenNormal
		if types != nil {
			typ = types[id]
		}
		switch typ {
		case tokenUnknown:
			unk = t
			fallthrough
		case tokenControl, tokenUserDefined:
			added = append(added, map[string]any{
				"id": id, "content": t, "single_word": false, "lstrip": false,
				"rstrip": false, "normalized": false, "special": typ != tokenUserDefined,
			})
		}
	}
	if added == nil {
		added = []map[string]any{}
	}
	normalizers := []any{map[string]any{"type": "Replace", "pattern": map[string]any{"String": " "}, "content": spaceMark}}
	decoders := []any{
		map[string]any{"type": "Replace", "pattern": map[string]any{"String": spaceMark}, "content": " "},
		map[string]any{"type": "ByteFallback"},
		map[string]any{"type": "Fuse"},
	}
	if prefix, ok := f.Metadata["tokenizer.ggml.add_space_prefix"]; !ok || prefix == true {
		normalizers = append([]any{map[string]any{"type": "Prepend", "prepend": spaceMark}}, normalizers...)
		decoders = append(decoders, map[string]any{"type": "Strip", "content": " ", "start": 1, "stop": 0})
	}
	doc := map[string]any{
		"version": "1.0", "truncation": nil, "padding": nil, "added_tokens": added,
		"normalizer":     map[string]any{"type": "Sequence", "normalizers": normalizers},
		"pre_tokenizer":  nil,
		"post_processor": nil,
		"decoder":        map[string]any{"type": "Sequence", "decoders": decoders},
		"model": map[string]any{
			"type": "BPE", "dropout": nil, "unk_token": unk, "continuing_subword_prefix": nil,
			"end_of_word_suffix": nil, "fuse_unk": true, "byte_fallback": true, "ignore_merges": false,
			"vocab": vocab, "merges": pairs,
		},
	}
	return json.Marshal(doc)
}

// sentencePieceMetadata converts a SentencePiece-style tokenizer.json (BPE
// with byte fallback over "▁"-marked text) into tokenizer.ggml.* keys. Each
// piece's score is minus the rank of the first merge that makes it, so that
// merging by score, as llama.cpp does, follows the merge order; pieces no
// merge makes (characters, bytes, specials) score below every merge.
func sentencePieceMetadata(tokens []string, types []int32, merges []string, addSpacePrefix bool) []kv {
	rank := map[string]int{}
	for k, m := range merges {
		piece := strings.Replace(m, " ", "", 1)
		if _, ok := rank[piece]; !ok {
			rank[piece] = k
		}
	}
	scores := make([]float32, len(tokens))
	for id, t := range tokens {
		if k, ok := rank[t]; ok {
			scores[id] = -float32(k)
		} else {
			scores[id] = -float32(len(merges)) - float32(id)
		}
	}
	for id, t := range tokens {
		if types[id] == tokenNormal && isByteToken(t) {
			types[id] = tokenByte
		}
	}
	meta := []kv{
		{"tokenizer.ggml.model", tokenizerModelSPM},
		{"tokenizer.ggml.tokens", tokens},
		{"tokenizer.ggml.scores", scores},
		{"tokenizer.ggml.token_type", types},
		{"tokenizer.ggml.add_space_prefix", addSpacePrefix},
	}
	if unk := slices.Index(types, tokenUnknown); unk >= 0 {
		meta = append(meta, kv{"tokenizer.ggml.unknown_token_id", uint32(unk)})
	}
	return meta
}

// isByteToken reports whether t is a byte-fallback token such as <0x0A>.
func isByteToken(t string) bool {
	if len(t) != 6 || !strings.HasPrefix(t, "<0x") || t[5] != '>' {
		return false
	}
	const hex = "0123456789ABCDEF"
	return strings.IndexByte(hex, t[3]) >= 0 && strings.IndexByte(hex, t[4]) >= 0
}

// metaspaceLayout recognises the two tokenizer.json layouts of
// SentencePiece models (transformers' legacy normalizer, or a Metaspace
// pre-tokenizer) and returns whether a "▁" is prepended.
func metaspaceLayout(normalizer, preTokenizer json.RawMessage) (addSpacePrefix bool, err error) {
	canon := func(raw json.RawMessage) string {
		var v any
		if json.Unmarshal(raw, &v) != nil {
			return ""
		}
		out, _ := json.Marshal(v)
		return string(out)
	}
	replace := map[string]any{"type": "Replace", "pattern": map[string]any{"String": " "}, "content": spaceMark}
	legacy, _ := json.Marshal(map[string]any{"type": "Sequence", "normalizers": []any{
		map[string]any{"type": "Prepend", "prepend": spaceMark}, replace,
	}})
	noPrefix, _ := json.Marshal(map[string]any{"type": "Sequence", "normalizers": []any{replace}})
	n, p := canon(normalizer), canon(preTokenizer)
	switch {
	case n == string(legacy) && (p == "" || p == "null"):
		return true, nil
	case n == string(noPrefix) && (p == "" || p == "null"):
		return false, nil
	case n == "" || n == "null":
		var pm map[string]any
		if json.Unmarshal(preTokenizer, &pm) == nil && pm["type"] == "Metaspace" && pm["replacement"] == spaceMark && pm["split"] == false {
			switch pm["prepend_scheme"] {
			case "first", "always":
				return true, nil
			case "never":
				return false, nil
			}
		}
	}
	return false, fmt.Errorf("tokenizer.json: byte-fallback BPE with normalizer %s and pre_tokenizer %s is not a SentencePiece layout this package writes", n, p)
}
