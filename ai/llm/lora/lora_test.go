package lora

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/openledger/openledger/ai/llm/hf"
	"github.com/openledger/openledger/ai/llm/model"
)

func relErr(got, want []float32) float64 {
	var num, den float64
	for i := range want {
		d := float64(got[i] - want[i])
		num += d * d
		den += float64(want[i]) * float64(want[i])
	}
	return math.Sqrt(num / max(den, 1e-30))
}

func tokens(seed uint64, n, vocab int) []int {
	r := rand.New(rand.NewPCG(seed, 1))
	out := make([]int, n)
	for i := range out {
		out[i] = r.IntN(vocab)
	}
	return out
}

func base(t testing.TB) *model.Model {
	m, err := model.NewRandom(model.TinyConfig(), 42)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func adapter(t testing.TB, m *model.Model, cfg Config, seed uint64) *Adapter {
	a, err := NewRandom(&m.Config, cfg, seed)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func logits(t testing.TB, m *model.Model, a model.Adapter, toks []int) []float32 {
	seq := model.Sequence{Tokens: toks, Cache: m.NewCache(), AllLogits: true}
	if a != nil {
		seq.Adapter = a
	}
	out, err := m.Forward([]model.Sequence{seq})
	if err != nil {
		t.Fatal(err)
	}
	return out[0]
}

var allModules = TargetModules{"q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"}

func TestUnmergedEqualsMerged(t *testing.T) {
	m := base(t)
	for name, cfg := range map[string]Config{
		"attention r8":   {R: 8, LoraAlpha: 16, TargetModules: TargetModules{"q_proj", "v_proj"}},
		"all r4":         {R: 4, LoraAlpha: 8, TargetModules: allModules},
		"all r16 rslora": {R: 16, LoraAlpha: 16, TargetModules: allModules, UseRSLoRA: true},
	} {
		a := adapter(t, m, cfg, 1)
		merged, err := Merge(m, a)
		if err != nil {
			t.Fatal(err)
		}
		// Merging into a compacted base gives the same model.
		compacted := base(t)
		compacted.Compact()
		merged2, err := Merge(compacted, a)
		if err != nil {
			t.Fatal(err)
		}
		for l := range merged.Weights.Layers {
			for i := range merged.Weights.Layers[l].Proj {
				if !slices.Equal(merged.Weights.Layers[l].Proj[i].Weight(), merged2.Weights.Layers[l].Proj[i].Weight()) {
					t.Fatalf("%s: merging into a compacted base differs at layer %d module %d", name, l, i)
				}
			}
		}
		toks := tokens(3, 20, m.Config.Vocab)
		unmerged := logits(t, m, a, toks)
		want := logits(t, merged, nil, toks)
		if e := relErr(unmerged, want); e > 1e-4 {
			t.Errorf("%s: unmerged adapter differs from merged by %g", name, e)
		}
		// The update computed without the precomputed Bᵀ (a plain matrix
		// product) agrees too.
		if e := relErr(logits(t, m, withoutBT{a}, toks), unmerged); e > 1e-5 {
			t.Errorf("%s: update without Bᵀ differs by %g", name, e)
		}
		if e := relErr(logits(t, m, nil, toks), want); e < 1e-2 {
			t.Errorf("%s: adapter barely changes the logits (%g); the test would not notice a broken update", name, e)
		}
	}
}

func TestScale(t *testing.T) {
	c := Config{R: 16, LoraAlpha: 32}
	if c.Scale() != 2 {
		t.Fatal(c.Scale())
	}
	c.UseRSLoRA = true
	if c.Scale() != 8 {
		t.Fatal(c.Scale())
	}
}

// One batch mixes several adapters (with different ranks and targets) and
// plain base rows, interleaved, some prefilling and some decoding; each
// sequence must get exactly the logits it gets alone.
func TestMixedBatchEqualsAlone(t *testing.T) {
	m := base(t)
	V := m.Config.Vocab
	adapters := []*Adapter{
		adapter(t, m, Config{R: 8, LoraAlpha: 16, TargetModules: allModules}, 1),
		adapter(t, m, Config{R: 4, LoraAlpha: 4, TargetModules: TargetModules{"q_proj", "k_proj", "down_proj"}}, 2),
		adapter(t, m, Config{R: 16, LoraAlpha: 8, TargetModules: allModules, UseRSLoRA: true}, 3),
	}
	pick := []int{0, -1, 1, 0, 2, -1, 2, 1} // -1 = base model
	type req struct {
		prompt, next []int
		adapter      model.Adapter
	}
	reqs := make([]req, len(pick))
	for i, p := range pick {
		reqs[i] = req{prompt: tokens(uint64(10+i), 3+i*2, V), next: tokens(uint64(50+i), 3, V)}
		if p >= 0 {
			reqs[i].adapter = adapters[p]
		}
	}
	run := func(idx []int) map[int][]float32 {
		caches := map[int]*model.KVCache{}
		got := map[int][]float32{}
		// Step 0: prefill; steps 1..3: decode one token each. Odd requests
		// join one step late, as in continuous batching.
		for step := 0; step <= 4; step++ {
			var batch []model.Sequence
			var who []int
			for _, i := range idx {
				s := step - i%2
				if s < 0 || s > 3 {
					continue
				}
				toks := reqs[i].prompt
				if s > 0 {
					toks = reqs[i].next[s-1 : s]
				} else {
					caches[i] = m.NewCache()
				}
				batch = append(batch, model.Sequence{Tokens: toks, Cache: caches[i], Adapter: reqs[i].adapter})
				who = append(who, i)
			}
			out, err := m.Forward(batch)
			if err != nil {
				t.Fatal(err)
			}
			for j, i := range who {
				got[i] = append(got[i], out[j]...)
			}
		}
		return got
	}
	all := make([]int, len(reqs))
	for i := range all {
		all[i] = i
	}
	batched := run(all)
	for i := range reqs {
		alone := run([]int{i})[i]
		for j := range alone {
			if alone[j] != batched[i][j] {
				t.Fatalf("request %d (adapter %d): logit %d is %v in the mixed batch, %v alone", i, pick[i], j, batched[i][j], alone[j])
			}
		}
	}
}

func TestPEFTRoundTrip(t *testing.T) {
	m := base(t)
	a := adapter(t, m, Config{R: 8, LoraAlpha: 16, TargetModules: TargetModules{"q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"}}, 9)
	dir := t.TempDir()
	if err := a.Save(dir); err != nil {
		t.Fatal(err)
	}
	back, err := Load(dir, &m.Config)
	if err != nil {
		t.Fatal(err)
	}
	toks := tokens(4, 16, m.Config.Vocab)
	want := logits(t, m, a, toks)
	got := logits(t, m, back, toks)
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("reloaded adapter: logit %d is %v, want %v", i, got[i], want[i])
		}
	}
}

