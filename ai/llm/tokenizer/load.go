package tokenizer

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// File names of a Hugging Face model folder.
const (
	TokenizerFile = "tokenizer.json"
	ConfigFile    = "tokenizer_config.json"
)

// Load reads dir/tokenizer.json and, when present, dir/tokenizer_config.json.
func Load(dir string) (*Tokenizer, error) {
	tokPath := filepath.Join(dir, TokenizerFile)
	tokData, err := os.ReadFile(tokPath)
	if err != nil {
		return nil, fmt.Errorf("tokenizer: %w", err)
	}
	cfgPath := filepath.Join(dir, ConfigFile)
	cfgData, err := os.ReadFile(cfgPath)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("tokenizer: %w", err)
	}
	return parse(tokData, tokPath, cfgData, cfgPath)
}

// New builds a tokenizer from the contents of tokenizer.json and of
// tokenizer_config.json (nil when the model has none).
func New(tokenizerJSON, configJSON []byte) (*Tokenizer, error) {
	return parse(tokenizerJSON, TokenizerFile, configJSON, ConfigFile)
}

func parse(tokData []byte, tokName string, cfgData []byte, cfgName string) (*Tokenizer, error) {
	fail := func(name string, err error) error { return fmt.Errorf("tokenizer: %s: %w", name, err) }
	var f fileJSON
	if err := decodeStrict(tokData, &f); err != nil {
		return nil, fail(tokName, err)
	}
	if f.Model == nil {
		return nil, fail(tokName, errors.New("model: missing"))
	}
	model, err := parseBPE(f.Model, "model")
	if err != nil {
		return nil, fail(tokName, err)
	}
	t := &Tokenizer{
		model:          model,
		addedByContent: map[string]int{},
		addedByID:      map[int]int{},
		rawAdded:       newAddedTrie(),
		normAdded:      newAddedTrie(),
		specialContent: map[string]bool{},
		vocabSize:      len(model.idToToken),
	}
	if t.normalizer, err = parseNormalizer(f.Normalizer, "normalizer"); err != nil {
		return nil, fail(tokName, err)
	}
	if t.preTokenizer, err = parsePreTokenizer(f.PreTokenizer, "pre_tokenizer"); err != nil {
		return nil, fail(tokName, err)
	}
	t.rawPre, t.byteWords = splitOffByteLevel(t.preTokenizer)
	if t.decoder, err = parseDecoder(f.Decoder, "decoder"); err != nil {
		return nil, fail(tokName, err)
	}
	for i, a := range f.AddedTokens {
		field := fmt.Sprintf("added_tokens[%d]", i)
		if a.ID == nil || *a.ID < 0 {
			return nil, fail(tokName, fmt.Errorf("%s.id: missing or negative", field))
		}
		if a.Content == "" {
			return nil, fail(tokName, fmt.Errorf("%s.content: empty", field))
		}
		tok := AddedToken{ID: *a.ID, Content: a.Content, Special: a.Special, LStrip: a.LStrip, RStrip: a.RStrip, Normalized: !a.Special, SingleWord: a.SingleWord}
		if a.Normalized != nil {
			tok.Normalized = *a.Normalized
		}
		idx := len(t.added)
		t.added = append(t.added, tok)
		t.addedByContent[tok.Content] = idx
		t.addedByID[tok.ID] = idx
		if tok.Special {
			t.specialContent[tok.Content] = true
		}
		if tok.Normalized && t.normalizer != nil {
			normalized := t.normalizer.normalize(tok.Content)
			t.normAdded.insert(normalized, idx, tok.SingleWord)
			if _, taken := t.addedByContent[normalized]; !taken {
				t.addedByContent[normalized] = idx
			}
		} else {
			t.rawAdded.insert(tok.Content, idx, tok.SingleWord)
		}
		if tok.ID+1 > t.vocabSize {
			t.vocabSize = tok.ID + 1
		}
	}
	if t.template, err = parsePostProcessor(f.PostProcessor, "post_processor", t.TokenToID); err != nil {
		return nil, fail(tokName, err)
	}
	if len(cfgData) > 0 {
		if err := t.applyConfig(cfgData); err != nil {
			return nil, fail(cfgName, err)
		}
	}
	return t, nil
}

