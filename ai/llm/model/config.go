package model

import (
	"fmt"
	"math"

	"github.com/openledger/openledger/ai/llm/hf"
)

// Architectures the engine runs, as config.json names them.
const (
	ArchLlama = "LlamaForCausalLM"
	ArchQwen2 = "Qwen2ForCausalLM"
)

// Config is the shape and numerics of a model, independent of file format.
type Config struct {
	Architecture  string
	Hidden        int // model width
	Intermediate  int // SwiGLU width
	Layers        int
	Heads         int // query heads
	KVHeads       int // key/value heads; Heads is a multiple (grouped-query attention)
	HeadDim       int
	Vocab         int
	MaxPositions  int // 0 means no limit
	RMSNormEps    float32
	Rope          Rope
	TieEmbeddings bool // the output projection is the token embedding
	QKVBias       bool // q/k/v projections have biases (Qwen2, or Llama with attention_bias)
	OutputBias    bool // o_proj has a bias (Llama with attention_bias)
	BOSTokenID    int  // -1 if none
	EOSTokenIDs   []int
}

// Rope is rotary position embedding: rope_theta and rope_scaling.
type Rope struct {
	Theta float64
	// Scaling is "" (none), "linear" or "llama3".
	Scaling        string
	Factor         float64
	LowFreqFactor  float64
	HighFreqFactor float64
	OriginalMax    int
}

// QDim is the width of the query projection's output.
func (c *Config) QDim() int { return c.Heads * c.HeadDim }

// KVDim is the width of the key and value projections' outputs.
func (c *Config) KVDim() int { return c.KVHeads * c.HeadDim }

// ModuleShape returns the (out, in) shape of a projection's weight.
func (c *Config) ModuleShape(m Module) (out, in int) {
	switch m {
	case Q:
		return c.QDim(), c.Hidden
	case K, V:
		return c.KVDim(), c.Hidden
	case O:
		return c.Hidden, c.QDim()
	case Gate, Up:
		return c.Intermediate, c.Hidden
	case Down:
		return c.Hidden, c.Intermediate
	}
	panic("model: unknown module")
}

// ConfigFromHF converts and validates a Hugging Face config. The error says
// which setting the engine does not support.
func ConfigFromHF(h *hf.Config) (Config, error) {
	c := Config{
		Hidden: h.HiddenSize, Intermediate: h.IntermediateSize, Layers: h.NumHiddenLayers,
		Heads: h.NumAttentionHeads, KVHeads: h.NumKeyValueHeads, HeadDim: h.HeadDim,
		Vocab: h.VocabSize, MaxPositions: h.MaxPositionEmbeddings, RMSNormEps: float32(h.RMSNormEps),
		Rope: Rope{Theta: h.RopeTheta}, TieEmbeddings: h.TieWordEmbeddings, BOSTokenID: -1,
		EOSTokenIDs: append([]int(nil), h.EOSTokenID...),
	}
	if len(h.Architectures) != 1 {
		return c, fmt.Errorf("config.json: architectures must name one model class, got %v", h.Architectures)
	}
	c.Architecture = h.Architectures[0]
	switch c.Architecture {
	case ArchLlama:
		c.QKVBias, c.OutputBias = h.AttentionBias, h.AttentionBias
	case ArchQwen2:
		c.QKVBias = true
	default:
		return c, fmt.Errorf("config.json: unsupported architecture %s (the engine runs %s and %s)", c.Architecture, ArchLlama, ArchQwen2)
	}
	if h.HiddenAct != "silu" {
		return c, fmt.Errorf("config.json: unsupported hidden_act %q (only silu)", h.HiddenAct)
	}
	if h.UseSlidingWindow {
		return c, fmt.Errorf("config.json: use_sliding_window is not supported")
	}
	if h.MLPBias {
		return c, fmt.Errorf("config.json: mlp_bias is not supported")
	}
	if len(h.BOSTokenID) > 0 {
		c.BOSTokenID = h.BOSTokenID[0]
	}
	if c.Heads > 0 && c.HeadDim == 0 {
		c.HeadDim = c.Hidden / c.Heads
	}
	if s := h.RopeScaling; s != nil {
		switch s.Kind() {
		case "", "default":
		case "linear":
			c.Rope.Scaling, c.Rope.Factor = "linear", s.Factor
		case "llama3":
			c.Rope = Rope{
				Theta: h.RopeTheta, Scaling: "llama3", Factor: s.Factor, LowFreqFactor: s.LowFreqFactor,
				HighFreqFactor: s.HighFreqFactor, OriginalMax: s.OriginalMaxPositionEmbeddings,
			}
		default:
			return c, fmt.Errorf("config.json: unsupported rope_scaling type %q (supported: linear, llama3)", s.Kind())
		}
	}
	return c, c.Validate()
}