func TestLoadRejectsMalformedAdapters(t *testing.T) {
	m := base(t)
	good := adapter(t, m, Config{R: 4, LoraAlpha: 8, TargetModules: TargetModules{"q_proj", "v_proj"}}, 5)
	save := func(t *testing.T) string {
		dir := t.TempDir()
		if err := good.Save(dir); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	rewriteTensors := func(dir string, edit func(map[string]hf.Tensor)) {
		ws, err := hf.OpenSafetensors(filepath.Join(dir, "adapter_model.safetensors"))
		if err != nil {
			t.Fatal(err)
		}
		ts := map[string]hf.Tensor{}
		for _, n := range ws.Names() {
			d, info, _ := ws.Float32Any(n)
			ts[n] = hf.Tensor{Name: n, Shape: info.Shape, Data: d}
		}
		ws.Close()
		edit(ts)
		var list []hf.Tensor
		for _, x := range ts {
			list = append(list, x)
		}
		if err := hf.WriteSafetensors(filepath.Join(dir, "adapter_model.safetensors"), list, nil); err != nil {
			t.Fatal(err)
		}
	}
	editConfig := func(dir string, edit func(*Config)) {
		c := good.Config
		edit(&c)
		if err := hf.WriteJSON(filepath.Join(dir, "adapter_config.json"), c); err != nil {
			t.Fatal(err)
		}
	}
	qA := KeyName(0, model.Q, "lora_A")
	cases := []struct {
		name  string
		setup func(string)
		want  []string
	}{
		{
			"wrong rank in config", func(d string) { editConfig(d, func(c *Config) { c.R = 8 }) },
			[]string{"adapter_model.safetensors", qA, "rank 4", "r=8"},
		},
		{"missing key", func(d string) {
			rewriteTensors(d, func(ts map[string]hf.Tensor) { delete(ts, KeyName(1, model.V, "lora_B")) })
		}, []string{"missing tensor", KeyName(1, model.V, "lora_B")}},
		{"shape does not fit base", func(d string) {
			rewriteTensors(d, func(ts map[string]hf.Tensor) {
				x := ts[qA]
				x.Shape, x.Data = []int{4, 32}, x.Data[:4*32]
				ts[qA] = x
			})
		}, []string{qA, "does not fit the base model", "[4 64]"}},
		{"untargeted module", func(d string) {
			rewriteTensors(d, func(ts map[string]hf.Tensor) {
				k := KeyName(0, model.Up, "lora_A")
				ts[k] = hf.Tensor{Name: k, Shape: []int{4, 64}, Data: make([]float32, 256)}
			})
		}, []string{"up_proj", "target_modules"}},
		{"layer beyond base", func(d string) {
			rewriteTensors(d, func(ts map[string]hf.Tensor) {
				k := KeyName(7, model.Q, "lora_A")
				ts[k] = hf.Tensor{Name: k, Shape: []int{4, 64}, Data: make([]float32, 256)}
			})
		}, []string{"layer 7", "2 layers"}},
		{"foreign key", func(d string) {
			rewriteTensors(d, func(ts map[string]hf.Tensor) {
				ts["base_model.model.lm_head.weight"] = hf.Tensor{Name: "base_model.model.lm_head.weight", Shape: []int{1}, Data: []float32{1}}
			})
		}, []string{"base_model.model.lm_head.weight", "not a PEFT LoRA weight name"}},
		{
			"unknown module", func(d string) { editConfig(d, func(c *Config) { c.TargetModules = TargetModules{"qkv_proj"} }) },
			[]string{"target_modules", "qkv_proj"},
		},
		{"dora", func(d string) { editConfig(d, func(c *Config) { c.UseDoRA = true }) }, []string{"use_dora"}},
		{
			"missing weights file", func(d string) { os.Remove(filepath.Join(d, "adapter_model.safetensors")) },
			[]string{"adapter_model.safetensors"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := save(t)
			c.setup(dir)
			_, err := Load(dir, &m.Config)
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

// adapter_config.json as PEFT 0.13's save_pretrained writes it.
const peftConfig = `{
  "alpha_pattern": {},
  "auto_mapping": null,
  "base_model_name_or_path": "HuggingFaceTB/SmolLM2-135M-Instruct",
  "bias": "none",
  "fan_in_fan_out": false,
  "inference_mode": true,
  "init_lora_weights": true,
  "layer_replication": null,
  "layers_pattern": null,
  "layers_to_transform": null,
  "loftq_config": {},
  "lora_alpha": 32,
  "lora_dropout": 0.05,
  "megatron_config": null,
  "megatron_core": "megatron.core",
  "modules_to_save": null,
  "peft_type": "LORA",
  "r": 16,
  "rank_pattern": {},
  "revision": null,
  "target_modules": ["v_proj", "q_proj"],
  "task_type": "CAUSAL_LM",
  "use_dora": false,
  "use_rslora": false
}`

func TestParsesPEFTConfig(t *testing.T) {
	var c Config
	if err := json.Unmarshal([]byte(peftConfig), &c); err != nil {
		t.Fatal(err)
	}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	mods, _ := c.Modules()
	if c.R != 16 || c.Scale() != 2 || len(mods) != 2 || mods[0] != model.Q || mods[1] != model.V {
		t.Fatalf("%+v %v", c, mods)
	}
	var all Config
	if err := json.Unmarshal([]byte(`{"r":8,"lora_alpha":8,"target_modules":"all-linear"}`), &all); err != nil || len(all.TargetModules) != 7 {
		t.Fatalf("all-linear: %v %v", all.TargetModules, err)
	}
	if err := json.Unmarshal([]byte(`{"r":8,"lora_alpha":8,"target_modules":".*proj"}`), &all); err == nil {
		t.Fatal("a regular expression in target_modules was accepted")
	}
}

// withoutBT serves an adapter's updates with BT left unset.
type withoutBT struct{ a *Adapter }

func (w withoutBT) LowRank(layer int, m model.Module) *model.LowRank {
	lr := w.a.LowRank(layer, m)
	if lr == nil {
		return nil
	}
	c := *lr
	c.BT = nil
	return &c
}
