package model

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/openledger/openledger/ai/llm/hf"
)

func TestSaveLoadRoundTrip(t *testing.T) {
	for name, cfg := range configs() {
		m := mustRandom(t, cfg, 21)
		toks := randTokens(2, 12, cfg.Vocab)
		want := fullLogits(t, m, toks)
		for _, opts := range []SaveOptions{{}, {ShardBytes: 40 << 10}, {DType: hf.BF16}, {DType: hf.F16}} {
			dir := t.TempDir()
			if err := m.Save(dir, opts); err != nil {
				t.Fatal(err)
			}
			back, err := Load(dir)
			if err != nil {
				t.Fatalf("%s %+v: %v", name, opts, err)
			}
			got := fullLogits(t, back, toks)
			tol := 0.0
			switch opts.DType {
			case hf.BF16:
				tol = 0.05 // bfloat16 keeps 8 bits of mantissa
			case hf.F16:
				tol = 5e-3
			}
			if e := relErr(got, want); e > tol {
				t.Errorf("%s %+v: reloaded logits differ by %g", name, opts, e)
			}
		}
	}
}

func TestLoadErrors(t *testing.T) {
	cfg := TinyConfig()
	m := mustRandom(t, cfg, 1)
	fresh := func(t *testing.T) string {
		dir := t.TempDir()
		if err := m.Save(dir, SaveOptions{}); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	editConfig := func(dir string, edit func(*hf.Config)) {
		c, err := hf.ReadConfig(dir)
		if err != nil {
			t.Fatal(err)
		}
		edit(c)
		if err := hf.WriteJSON(filepath.Join(dir, "config.json"), c); err != nil {
			t.Fatal(err)
		}
	}
	rewrite := func(dir string, edit func([]hf.Tensor) []hf.Tensor) {
		ts := edit(m.Tensors())
		if err := hf.WriteSafetensors(filepath.Join(dir, "model.safetensors"), ts, nil); err != nil {
			t.Fatal(err)
		}
	}
	cases := []struct {
		name  string
		setup func(dir string)
		want  []string
	}{
		{"architecture", func(dir string) {
			editConfig(dir, func(c *hf.Config) { c.Architectures = []string{"MistralForCausalLM"} })
		}, []string{"config.json", "unsupported architecture MistralForCausalLM"}},
		{"rope scaling", func(dir string) {
			editConfig(dir, func(c *hf.Config) { c.RopeScaling = &hf.RopeScaling{RopeType: "yarn", Factor: 4} })
		}, []string{"rope_scaling", "yarn"}},
		{"absurd size", func(dir string) {
			editConfig(dir, func(c *hf.Config) { c.NumHiddenLayers = 1 << 40 })
		}, []string{"config.json", "dimensions"}},
		{"heads", func(dir string) {
			editConfig(dir, func(c *hf.Config) { c.NumKeyValueHeads = 3 })
		}, []string{"num_key_value_heads"}},
		{"missing tensor", func(dir string) {
			rewrite(dir, func(ts []hf.Tensor) []hf.Tensor {
				var out []hf.Tensor
				for _, x := range ts {
					if x.Name != "model.layers.1.mlp.up_proj.weight" {
						out = append(out, x)
					}
				}
				return out
			})
		}, []string{"missing tensor", "model.layers.1.mlp.up_proj.weight"}},
		{"misshaped tensor", func(dir string) {
			rewrite(dir, func(ts []hf.Tensor) []hf.Tensor {
				for i := range ts {
					if ts[i].Name == "model.layers.0.self_attn.k_proj.weight" {
						ts[i].Shape = []int{ts[i].Shape[1], ts[i].Shape[0]}
					}
				}
				return ts
			})
		}, []string{"model.safetensors", "model.layers.0.self_attn.k_proj.weight", "shape [64 32], expected [32 64]"}},
		{"truncated", func(dir string) {
			p := filepath.Join(dir, "model.safetensors")
			raw, _ := os.ReadFile(p)
			if err := os.WriteFile(p, raw[:len(raw)/2], 0o644); err != nil {
				t.Fatal(err)
			}
		}, []string{"model.safetensors", "truncated"}},
		{"no weights", func(dir string) {
			os.Remove(filepath.Join(dir, "model.safetensors"))
		}, []string{"model.safetensors"}},
		{"no config", func(dir string) {
			os.Remove(filepath.Join(dir, "config.json"))
		}, []string{"config.json"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := fresh(t)
			c.setup(dir)
			_, err := Load(dir)
			if err == nil {
				t.Fatal("loaded without error")
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Fatalf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}
