package model

import (
	"fmt"

	"github.com/openledger/openledger/ai/llm/hf"
	"github.com/openledger/openledger/ai/llm/kernels"
)

// Linear is a projection y = x·Wᵀ + b with W stored as Hugging Face stores
// it: Out rows of In values.
type Linear struct {
	W       []float32 // [Out × In]; nil after Model.Compact, see Weight
	Bias    []float32 // [Out], or nil
	Out, In int
	packed  *kernels.Packed // W prepared for the model's backend
}

// Weight returns W [Out × In], rebuilt from the packed form when the model
// has been compacted.
func (p *Linear) Weight() []float32 {
	if p.W != nil || p.packed == nil {
		return p.W
	}
	return p.packed.Unpack()
}

// Layer is one decoder layer's parameters.
type Layer struct {
	AttnNorm []float32 // [Hidden] input_layernorm
	Proj     [NumModules]Linear
	MLPNorm  []float32 // [Hidden] post_attention_layernorm
}

// Weights are a model's parameters.
type Weights struct {
	Embed     []float32 // [Vocab × Hidden] embed_tokens
	Layers    []Layer
	FinalNorm []float32 // [Hidden] model.norm
	LMHead    []float32 // [Vocab × Hidden]; the same slice as Embed when tied; nil after Model.Compact when not
}

// Model is a loaded decoder ready to run.
type Model struct {
	Config  Config
	Weights Weights
	backend kernels.Backend
	format  kernels.Format
	compact bool
	lmHead  *kernels.Packed
	rope    *ropeTable
}

// Backend returns the kernels the model runs on.
func (m *Model) Backend() kernels.Backend { return m.backend }

// SetBackend switches the model to other kernels, preparing (packing) every
// weight matrix for them. It must not run concurrently with Forward.
func (m *Model) SetBackend(be kernels.Backend) {
	m.backend = be
	m.pack()
}

// SetWeightFormat chooses how the kernels store the weight matrices:
// kernels.F32 (the default) or kernels.BF16, which halves the memory each
// decode step reads at the cost of rounding the weights to bfloat16. The
// float32 weights in Weights are kept for adapters, merging and export. It
// must not run concurrently with Forward.
func (m *Model) SetWeightFormat(f kernels.Format) {
	m.format = f
	m.pack()
}

// WeightFormat returns the format the weights are packed in.
func (m *Model) WeightFormat() kernels.Format { return m.format }

// Compact drops the row-major float32 weights wherever the packed form holds
// the same values (float32 panels on the SIMD backends), halving the memory
// a loaded model takes. Weight, Tensors, Save and Merge then rebuild them
// from the packed form, exactly. With bfloat16 packing the float32 weights
// are kept, since the packed values are rounded. It must not run
// concurrently with Forward.
func (m *Model) Compact() {
	m.compact = true
	m.pack()
}

// pack prepares every weight matrix for the backend and format, from the
// float32 weights (rebuilt from the previous packing if compacted).
func (m *Model) pack() {
	be := m.backend
	for l := range m.Weights.Layers {
		for i := range m.Weights.Layers[l].Proj {
			p := &m.Weights.Layers[l].Proj[i]
			p.W = p.Weight()
			p.packed = be.Pack(p.W, p.Out, p.In, m.format)
			if m.compactable(p.packed) {
				p.W = nil
			}
		}
	}
	head := m.lmHeadWeight()
	m.lmHead = be.Pack(head, m.Config.Vocab, m.Config.Hidden, m.format)
	switch {
	case m.Config.TieEmbeddings:
		m.Weights.LMHead = m.Weights.Embed
	case m.compactable(m.lmHead):
		m.Weights.LMHead = nil
	default:
		m.Weights.LMHead = head
	}
}

// compactable drops a packed matrix's row-major copy when compacting and
// reports whether the packed form is then the only exact copy.
func (m *Model) compactable(p *kernels.Packed) bool {
	if !m.compact || p.Format != kernels.F32 {
		return false
	}
	p.DropRows()
	return p.Rows == nil
}

// RowMajorWeights returns the weights with every matrix in row-major
// float32, rebuilding those a compacted model dropped; slices the model
// still holds are shared, not copied.
func (m *Model) RowMajorWeights() Weights {
	w := m.Weights
	w.Layers = append([]Layer(nil), w.Layers...)
	for l := range w.Layers {
		for i := range w.Layers[l].Proj {
			w.Layers[l].Proj[i].W = w.Layers[l].Proj[i].Weight()
		}
	}
	w.LMHead = m.lmHeadWeight()
	return w
}

// lmHeadWeight returns the output projection [Vocab × Hidden].
func (m *Model) lmHeadWeight() []float32 {
	if m.Weights.LMHead != nil || m.lmHead == nil {
		return m.Weights.LMHead
	}
	return m.lmHead.Unpack()
}

