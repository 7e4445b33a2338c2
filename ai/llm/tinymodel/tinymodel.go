// Package tinymodel writes seeded, randomly initialised Hugging Face model
// folders for tests, benchmarks and demos, since real weights cannot be
// downloaded here. A folder holds config.json, model.safetensors and
// generation_config.json and, when training text is given, a byte-level BPE
// tokenizer.json trained on it with a tokenizer_config.json carrying a
// ChatML chat template. The engine loads such a folder exactly as it loads a
// real one (say SmolLM2-135M-Instruct).
package tinymodel

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/openledger/openledger/ai/llm/hf"
	"github.com/openledger/openledger/ai/llm/model"
	"github.com/openledger/openledger/ai/llm/tokenizer"
)

// Special tokens of the trained tokenizer, as in SmolLM2 and Qwen2 (ChatML).
const (
	EndOfText = "<|endoftext|>"
	IMStart   = "<|im_start|>"
	IMEnd     = "<|im_end|>"
)

// ChatTemplate is the ChatML template written into tokenizer_config.json.
const ChatTemplate = "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"

// Options describe the folder to write.
type Options struct {
	// Config is the model shape; the zero value means model.TinyConfig().
	// With TokenizerText its Vocab, BOSTokenID and EOSTokenIDs are replaced
	// by the trained tokenizer's.
	Config model.Config
	// Seed seeds the weights.
	Seed uint64
	// DType stores the weights as hf.F32 (default), hf.F16 or hf.BF16.
	DType string
	// TokenizerText, when not empty, is the text a byte-level BPE tokenizer
	// is trained on.
	TokenizerText []string
	// VocabSize is the tokenizer's target size (special and byte tokens
	// included); 0 means 512.
	VocabSize int
}

// Write creates the folder and returns the model it holds.
func Write(dir string, opts Options) (*model.Model, error) {
	cfg := opts.Config
	if cfg.Architecture == "" {
		cfg = model.TinyConfig()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	if len(opts.TokenizerText) > 0 {
		ids, err := writeTokenizer(dir, opts, cfg.MaxPositions)
		if err != nil {
			return nil, err
		}
		cfg.Vocab, cfg.BOSTokenID, cfg.EOSTokenIDs = ids.vocab, ids.bos, []int{ids.eos}
	}
	m, err := model.NewRandom(cfg, opts.Seed)
	if err != nil {
		return nil, err
	}
	if err := m.Save(dir, model.SaveOptions{DType: opts.DType}); err != nil {
		return nil, err
	}
	gen := hf.GenerationConfig{EOSTokenID: cfg.EOSTokenIDs, MaxNewTokens: 128}
	if cfg.BOSTokenID >= 0 {
		gen.BOSTokenID = hf.TokenIDs{cfg.BOSTokenID}
	}
	if err := hf.WriteJSON(filepath.Join(dir, "generation_config.json"), gen); err != nil {
		return nil, err
	}
	return m, nil
}

type tokenIDs struct{ vocab, bos, eos int }

// writeTokenizer trains the tokenizer (the seam to package tokenizer) and
// writes tokenizer.json and tokenizer_config.json.
func writeTokenizer(dir string, opts Options, maxPositions int) (tokenIDs, error) {
	size := opts.VocabSize
	if size == 0 {
		size = 512
	}
	tj, err := tokenizer.TrainByteLevelBPEWithOptions(opts.TokenizerText, tokenizer.TrainOptions{
		VocabSize: size, SpecialTokens: []string{EndOfText, IMStart, IMEnd},
	})
	if err != nil {
		return tokenIDs{}, err
	}
	if err := os.WriteFile(filepath.Join(dir, tokenizer.TokenizerFile), tj, 0o644); err != nil {
		return tokenIDs{}, err
	}
	tc, err := tokenizer.ConfigJSON(tokenizer.Config{
		BOSToken: IMStart, EOSToken: IMEnd, PadToken: EndOfText, ChatTemplate: ChatTemplate, ModelMaxLength: maxPositions,
	})
	if err != nil {
		return tokenIDs{}, err
	}
	if err := os.WriteFile(filepath.Join(dir, tokenizer.ConfigFile), tc, 0o644); err != nil {
		return tokenIDs{}, err
	}
	tok, err := tokenizer.Load(dir)
	if err != nil {
		return tokenIDs{}, fmt.Errorf("tinymodel: reading back the trained tokenizer: %w", err)
	}
	bos, _ := tok.TokenToID(IMStart)
	eos, _ := tok.TokenToID(IMEnd)
	return tokenIDs{vocab: tok.VocabSize(), bos: bos, eos: eos}, nil
}

// Small30M is a Llama shape of about 31M parameters (8 layers of width 512,
// a 16k vocabulary, tied embeddings) for decode benchmarks.
func Small30M() model.Config {
	return model.Config{
		Architecture: model.ArchLlama, Hidden: 512, Intermediate: 1376, Layers: 8, Heads: 8, KVHeads: 4, HeadDim: 64,
		Vocab: 16384, MaxPositions: 2048, RMSNormEps: 1e-5, Rope: model.Rope{Theta: 10000}, TieEmbeddings: true,
		BOSTokenID: 1, EOSTokenIDs: []int{2},
	}
}

// SmolLM2_135M is SmolLM2-135M's shape (random weights here).
func SmolLM2_135M() model.Config {
	return model.Config{
		Architecture: model.ArchLlama, Hidden: 576, Intermediate: 1536, Layers: 30, Heads: 9, KVHeads: 3, HeadDim: 64,
		Vocab: 49152, MaxPositions: 8192, RMSNormEps: 1e-5, Rope: model.Rope{Theta: 100000}, TieEmbeddings: true,
		BOSTokenID: 1, EOSTokenIDs: []int{2},
	}
}
