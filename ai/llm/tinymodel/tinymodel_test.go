package tinymodel

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/openledger/openledger/ai/llm/chattemplate"
	"github.com/openledger/openledger/ai/llm/generate"
	"github.com/openledger/openledger/ai/llm/hf"
	"github.com/openledger/openledger/ai/llm/model"
	"github.com/openledger/openledger/ai/llm/tokenizer"
)

var text = []string{
	"The ledger records every dataset, model and adapter with its lineage.",
	"Contributors are rewarded when their data shapes a model's answer.",
	"Hello world! 1234 tokens, emoji 🙂 and   spaces.",
}

// A written folder loads back through the same path a downloaded model
// takes, tokenizer included, and generates.
func TestWriteLoadGenerate(t *testing.T) {
	dir := t.TempDir()
	written, err := Write(dir, Options{Seed: 3, TokenizerText: text, VocabSize: 400})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"config.json", "model.safetensors", "generation_config.json", "tokenizer.json", "tokenizer_config.json"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Fatal(err)
		}
	}
	m, err := model.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	tok, err := tokenizer.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if m.Config.Vocab != tok.VocabSize() || m.Config.Vocab != written.Config.Vocab {
		t.Fatalf("model vocabulary %d, tokenizer %d", m.Config.Vocab, tok.VocabSize())
	}
	if eos, _ := tok.EOSID(); !slices.Equal(m.Config.EOSTokenIDs, []int{eos}) {
		t.Fatalf("eos %v vs tokenizer %d", m.Config.EOSTokenIDs, eos)
	}
	if !strings.Contains(tok.ChatTemplate(), "<|im_start|>") {
		t.Fatal("chat template missing")
	}
	gc, ok, err := hf.ReadGenerationConfig(dir)
	if err != nil || !ok {
		t.Fatal(ok, err)
	}
	opts, sampling := generate.FromGenerationConfig(gc)
	e := generate.NewEngine(m, opts)
	defer e.Close()
	rendered, err := chattemplate.Render(tok.ChatTemplate(), []chattemplate.Message{{Role: "user", Content: "Hello world"}},
		map[string]any{"add_generation_prompt": true})
	if err != nil {
		t.Fatal(err)
	}
	if want := "<|im_start|>user\nHello world<|im_end|>\n<|im_start|>assistant\n"; rendered != want {
		t.Fatalf("chat template rendered %q, want %q", rendered, want)
	}
	prompt := tok.Encode(rendered, false)
	if n, ok := tok.TokenToID(IMStart); !ok || prompt[0] != n {
		t.Fatalf("prompt %v does not start with the %s token", prompt, IMStart)
	}
	res, err := e.Generate(context.Background(), generate.Request{Prompt: prompt, MaxTokens: 8, Sampling: sampling})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Tokens) == 0 && res.Reason != generate.FinishStopToken {
		t.Fatalf("nothing generated: %+v", res)
	}
	_ = tok.Decode(res.Tokens, true)

	// Same options, same bytes.
	dir2 := t.TempDir()
	if _, err := Write(dir2, Options{Seed: 3, TokenizerText: text, VocabSize: 400}); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"model.safetensors", "tokenizer.json"} {
		a, _ := os.ReadFile(filepath.Join(dir, f))
		b, _ := os.ReadFile(filepath.Join(dir2, f))
		if !slices.Equal(a, b) {
			t.Fatalf("%s differs between two writes with one seed", f)
		}
	}
}

func TestPresetSizes(t *testing.T) {
	for name, c := range map[string]struct {
		cfg    model.Config
		lo, hi int
	}{"30M": {Small30M(), 28e6, 34e6}, "SmolLM2-135M": {SmolLM2_135M(), 133e6, 136e6}} {
		if err := c.cfg.Validate(); err != nil {
			t.Fatal(err)
		}
		n := params(c.cfg)
		if n < c.lo || n > c.hi {
			t.Errorf("%s has %d parameters", name, n)
		}
	}
}

func params(c model.Config) int {
	per := 2*c.Hidden + c.Hidden*c.QDim()*2 + 2*c.Hidden*c.KVDim() + 3*c.Hidden*c.Intermediate
	return c.Vocab*c.Hidden + c.Hidden + c.Layers*per
}
