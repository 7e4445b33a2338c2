package lora

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"

	"github.com/openledger/openledger/ai/llm/hf"
	"github.com/openledger/openledger/ai/llm/model"
)

// Adapter is a LoRA adapter bound to a base model's shape.
type Adapter struct {
	Config  Config
	updates [][model.NumModules]*model.LowRank // [layer][module]
}

// LowRank implements model.Adapter.
func (a *Adapter) LowRank(layer int, m model.Module) *model.LowRank {
	return a.updates[layer][m]
}

// KeyName is PEFT's tensor name for a layer's projection: part is "lora_A"
// or "lora_B".
func KeyName(layer int, m model.Module, part string) string {
	return "base_model.model." + model.TensorName(layer, m, part+".weight")
}

var keyPattern = regexp.MustCompile(`^base_model\.model\.model\.layers\.(\d+)\.(self_attn|mlp)\.(\w+)\.(lora_A|lora_B)\.weight$`)

// Load reads a PEFT adapter folder and checks it against the base model's
// config: every target module of every layer must have lora_A [r × in] and
// lora_B [out × r], and nothing else may be present.
func Load(dir string, base *model.Config) (*Adapter, error) {
	cfgPath := filepath.Join(dir, "adapter_config.json")
	raw, err := os.ReadFile(cfgPath)
	if err != nil {
		return nil, err
	}
	var cfg Config
	if err := json.Unmarshal(raw, &cfg); err != nil {
		return nil, fmt.Errorf("%s: %w", cfgPath, err)
	}
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	wpath := filepath.Join(dir, "adapter_model.safetensors")
	ws, err := hf.OpenSafetensors(wpath)
	if err != nil {
		return nil, err
	}
	defer ws.Close()
	mods, _ := cfg.Modules()
	targeted := map[model.Module]bool{}
	for _, m := range mods {
		targeted[m] = true
	}
	for _, name := range ws.Names() {
		g := keyPattern.FindStringSubmatch(name)
		if g == nil {
			return nil, fmt.Errorf("%s: tensor %q is not a PEFT LoRA weight name (base_model.model.model.layers.N.<self_attn|mlp>.<proj>.lora_<A|B>.weight)", wpath, name)
		}
		layer, _ := strconv.Atoi(g[1])
		m, err := model.ModuleByName(g[3])
		if err != nil || m.ParentName() != g[2] {
			return nil, fmt.Errorf("%s: tensor %q names no projection of a Llama layer", wpath, name)
		}
		if layer >= base.Layers {
			return nil, fmt.Errorf("%s: tensor %q is for layer %d but the base model has %d layers", wpath, name, layer, base.Layers)
		}
		if !targeted[m] {
			return nil, fmt.Errorf("%s: tensor %q adapts %s, which target_modules does not list", wpath, name, m)
		}
	}
	a := &Adapter{Config: cfg, updates: make([][model.NumModules]*model.LowRank, base.Layers)}
	stored16 := true // every factor is bfloat16 in the file
	for l := range base.Layers {
		for _, m := range mods {
			out, in := base.ModuleShape(m)
			var factorA, factorB []float32
			for _, part := range []struct {
				name  string
				shape []int
				dst   *[]float32
			}{{"lora_A", []int{cfg.R, in}, &factorA}, {"lora_B", []int{out, cfg.R}, &factorB}} {
				key := KeyName(l, m, part.name)
				info := ws.Info(key)
				if info == nil {
					return nil, fmt.Errorf("%s: missing tensor %q (target_modules lists %s)", wpath, key, m)
				}
				if err := checkShape(wpath, key, info.Shape, part.shape, cfg.R, part.name == "lora_A"); err != nil {
					return nil, err
				}
				stored16 = stored16 && info.DType == "BF16"
				if *part.dst, err = ws.Float32(key, part.shape...); err != nil {
					return nil, err
				}
			}
			a.updates[l][m] = model.NewLowRank(factorA, factorB, cfg.R, cfg.Scale())
		}
	}
	if stored16 {
		a.UseBF16() // exact: the values are bfloat16 already
	}
	return a, nil
}