// New checks every weight against the config and returns a runnable model.
func New(cfg Config, w Weights) (*Model, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	check := func(name string, got []float32, want int) error {
		if len(got) != want {
			return fmt.Errorf("tensor %q has %d elements, the config needs %d", name, len(got), want)
		}
		return nil
	}
	if err := check("model.embed_tokens.weight", w.Embed, cfg.Vocab*cfg.Hidden); err != nil {
		return nil, err
	}
	if cfg.TieEmbeddings {
		w.LMHead = w.Embed
	} else if err := check("lm_head.weight", w.LMHead, cfg.Vocab*cfg.Hidden); err != nil {
		return nil, err
	}
	if err := check("model.norm.weight", w.FinalNorm, cfg.Hidden); err != nil {
		return nil, err
	}
	if len(w.Layers) != cfg.Layers {
		return nil, fmt.Errorf("model has %d layers, the config needs %d", len(w.Layers), cfg.Layers)
	}
	for l := range w.Layers {
		L := &w.Layers[l]
		if err := check(fmt.Sprintf("model.layers.%d.input_layernorm.weight", l), L.AttnNorm, cfg.Hidden); err != nil {
			return nil, err
		}
		if err := check(fmt.Sprintf("model.layers.%d.post_attention_layernorm.weight", l), L.MLPNorm, cfg.Hidden); err != nil {
			return nil, err
		}
		for m := range NumModules {
			out, in := cfg.ModuleShape(m)
			p := &L.Proj[m]
			p.Out, p.In = out, in
			if err := check(TensorName(l, m, "weight"), p.W, out*in); err != nil {
				return nil, err
			}
			if cfg.hasBias(m) {
				if err := check(TensorName(l, m, "bias"), p.Bias, out); err != nil {
					return nil, err
				}
			} else if p.Bias != nil {
				return nil, fmt.Errorf("tensor %q is present but the config has no bias there", TensorName(l, m, "bias"))
			}
		}
	}
	m := &Model{Config: cfg, Weights: w, rope: newRopeTable(cfg.Rope, cfg.HeadDim)}
	m.SetBackend(kernels.Default())
	return m, nil
}

func (c *Config) hasBias(m Module) bool {
	switch m {
	case Q, K, V:
		return c.QKVBias
	case O:
		return c.OutputBias
	}
	return false
}

// Load reads a Hugging Face model folder (config.json and safetensors).
func Load(dir string) (*Model, error) {
	hcfg, err := hf.ReadConfig(dir)
	if err != nil {
		return nil, err
	}
	cfg, err := ConfigFromHF(hcfg)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	ws, err := hf.OpenWeights(dir)
	if err != nil {
		return nil, err
	}
	defer ws.Close()
	return FromTensors(cfg, ws)
}

// FromTensors builds a model from Hugging Face-named tensors. Tensors the
// model does not use (such as old checkpoints' rotary_emb.inv_freq) are
// ignored.
func FromTensors(cfg Config, ws *hf.Weights) (*Model, error) {
	var w Weights
	var err error
	get := func(name string, shape ...int) []float32 {
		if err != nil {
			return nil
		}
		var v []float32
		v, err = ws.Float32(name, shape...)
		return v
	}
	H := cfg.Hidden
	w.Embed = get("model.embed_tokens.weight", cfg.Vocab, H)
	w.FinalNorm = get("model.norm.weight", H)
	if !cfg.TieEmbeddings {
		w.LMHead = get("lm_head.weight", cfg.Vocab, H)
	}
	w.Layers = make([]Layer, cfg.Layers)
	for l := range w.Layers {
		L := &w.Layers[l]
		L.AttnNorm = get(fmt.Sprintf("model.layers.%d.input_layernorm.weight", l), H)
		L.MLPNorm = get(fmt.Sprintf("model.layers.%d.post_attention_layernorm.weight", l), H)
		for m := range NumModules {
			out, in := cfg.ModuleShape(m)
			L.Proj[m].W = get(TensorName(l, m, "weight"), out, in)
			if cfg.hasBias(m) {
				L.Proj[m].Bias = get(TensorName(l, m, "bias"), out)
			}
		}
	}
	if err != nil {
		return nil, err
	}
	return New(cfg, w)
}

// Tensors returns the parameters under their Hugging Face names, for
// writing a model folder. The slices are shared with the model.
func (m *Model) Tensors() []hf.Tensor {
	c := &m.Config
	w := &m.Weights
	ts := []hf.Tensor{
		{Name: "model.embed_tokens.weight", Shape: []int{c.Vocab, c.Hidden}, Data: w.Embed},
		{Name: "model.norm.weight", Shape: []int{c.Hidden}, Data: w.FinalNorm},
	}
	if !c.TieEmbeddings {
		ts = append(ts, hf.Tensor{Name: "lm_head.weight", Shape: []int{c.Vocab, c.Hidden}, Data: m.lmHeadWeight()})
	}
	for l, L := range w.Layers {
		ts = append(ts,
			hf.Tensor{Name: fmt.Sprintf("model.layers.%d.input_layernorm.weight", l), Shape: []int{c.Hidden}, Data: L.AttnNorm},
			hf.Tensor{Name: fmt.Sprintf("model.layers.%d.post_attention_layernorm.weight", l), Shape: []int{c.Hidden}, Data: L.MLPNorm})
		for mod := range NumModules {
			p := L.Proj[mod]
			ts = append(ts, hf.Tensor{Name: TensorName(l, mod, "weight"), Shape: []int{p.Out, p.In}, Data: p.Weight()})
			if p.Bias != nil {
				ts = append(ts, hf.Tensor{Name: TensorName(l, mod, "bias"), Shape: []int{p.Out}, Data: p.Bias})
			}
		}
	}
	return ts
}

// NumParams counts parameters, a tied output projection once.
func (m *Model) NumParams() int {
	c := &m.Config
	n := c.Vocab*c.Hidden + c.Hidden
	if !c.TieEmbeddings {
		n += c.Vocab * c.Hidden
	}
	for _, L := range m.Weights.Layers {
		n += len(L.AttnNorm) + len(L.MLPNorm)
		for _, p := range L.Proj {
			n += p.Out*p.In + len(p.Bias)
		}
	}
	return n
}
