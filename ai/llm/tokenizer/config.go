package tokenizer

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Config is the content of a tokenizer_config.json written by ConfigJSON.
type Config struct {
	BOSToken, EOSToken, PadToken string // "" writes null
	ChatTemplate                 string // "" leaves the template out
	ModelMaxLength               int    // 0 leaves the limit out
}

// ConfigJSON writes a tokenizer_config.json in the layout transformers
// saves, for a tokenizer.json written by TrainByteLevelBPE. Whether BOS is
// added is decided by that file's post-processor, so add_bos_token is not
// written.
func ConfigJSON(c Config) ([]byte, error) {
	type field struct {
		key   string
		value any
	}
	token := func(s string) any {
		if s == "" {
			return nil
		}
		return s
	}
	fields := []field{
		{"bos_token", token(c.BOSToken)},
		{"eos_token", token(c.EOSToken)},
		{"pad_token", token(c.PadToken)},
		{"clean_up_tokenization_spaces", false},
		{"tokenizer_class", "PreTrainedTokenizerFast"},
	}
	if c.ModelMaxLength > 0 {
		fields = append(fields, field{"model_max_length", c.ModelMaxLength})
	}
	if c.ChatTemplate != "" {
		fields = append(fields, field{"chat_template", c.ChatTemplate})
	}
	var b bytes.Buffer
	b.WriteString("{\n")
	for i, f := range fields {
		var v bytes.Buffer
		enc := json.NewEncoder(&v)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(f.value); err != nil {
			return nil, fmt.Errorf("tokenizer: %s: %w", f.key, err)
		}
		sep := ","
		if i == len(fields)-1 {
			sep = ""
		}
		fmt.Fprintf(&b, "  %q: %s%s\n", f.key, bytes.TrimRight(v.Bytes(), "\n"), sep)
	}
	b.WriteString("}\n")
	return b.Bytes(), nil
}
