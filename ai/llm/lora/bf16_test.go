package lora

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/openledger/openledger/ai/llm/hf"
	"github.com/openledger/openledger/ai/llm/model"
)

// float32Copy returns an adapter with a's current factors in float32 only.
func float32Copy(a *Adapter) *Adapter {
	c := &Adapter{Config: a.Config, updates: make([][model.NumModules]*model.LowRank, len(a.updates))}
	for l, row := range a.updates {
		for m, lr := range row {
			if lr != nil {
				c.updates[l][m] = model.NewLowRank(append([]float32(nil), lr.A...), append([]float32(nil), lr.B...), lr.Rank, lr.Scale)
			}
		}
	}
	return c
}

// Factors kept in bfloat16 serve exactly the numbers of the same rounded
// factors in float32, alone and in a batch with other adapters.
func TestBF16FactorsServeTheSameNumbers(t *testing.T) {
	m := base(t)
	a := adapter(t, m, Config{R: 8, LoraAlpha: 16, TargetModules: allModules}, 1)
	a.UseBF16()
	ref := float32Copy(a)
	other := adapter(t, m, Config{R: 4, LoraAlpha: 4, TargetModules: TargetModules{"q_proj", "v_proj"}}, 2)
	toks := tokens(7, 9, m.Config.Vocab)
	want := logits(t, m, ref, toks)
	got := logits(t, m, a, toks)
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("logit %d: %v from bfloat16 factors, %v from the same values in float32", i, got[i], want[i])
		}
	}
	batch := []model.Sequence{
		{Tokens: toks, Cache: m.NewCache(), Adapter: other},
		{Tokens: toks, Cache: m.NewCache(), Adapter: a},
		{Tokens: toks, Cache: m.NewCache()},
	}
	out, err := m.Forward(batch)
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range want[len(want)-m.Config.Vocab:] {
		if out[1][i] != w {
			t.Fatalf("in a mixed batch, logit %d is %v, alone %v", i, out[1][i], w)
		}
	}
}

// An adapter stored in bfloat16 is kept in bfloat16 when loaded, and serves
// what the float32 file of the same values serves.
func TestLoadKeepsBF16Factors(t *testing.T) {
	m := base(t)
	a := adapter(t, m, Config{R: 8, LoraAlpha: 16, TargetModules: TargetModules{"q_proj", "down_proj"}}, 3)
	a.UseBF16()
	dir := t.TempDir()
	if err := a.Save(dir); err != nil {
		t.Fatal(err)
	}
	f32, err := Load(dir, &m.Config)
	if err != nil {
		t.Fatal(err)
	}
	// Rewrite the same values as a BF16 file.
	ws, err := hf.OpenSafetensors(filepath.Join(dir, "adapter_model.safetensors"))
	if err != nil {
		t.Fatal(err)
	}
	var ts []hf.Tensor
	for _, name := range ws.Names() {
		data, info, err := ws.Float32Any(name)
		if err != nil {
			t.Fatal(err)
		}
		ts = append(ts, hf.Tensor{Name: name, Shape: info.Shape, Data: data, DType: hf.BF16})
	}
	ws.Close()
	dir16 := t.TempDir()
	raw, err := os.ReadFile(filepath.Join(dir, "adapter_config.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir16, "adapter_config.json"), raw, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := hf.WriteSafetensors(filepath.Join(dir16, "adapter_model.safetensors"), ts, nil); err != nil {
		t.Fatal(err)
	}
	bf16, err := Load(dir16, &m.Config)
	if err != nil {
		t.Fatal(err)
	}
	if f32.LowRank(0, model.Q).A16 != nil || bf16.LowRank(0, model.Q).A16 == nil {
		t.Fatal("only the adapter stored in bfloat16 should keep bfloat16 factors")
	}
	toks := tokens(11, 6, m.Config.Vocab)
	want, got := logits(t, m, f32, toks), logits(t, m, bf16, toks)
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("logit %d: %v from the bfloat16 file, %v from the float32 one", i, got[i], want[i])
		}
	}
}
