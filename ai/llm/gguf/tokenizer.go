package gguf

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/openledger/openledger/ai/llm/tokenizer"
)

// GGUF token types (llama.cpp's llama_token_type).
const (
	tokenNormal      = 1
	tokenUnknown     = 2
	tokenControl     = 3
	tokenUserDefined = 4
	tokenUnused      = 5
	tokenByte        = 6
)

// tokenizerModelBPE is tokenizer.ggml.model for byte-level BPE vocabularies
// (GPT-2, Llama 3, SmolLM2, Qwen2); "llama" is SentencePiece.
const tokenizerModelBPE = "gpt2"

// preTokenizers maps tokenizer.ggml.pre values to the tokenizer.json
// pre_tokenizer llama.cpp's value stands for.
var preTokenizers = map[string]any{
	"gpt-2":     byteLevel(true),
	"default":   byteLevel(true),
	"llama-bpe": splitThenByteLevel(tokenizer.PatternLlama3),
	"qwen2":     splitThenByteLevel(tokenizer.PatternQwen2),
	"smollm": map[string]any{"type": "Sequence", "pretokenizers": []any{
		map[string]any{"type": "Digits", "individual_digits": true}, byteLevel(true),
	}},
}

// preTokenizerOrder is the order the writer tries preTokenizers in, so that
// a ByteLevel tokenizer is written as "gpt-2" rather than "default".
var preTokenizerOrder = []string{"gpt-2", "llama-bpe", "qwen2", "smollm"}

func byteLevel(useRegex bool) map[string]any {
	return map[string]any{"type": "ByteLevel", "add_prefix_space": false, "trim_offsets": true, "use_regex": useRegex}
}

func splitThenByteLevel(pattern string) map[string]any {
	return map[string]any{"type": "Sequence", "pretokenizers": []any{
		map[string]any{"type": "Split", "pattern": map[string]any{"Regex": pattern}, "behavior": "Isolated", "invert": false},
		byteLevel(false),
	}}
}

// LoadTokenizer builds the file's embedded tokenizer.
func (f *File) LoadTokenizer() (*tokenizer.Tokenizer, error) {
	tj, cj, err := f.TokenizerJSON()
	if err != nil {
		return nil, err
	}
	tok, err := tokenizer.New(tj, cj)
	if err != nil {
		return nil, fmt.Errorf("%s: embedded tokenizer: %w", f.Path, err)
	}
	return tok, nil
}

