package hf

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// Config is the part of a model's config.json the engine reads. Field names
// follow transformers' LlamaConfig and Qwen2Config.
type Config struct {
	Architectures         []string     `json:"architectures"`
	ModelType             string       `json:"model_type"`
	HiddenSize            int          `json:"hidden_size"`
	IntermediateSize      int          `json:"intermediate_size"`
	NumHiddenLayers       int          `json:"num_hidden_layers"`
	NumAttentionHeads     int          `json:"num_attention_heads"`
	NumKeyValueHeads      int          `json:"num_key_value_heads"`
	HeadDim               int          `json:"head_dim,omitempty"`
	VocabSize             int          `json:"vocab_size"`
	MaxPositionEmbeddings int          `json:"max_position_embeddings"`
	RMSNormEps            float64      `json:"rms_norm_eps"`
	RopeTheta             float64      `json:"rope_theta"`
	RopeScaling           *RopeScaling `json:"rope_scaling,omitempty"`
	TieWordEmbeddings     bool         `json:"tie_word_embeddings"`
	AttentionBias         bool         `json:"attention_bias,omitempty"`
	MLPBias               bool         `json:"mlp_bias,omitempty"`
	HiddenAct             string       `json:"hidden_act"`
	UseSlidingWindow      bool         `json:"use_sliding_window,omitempty"`
	BOSTokenID            TokenIDs     `json:"bos_token_id,omitempty"`
	EOSTokenID            TokenIDs     `json:"eos_token_id,omitempty"`
	TorchDType            string       `json:"torch_dtype,omitempty"`
}

// RopeScaling is config.json's rope_scaling. The engine supports rope_type
// "default", "linear" and "llama3"; older files spell rope_type as "type".
type RopeScaling struct {
	RopeType                      string  `json:"rope_type,omitempty"`
	Type                          string  `json:"type,omitempty"`
	Factor                        float64 `json:"factor,omitempty"`
	LowFreqFactor                 float64 `json:"low_freq_factor,omitempty"`
	HighFreqFactor                float64 `json:"high_freq_factor,omitempty"`
	OriginalMaxPositionEmbeddings int     `json:"original_max_position_embeddings,omitempty"`
}

// Kind returns the scaling type whichever key the file used.
func (r *RopeScaling) Kind() string {
	if r.RopeType != "" {
		return r.RopeType
	}
	return r.Type
}

// GenerationConfig is the part of generation_config.json the engine reads.
type GenerationConfig struct {
	BOSTokenID        TokenIDs `json:"bos_token_id,omitempty"`
	EOSTokenID        TokenIDs `json:"eos_token_id,omitempty"`
	PadTokenID        TokenIDs `json:"pad_token_id,omitempty"`
	DoSample          bool     `json:"do_sample,omitempty"`
	Temperature       float64  `json:"temperature,omitempty"`
	TopK              int      `json:"top_k,omitempty"`
	TopP              float64  `json:"top_p,omitempty"`
	RepetitionPenalty float64  `json:"repetition_penalty,omitempty"`
	MaxNewTokens      int      `json:"max_new_tokens,omitempty"`
	MaxLength         int      `json:"max_length,omitempty"`
}

// TokenIDs is a token id field that Hugging Face files write either as one
// number or as a list (eos_token_id in Llama 3 is a list).
type TokenIDs []int

// UnmarshalJSON accepts null, a number or a list of numbers.
func (t *TokenIDs) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*t = nil
		return nil
	}
	var one int
	if err := json.Unmarshal(b, &one); err == nil {
		*t = TokenIDs{one}
		return nil
	}
	var many []int
	if err := json.Unmarshal(b, &many); err != nil {
		return fmt.Errorf("token id must be a number or a list of numbers, got %s", b)
	}
	*t = many
	return nil
}

// MarshalJSON writes one id as a number and several as a list, as
// transformers does.
func (t TokenIDs) MarshalJSON() ([]byte, error) {
	if len(t) == 1 {
		return json.Marshal(t[0])
	}
	return json.Marshal([]int(t))
}

// ReadConfig parses dir/config.json and fills the defaults transformers
// applies when a key is absent.
func ReadConfig(dir string) (*Config, error) {
	path := filepath.Join(dir, "config.json")
	c := &Config{RopeTheta: 10000, RMSNormEps: 1e-6, HiddenAct: "silu"}
	if err := readJSON(path, c); err != nil {
		return nil, err
	}
	if c.NumKeyValueHeads == 0 {
		c.NumKeyValueHeads = c.NumAttentionHeads
	}
	return c, nil
}

// ReadGenerationConfig parses dir/generation_config.json. A folder without
// one is valid: the result is then the zero config and ok is false.
func ReadGenerationConfig(dir string) (cfg *GenerationConfig, ok bool, err error) {
	path := filepath.Join(dir, "generation_config.json")
	cfg = &GenerationConfig{}
	if _, err := os.Stat(path); os.IsNotExist(err) {
		return cfg, false, nil
	}
	if err := readJSON(path, cfg); err != nil {
		return nil, false, err
	}
	return cfg, true, nil
}

// WriteJSON writes v as indented JSON to path.
func WriteJSON(path string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return os.WriteFile(path, append(b, '\n'), 0o644)
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