// checkShape says whether a mismatch is the rank or the base model's
// dimension, the two mistakes that happen in practice.
func checkShape(file, key string, got, want []int, r int, isA bool) error {
	if len(got) != 2 {
		return fmt.Errorf("%s: tensor %q has shape %v, expected %v", file, key, got, want)
	}
	rankDim, baseDim := got[0], got[1]
	if !isA {
		rankDim, baseDim = got[1], got[0]
	}
	wantBase := want[1]
	if !isA {
		wantBase = want[0]
	}
	if rankDim != r {
		return fmt.Errorf("%s: tensor %q has rank %d but adapter_config.json says r=%d", file, key, rankDim, r)
	}
	if baseDim != wantBase {
		return fmt.Errorf("%s: tensor %q has shape %v, which does not fit the base model (expected %v)", file, key, got, want)
	}
	return nil
}

// Save writes the adapter as a PEFT folder.
func (a *Adapter) Save(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	cfg := a.Config
	if cfg.PeftType == "" {
		cfg.PeftType = "LORA"
	}
	if cfg.TaskType == "" {
		cfg.TaskType = "CAUSAL_LM"
	}
	if cfg.Bias == "" {
		cfg.Bias = "none"
	}
	if err := hf.WriteJSON(filepath.Join(dir, "adapter_config.json"), cfg); err != nil {
		return err
	}
	var ts []hf.Tensor
	for l, row := range a.updates {
		for m, lr := range row {
			if lr == nil {
				continue
			}
			mod := model.Module(m)
			in, out := len(lr.A)/lr.Rank, len(lr.B)/lr.Rank
			ts = append(ts,
				hf.Tensor{Name: KeyName(l, mod, "lora_A"), Shape: []int{lr.Rank, in}, Data: lr.A},
				hf.Tensor{Name: KeyName(l, mod, "lora_B"), Shape: []int{out, lr.Rank}, Data: lr.B})
		}
	}
	return hf.WriteSafetensors(filepath.Join(dir, "adapter_model.safetensors"), ts, map[string]string{"format": "pt"})
}

// NewRandom returns an adapter with seeded random A and B for tests and
// benchmarks. PEFT initialises B to zero, which would make an adapter that
// changes nothing; here both are drawn so the update is visible.
func NewRandom(base *model.Config, cfg Config, seed uint64) (*Adapter, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	rng := rand.New(rand.NewPCG(seed, 0x6c6f7261))
	mods, _ := cfg.Modules()
	a := &Adapter{Config: cfg, updates: make([][model.NumModules]*model.LowRank, base.Layers)}
	for l := range base.Layers {
		for _, m := range mods {
			out, in := base.ModuleShape(m)
			factorA, factorB := make([]float32, cfg.R*in), make([]float32, out*cfg.R)
			for i := range factorA {
				factorA[i] = float32(rng.NormFloat64() / math.Sqrt(float64(in)))
			}
			for i := range factorB {
				factorB[i] = float32(rng.NormFloat64() * 0.5 / math.Sqrt(float64(cfg.R)))
			}
			a.updates[l][m] = model.NewLowRank(factorA, factorB, cfg.R, cfg.Scale())
		}
	}
	return a, nil
}

// UseBF16 keeps every factor in bfloat16 for serving (see
// model.LowRank.UseBF16): half the bytes each decoded row reads. The float32
// factors stay, for merging, saving and gradients, in place of the float32
// Bᵀ it drops, so the memory an adapter takes does not change. Load does this by itself for an adapter stored in bfloat16.
// Call it before the adapter serves: it rounds the factors in place.
func (a *Adapter) UseBF16() {
	for _, row := range a.updates {
		for _, lr := range row {
			if lr != nil && lr.A16 == nil {
				lr.UseBF16()
			}
		}
	}
}