// TokenizerJSON rebuilds the embedded tokenizer as Hugging Face
// tokenizer.json and tokenizer_config.json contents.
func (f *File) TokenizerJSON() (tokenizerJSON, configJSON []byte, err error) {
	kind, ok, err := f.String("tokenizer.ggml.model")
	if err != nil {
		return nil, nil, err
	}
	switch {
	case !ok:
		return nil, nil, fmt.Errorf("%s: no embedded tokenizer (tokenizer.ggml.model is absent)", f.Path)
	case kind != tokenizerModelBPE && kind != tokenizerModelSPM:
		return nil, nil, fmt.Errorf("%s: unsupported tokenizer.ggml.model %q (the engine reads %q and %q)", f.Path, kind, tokenizerModelBPE, tokenizerModelSPM)
	}
	tokens, ok, err := f.Strings("tokenizer.ggml.tokens")
	if err != nil {
		return nil, nil, err
	}
	if !ok || len(tokens) == 0 {
		return nil, nil, fmt.Errorf("%s: missing metadata tokenizer.ggml.tokens", f.Path)
	}
	merges, _, err := f.Strings("tokenizer.ggml.merges")
	if err != nil {
		return nil, nil, err
	}
	types, hasTypes, err := f.Ints("tokenizer.ggml.token_type")
	if err != nil {
		return nil, nil, err
	}
	if hasTypes && len(types) != len(tokens) {
		return nil, nil, fmt.Errorf("%s: tokenizer.ggml.token_type has %d entries for %d tokens", f.Path, len(types), len(tokens))
	}
	if kind == tokenizerModelSPM {
		if tokenizerJSON, err = f.sentencePieceJSON(tokens, types); err != nil {
			return nil, nil, err
		}
		configJSON, err = f.tokenizerConfig(tokens, true)
		return tokenizerJSON, configJSON, err
	}
	pre, _, err := f.String("tokenizer.ggml.pre")
	if err != nil {
		return nil, nil, err
	}
	if pre == "" {
		pre = "default"
	}
	preTok, known := preTokenizers[pre]
	if !known {
		return nil, nil, fmt.Errorf("%s: unsupported tokenizer.ggml.pre %q (supported: %s)", f.Path, pre, strings.Join(append([]string{"default"}, preTokenizerOrder...), ", "))
	}

	var vocab bytes.Buffer // written by hand to keep the ids' order
	vocab.WriteByte('{')
	seen := make(map[string]bool, len(tokens))
	var added []map[string]any
	for id, t := range tokens {
		if seen[t] {
			return nil, nil, fmt.Errorf("%s: token %q appears twice in tokenizer.ggml.tokens", f.Path, t)
		}
		seen[t] = true
		if id > 0 {
			vocab.WriteByte(',')
		}
		k, _ := json.Marshal(t)
		fmt.Fprintf(&vocab, "%s:%d", k, id)
		if hasTypes && (types[id] == tokenControl || types[id] == tokenUserDefined) {
			added = append(added, map[string]any{
				"id": id, "content": t, "single_word": false, "lstrip": false,
				"rstrip": false, "normalized": false, "special": types[id] == tokenControl,
			})
		}
	}
	vocab.WriteByte('}')
	pairs := make([][2]string, len(merges))
	for i, m := range merges {
		a, b, ok := strings.Cut(m, " ")
		if !ok {
			return nil, nil, fmt.Errorf("%s: tokenizer.ggml.merges[%d] %q is not two tokens", f.Path, i, m)
		}
		pairs[i] = [2]string{a, b}
	}
	doc := map[string]any{
		"version": "1.0", "truncation": nil, "padding": nil, "added_tokens": added, "normalizer": nil,
		"pre_tokenizer":  preTok,
		"post_processor": map[string]any{"type": "ByteLevel", "add_prefix_space": true, "trim_offsets": false, "use_regex": true},
		"decoder":        map[string]any{"type": "ByteLevel", "add_prefix_space": true, "trim_offsets": true, "use_regex": true},
		"model": map[string]any{
			"type": "BPE", "dropout": nil, "unk_token": nil, "continuing_subword_prefix": nil,
			"end_of_word_suffix": nil, "fuse_unk": false, "byte_fallback": false, "ignore_merges": false,
			"vocab": json.RawMessage(vocab.Bytes()), "merges": pairs,
		},
	}
	if added == nil {
		doc["added_tokens"] = []any{}
	}
	tokenizerJSON, err = json.Marshal(doc)
	if err != nil {
		return nil, nil, err
	}
	configJSON, err = f.tokenizerConfig(tokens, false)
	return tokenizerJSON, configJSON, err
}

// tokenizerConfig writes tokenizer_config.json: special tokens, chat
// template and the add_bos_token / add_eos_token flags, with the BOS flag
// defaulting to addBOS as llama.cpp's does for the vocabulary kind.
func (f *File) tokenizerConfig(tokens []string, addBOS bool) ([]byte, error) {
	special := func(key string) string {
		id, ok, _ := f.Uint(key)
		if !ok || id >= uint64(len(tokens)) {
			return ""
		}
		return tokens[id]
	}
	tmpl, _, err := f.String("tokenizer.chat_template")
	if err != nil {
		return nil, err
	}
	configJSON, err := tokenizer.ConfigJSON(tokenizer.Config{
		BOSToken: special("tokenizer.ggml.bos_token_id"), EOSToken: special("tokenizer.ggml.eos_token_id"),
		PadToken: special("tokenizer.ggml.padding_token_id"), ChatTemplate: tmpl,
	})
	if err != nil {
		return nil, err
	}
	return f.addTokenFlags(configJSON, addBOS)
}

// addTokenFlags carries tokenizer.ggml.add_bos_token and add_eos_token into
// tokenizer_config.json's add_bos_token and add_eos_token, which decide, as
// in transformers' Llama tokenizers, whether encoding with special tokens
// adds them.
func (f *File) addTokenFlags(configJSON []byte, addBOS bool) ([]byte, error) {
	var cfg map[string]any
	if err := json.Unmarshal(configJSON, &cfg); err != nil {
		return nil, err
	}
	if addBOS {
		cfg["add_bos_token"] = true
	}
	for _, flag := range []string{"add_bos_token", "add_eos_token"} {
		v, ok := f.Metadata["tokenizer.ggml."+flag]
		if !ok {
			continue
		}
		b, isBool := v.(bool)
		if !isBool {
			return nil, fmt.Errorf("%s: metadata %q is %T, not a bool", f.Path, "tokenizer.ggml."+flag, v)
		}
		cfg[flag] = b
	}
	return json.Marshal(cfg)
}