// Bounds far above any real model, so that a corrupt config.json is refused
// before anything is allocated from it.
const (
	maxLayers = 1 << 12
	maxDim    = 1 << 22
)

// Validate checks the dimensions are consistent.
func (c *Config) Validate() error {
	switch {
	case c.Hidden <= 0 || c.Intermediate <= 0 || c.Layers <= 0 || c.Heads <= 0 || c.KVHeads <= 0 || c.Vocab <= 0:
		return fmt.Errorf("config.json: hidden_size, intermediate_size, num_hidden_layers, num_attention_heads, num_key_value_heads and vocab_size must be positive")
	case c.Layers > maxLayers || c.Hidden > maxDim || c.Intermediate > maxDim || c.Heads > maxDim || c.HeadDim > maxDim || c.Vocab > maxDim:
		return fmt.Errorf("config.json: dimensions beyond any real model (layers > %d or a size > %d)", maxLayers, maxDim)
	case c.Heads%c.KVHeads != 0:
		return fmt.Errorf("config.json: num_attention_heads %d is not a multiple of num_key_value_heads %d", c.Heads, c.KVHeads)
	case c.HeadDim <= 0 || c.HeadDim%2 != 0:
		return fmt.Errorf("config.json: head dimension %d must be positive and even for rotary embeddings", c.HeadDim)
	case c.Rope.Theta <= 0:
		return fmt.Errorf("config.json: rope_theta must be positive")
	case c.Rope.Scaling != "" && c.Rope.Factor <= 0:
		return fmt.Errorf("config.json: rope_scaling factor must be positive")
	case c.Rope.Scaling == "llama3" && (c.Rope.OriginalMax <= 0 || c.Rope.HighFreqFactor <= c.Rope.LowFreqFactor):
		return fmt.Errorf("config.json: llama3 rope_scaling needs original_max_position_embeddings and high_freq_factor > low_freq_factor")
	case math.IsNaN(float64(c.RMSNormEps)) || math.IsInf(float64(c.RMSNormEps), 0) || c.RMSNormEps < 0:
		// A value beyond float32 (1e300 in config.json) becomes infinite.
		return fmt.Errorf("config.json: rms_norm_eps must be finite and non-negative")
	}
	return nil
}

// HF returns the config as config.json would hold it.
func (c *Config) HF() *hf.Config {
	h := &hf.Config{
		Architectures: []string{c.Architecture}, HiddenSize: c.Hidden, IntermediateSize: c.Intermediate,
		NumHiddenLayers: c.Layers, NumAttentionHeads: c.Heads, NumKeyValueHeads: c.KVHeads, VocabSize: c.Vocab,
		MaxPositionEmbeddings: c.MaxPositions, RMSNormEps: float64(c.RMSNormEps), RopeTheta: c.Rope.Theta,
		TieWordEmbeddings: c.TieEmbeddings, HiddenAct: "silu", EOSTokenID: c.EOSTokenIDs, TorchDType: "float32",
	}
	if c.BOSTokenID >= 0 {
		h.BOSTokenID = hf.TokenIDs{c.BOSTokenID}
	}
	switch c.Architecture {
	case ArchLlama:
		h.ModelType = "llama"
		h.AttentionBias = c.QKVBias
	case ArchQwen2:
		h.ModelType = "qwen2"
	}
	if c.HeadDim != c.Hidden/c.Heads {
		h.HeadDim = c.HeadDim
	}
	switch c.Rope.Scaling {
	case "linear":
		h.RopeScaling = &hf.RopeScaling{RopeType: "linear", Factor: c.Rope.Factor}
	case "llama3":
		h.RopeScaling = &hf.RopeScaling{
			RopeType: "llama3", Factor: c.Rope.Factor, LowFreqFactor: c.Rope.LowFreqFactor,
			HighFreqFactor: c.Rope.HighFreqFactor, OriginalMaxPositionEmbeddings: c.Rope.OriginalMax,
		}
	}
	return h
}
