package tokenizer

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var (
	smallFixtureOnce sync.Once
	smallFixture     []byte
)

// smallTokenizerJSON is a small trained byte-level tokenizer.json with a
// BOS template, shared by the unit tests.
func smallTokenizerJSON(t testing.TB) []byte {
	smallFixtureOnce.Do(func() {
		data, err := TrainByteLevelBPEWithOptions(trainingTexts()[:300], TrainOptions{VocabSize: 400, SpecialTokens: []string{"<s>", "</s>", "<|im_start|>"}, BOSToken: "<s>"})
		if err != nil {
			t.Fatal(err)
		}
		smallFixture = data
	})
	return smallFixture
}

func TestMalformedTokenizerFiles(t *testing.T) {
	valid := smallTokenizerJSON(t)
	edit := func(f func(m map[string]any)) []byte { return patchJSON(t, valid, f) }
	model := func(m map[string]any) map[string]any { return m["model"].(map[string]any) }
	cases := []struct {
		name   string
		data   []byte
		config string
		want   string
	}{
		{"empty", []byte("  "), "", "tokenizer.json: empty file"},
		{"truncated", valid[:len(valid)/2], "", "tokenizer.json: invalid JSON at line"},
		{"not an object", []byte(`[1, 2]`), "", "tokenizer.json: want a JSON object, got JSON array"},
		{"no model", []byte(`{"added_tokens": []}`), "", "model: missing"},
		{"unigram", edit(func(m map[string]any) { model(m)["type"] = "Unigram" }), "", `model.type: model "Unigram" is not supported (only BPE)`},
		{"vocab is a list", edit(func(m map[string]any) { model(m)["vocab"] = []any{"a", "b"} }), "", "model.vocab: want an object of token to id"},
		{"no vocab", edit(func(m map[string]any) { delete(model(m), "vocab") }), "", "model.vocab: missing"},
		{"duplicate id", edit(func(m map[string]any) { model(m)["vocab"].(map[string]any)["zzz-extra"] = 5 }), "", "model.vocab: id 5 is used by both"},
		{"negative id", edit(func(m map[string]any) { model(m)["vocab"].(map[string]any)["zzz-extra"] = -1 }), "", `model.vocab: token "zzz-extra" has negative id -1`},
		{"merge of unknown token", edit(func(m map[string]any) { model(m)["merges"] = []any{[]any{"nope", "x"}} }), "", `model.merges[0]: token "nope" is not in the vocabulary`},
		{"merge result unknown", edit(func(m map[string]any) { model(m)["merges"] = []any{"x q"} }), "", `model.merges[0]: merged token "xq" is not in the vocabulary`},
		{"merge string without space", edit(func(m map[string]any) { model(m)["merges"] = []any{"abc"} }), "", `model.merges[0]: "abc" is not two tokens separated by a space`},
		{"merge triple", edit(func(m map[string]any) { model(m)["merges"] = []any{[]any{"a", "b", "c"}} }), "", `model.merges[0]: want "a b" or ["a", "b"]`},
		{"dropout", edit(func(m map[string]any) { model(m)["dropout"] = 0.1 }), "", "model.dropout: BPE dropout 0.1 makes encoding random"},
		{"unk not in vocab", edit(func(m map[string]any) { model(m)["unk_token"] = "<unk>" }), "", `model.unk_token: "<unk>" is not in the vocabulary`},
		{"suffix", edit(func(m map[string]any) { model(m)["end_of_word_suffix"] = "</w>" }), "", `model.end_of_word_suffix: "</w>" is not supported`},
		{"unknown pre-tokenizer", edit(func(m map[string]any) { m["pre_tokenizer"] = map[string]any{"type": "BertPreTokenizer"} }), "", `pre_tokenizer.type: pre-tokenizer "BertPreTokenizer" is not supported`},
		{"unknown pre-tokenizer in sequence", edit(func(m map[string]any) {
			m["pre_tokenizer"].(map[string]any)["pretokenizers"].([]any)[1].(map[string]any)["type"] = "Punctuation"
		}), "", `pre_tokenizer.pretokenizers[1].type: pre-tokenizer "Punctuation" is not supported`},
		{"look-ahead regex", edit(func(m map[string]any) {
			m["pre_tokenizer"].(map[string]any)["pretokenizers"].([]any)[0].(map[string]any)["pattern"] = map[string]any{"Regex": `\w+(?=x)`}
		}), "", `pre_tokenizer.pretokenizers[0].pattern.Regex: pattern "\\w+(?=x)" is not supported`},
		{"split without pattern", edit(func(m map[string]any) {
			delete(m["pre_tokenizer"].(map[string]any)["pretokenizers"].([]any)[0].(map[string]any), "pattern")
		}), "", "pre_tokenizer.pretokenizers[0].pattern: missing pattern"},
		{"split behavior", edit(func(m map[string]any) {
			m["pre_tokenizer"].(map[string]any)["pretokenizers"].([]any)[0].(map[string]any)["behavior"] = "Sideways"
		}), "", `pre_tokenizer.pretokenizers[0].behavior: unknown split behavior "Sideways"`},
		{"metaspace scheme", edit(func(m map[string]any) {
			m["pre_tokenizer"] = map[string]any{"type": "Metaspace", "prepend_scheme": "sometimes"}
		}), "", `pre_tokenizer.prepend_scheme: unknown scheme "sometimes"`},
		{"unknown normalizer", edit(func(m map[string]any) { m["normalizer"] = map[string]any{"type": "Precompiled"} }), "", `normalizer.type: normalizer "Precompiled" is not supported`},
		{"unknown decoder", edit(func(m map[string]any) { m["decoder"] = map[string]any{"type": "WordPiece"} }), "", `decoder.type: decoder "WordPiece" is not supported`},
		{"template token unknown", edit(func(m map[string]any) {
			m["post_processor"] = map[string]any{"type": "TemplateProcessing", "single": []any{map[string]any{"SpecialToken": map[string]any{"id": "[CLS]"}}, map[string]any{"Sequence": map[string]any{"id": "A"}}}}
		}), "", `post_processor.single[0]: special token "[CLS]" has no id`},
		{"unknown post-processor", edit(func(m map[string]any) { m["post_processor"] = map[string]any{"type": "BertProcessing"} }), "", `post_processor.type: post-processor "BertProcessing" is not supported`},
		{"added token without id", edit(func(m map[string]any) { delete(m["added_tokens"].([]any)[0].(map[string]any), "id") }), "", "added_tokens[0].id: missing or negative"},
		{"added token content type", edit(func(m map[string]any) { m["added_tokens"].([]any)[1].(map[string]any)["content"] = 7 }), "", "added_tokens.content: want string, got JSON number"},
		{"config not JSON", valid, "{bos", "tokenizer_config.json: invalid JSON at line 1"},
		{"config bos unknown", valid, `{"bos_token": "<bos>"}`, `tokenizer_config.json: bos_token: "<bos>" is not in the vocabulary of tokenizer.json`},
		{"config bos type", valid, `{"bos_token": 3}`, "tokenizer_config.json: bos_token: want a string or an object"},
		{"config chat template", valid, `{"chat_template": [{"name": "tool_use", "template": "x"}]}`, `tokenizer_config.json: chat_template: no template named "default"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var cfg []byte
			if tc.config != "" {
				cfg = []byte(tc.config)
			}
			_, err := New(tc.data, cfg)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("want an error containing %q, got %v", tc.want, err)
			}
		})
	}
}

// Every truncation of a valid file is refused with an error, never a
// panic.
func TestTruncatedFilesNeverPanic(t *testing.T) {
	valid := smallTokenizerJSON(t)
	for cut := 0; cut < len(valid); cut += 1 + len(valid)/300 {
		if _, err := New(valid[:cut], nil); err == nil {
			t.Fatalf("a file cut at byte %d of %d loaded", cut, len(valid))
		}
	}
}

func TestLoadNamesThePath(t *testing.T) {
	dir := t.TempDir()
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), filepath.Join(dir, TokenizerFile)) {
		t.Fatalf("missing file: want an error naming %s, got %v", filepath.Join(dir, TokenizerFile), err)
	}
	bad := patchJSON(t, smallTokenizerJSON(t), func(m map[string]any) { m["decoder"] = map[string]any{"type": "CTC"} })
	if err := os.WriteFile(filepath.Join(dir, TokenizerFile), bad, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Load(dir)
	if err == nil || !strings.Contains(err.Error(), filepath.Join(dir, TokenizerFile)+": decoder.type") {
		t.Fatalf("want an error naming the file and the field, got %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, TokenizerFile), smallTokenizerJSON(t), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ConfigFile), []byte(`{"eos_token": "</nope>"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Load(dir)
	if err == nil || !strings.Contains(err.Error(), filepath.Join(dir, ConfigFile)+": eos_token") {
		t.Fatalf("want an error naming the config file, got %v", err)
	}
}