// tokenizerMetadata converts a byte-level BPE tokenizer.json into the
// tokenizer.ggml.* keys, padding the vocabulary to vocab entries (a model's
// embedding may have more rows than its tokenizer has tokens).
func tokenizerMetadata(data []byte, vocab int) ([]kv, error) {
	var doc struct {
		AddedTokens []struct {
			ID      int    `json:"id"`
			Content string `json:"content"`
			Special bool   `json:"special"`
		} `json:"added_tokens"`
		Normalizer   json.RawMessage `json:"normalizer"`
		PreTokenizer json.RawMessage `json:"pre_tokenizer"`
		Model        struct {
			Type         string            `json:"type"`
			UnkToken     *string           `json:"unk_token"`
			Vocab        map[string]int    `json:"vocab"`
			Merges       []json.RawMessage `json:"merges"`
			ByteFallback bool              `json:"byte_fallback"`
		} `json:"model"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("tokenizer.json: %w", err)
	}
	if doc.Model.Type != "BPE" {
		return nil, fmt.Errorf("tokenizer.json: only BPE tokenizers can be written to GGUF (model type %q)", doc.Model.Type)
	}
	var pre string
	var addSpacePrefix bool
	var err error
	if doc.Model.ByteFallback {
		addSpacePrefix, err = metaspaceLayout(doc.Normalizer, doc.PreTokenizer)
	} else {
		pre, err = preTokenizerName(doc.PreTokenizer)
	}
	if err != nil {
		return nil, err
	}
	n := vocab
	for _, id := range doc.Model.Vocab {
		n = max(n, id+1)
	}
	for _, a := range doc.AddedTokens {
		n = max(n, a.ID+1)
	}
	if n > vocab {
		return nil, fmt.Errorf("tokenizer.json: token ids reach %d but the model has %d embeddings", n-1, vocab)
	}
	tokens := make([]string, vocab)
	types := make([]int32, vocab)
	for t, id := range doc.Model.Vocab {
		if id < 0 {
			return nil, fmt.Errorf("tokenizer.json: token %q has id %d", t, id)
		}
		tokens[id], types[id] = t, tokenNormal
	}
	for _, a := range doc.AddedTokens {
		if a.ID < 0 {
			return nil, fmt.Errorf("tokenizer.json: added token %q has id %d", a.Content, a.ID)
		}
		tokens[a.ID], types[a.ID] = a.Content, tokenUserDefined
		if a.Special {
			types[a.ID] = tokenControl
		}
	}
	for id := range tokens {
		if types[id] == 0 {
			tokens[id], types[id] = fmt.Sprintf("[PAD%d]", id), tokenUnused
		}
	}
	merges := make([]string, len(doc.Model.Merges))
	for i, raw := range doc.Model.Merges {
		var pair []string
		if json.Unmarshal(raw, &merges[i]) == nil {
			continue
		}
		if err := json.Unmarshal(raw, &pair); err != nil || len(pair) != 2 {
			return nil, fmt.Errorf("tokenizer.json: merge %d is neither \"a b\" nor [a, b]", i)
		}
		merges[i] = pair[0] + " " + pair[1]
	}
	if doc.Model.ByteFallback {
		if u := doc.Model.UnkToken; u != nil {
			if id, ok := doc.Model.Vocab[*u]; ok {
				types[id] = tokenUnknown
			}
		}
		return sentencePieceMetadata(tokens, types, merges, addSpacePrefix), nil
	}
	return []kv{
		{"tokenizer.ggml.model", tokenizerModelBPE},
		{"tokenizer.ggml.pre", pre},
		{"tokenizer.ggml.tokens", tokens},
		{"tokenizer.ggml.token_type", types},
		{"tokenizer.ggml.merges", merges},
	}, nil
}

// preTokenizerName finds the tokenizer.ggml.pre value whose pre-tokenizer
// is the given tokenizer.json one.
func preTokenizerName(raw json.RawMessage) (string, error) {
	var got any
	if err := json.Unmarshal(raw, &got); err != nil {
		return "", fmt.Errorf("tokenizer.json: pre_tokenizer: %w", err)
	}
	canon, _ := json.Marshal(got)
	for _, name := range preTokenizerOrder {
		want, _ := json.Marshal(preTokenizers[name])
		if bytes.Equal(canon, want) {
			return name, nil
		}
	}
	return "", fmt.Errorf("tokenizer.json: pre_tokenizer %s has no llama.cpp equivalent this package knows (%s)", canon, strings.Join(preTokenizerOrder, ", "))
}