// decodeStrict unmarshals JSON and reports a syntax error with its line,
// which makes a truncated or hand-broken file easy to find.
func decodeStrict(data []byte, v any) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return errors.New("empty file")
	}
	if err := json.Unmarshal(data, v); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line := 1 + bytes.Count(data[:se.Offset], []byte("\n"))
			return fmt.Errorf("invalid JSON at line %d (byte %d): %w", line, se.Offset, err)
		}
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			if te.Field == "" {
				return fmt.Errorf("want a JSON object, got JSON %s", te.Value)
			}
			return fmt.Errorf("%s: want %s, got JSON %s", te.Field, te.Type, te.Value)
		}
		return err
	}
	return nil
}

func (t *Tokenizer) applyConfig(data []byte) error {
	var c configJSON
	if err := decodeStrict(data, &c); err != nil {
		return err
	}
	var err error
	if t.bosToken, err = tokenName(c.BOSToken, "bos_token"); err != nil {
		return err
	}
	if t.eosToken, err = tokenName(c.EOSToken, "eos_token"); err != nil {
		return err
	}
	for _, name := range []struct {
		token, field string
	}{{t.bosToken, "bos_token"}, {t.eosToken, "eos_token"}} {
		if name.token != "" {
			if _, ok := t.TokenToID(name.token); !ok {
				return fmt.Errorf("%s: %q is not in the vocabulary of %s", name.field, name.token, TokenizerFile)
			}
		}
	}
	if t.chatTemplate, err = chatTemplateSource(c.ChatTemplate); err != nil {
		return err
	}
	if c.CleanUpTokenizationSpaces != nil {
		t.cleanUp = *c.CleanUpTokenizationSpaces
	}
	if !isNull(c.AdditionalSpecialTokens) {
		var list []json.RawMessage
		if err := json.Unmarshal(c.AdditionalSpecialTokens, &list); err != nil {
			return fmt.Errorf("additional_special_tokens: want a list: %w", err)
		}
		for i, raw := range list {
			name, err := tokenName(raw, fmt.Sprintf("additional_special_tokens[%d]", i))
			if err != nil {
				return err
			}
			t.specialContent[name] = true
		}
	}
	t.applyAddTokenFlags(c.AddBOSToken, t.bosToken, true)
	t.applyAddTokenFlags(c.AddEOSToken, t.eosToken, false)
	return nil
}

// applyAddTokenFlags honours add_bos_token / add_eos_token, which override
// the post-processor in the Llama tokenizer classes of transformers.
func (t *Tokenizer) applyAddTokenFlags(flag *bool, token string, atStart bool) {
	if flag == nil || token == "" {
		return
	}
	id, ok := t.TokenToID(token)
	if !ok {
		return
	}
	if t.template == nil {
		t.template = &template{}
	}
	side := &t.template.after
	if atStart {
		side = &t.template.before
	}
	has := false
	for _, x := range *side {
		has = has || x == id
	}
	switch {
	case *flag && !has:
		if atStart {
			*side = append([]int{id}, *side...)
		} else {
			*side = append(*side, id)
		}
	case !*flag && has:
		var kept []int
		for _, x := range *side {
			if x != id {
				kept = append(kept, x)
			}
		}
		*side = kept
	}
}

// tokenName reads a special token given either as a string or as an
// AddedToken object with a "content" field; null means none.
func tokenName(raw json.RawMessage, field string) (string, error) {
	if isNull(raw) {
		return "", nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return s, nil
	}
	var obj struct {
		Content *string `json:"content"`
	}
	if err := json.Unmarshal(raw, &obj); err != nil || obj.Content == nil {
		return "", fmt.Errorf("%s: want a string or an object with \"content\", got %s", field, raw)
	}
	return *obj.Content, nil
}

// chatTemplateSource reads chat_template, a string or a list of named
// templates of which "default" is the chat one.
func chatTemplateSource(raw json.RawMessage) (string, error) {
	if isNull(raw) {
		return "", nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return s, nil
	}
	var named []struct {
		Name     string `json:"name"`
		Template string `json:"template"`
	}
	if err := json.Unmarshal(raw, &named); err != nil {
		return "", fmt.Errorf("chat_template: want a string or a list of {name, template}: %w", err)
	}
	for _, n := range named {
		if n.Name == "default" {
			return n.Template, nil
		}
	}
	return "", fmt.Errorf("chat_template: no template named \"default\" among %d", len(named))
}
