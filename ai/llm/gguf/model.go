package gguf

import (
	"fmt"

	"github.com/openledger/openledger/ai/llm/model"
)

// Architecture is the general.architecture value this package reads.
const Architecture = "llama"

// LoadModel reads a llama-architecture GGUF file into a runnable model.
func LoadModel(path string) (*model.Model, error) {
	f, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return f.Model()
}

// Config maps the file's llama.* hyperparameters onto a model config.
func (f *File) Config() (model.Config, error) {
	var c model.Config
	arch, ok, err := f.String("general.architecture")
	if err != nil {
		return c, err
	}
	if !ok {
		return c, fmt.Errorf("%s: missing metadata general.architecture", f.Path)
	}
	if arch != Architecture {
		return c, fmt.Errorf("%s: unsupported architecture %q (the engine reads %q GGUF files)", f.Path, arch, Architecture)
	}
	var firstErr error
	get := func(key string, required bool) int {
		u, ok, err := f.Uint(key)
		switch {
		case firstErr != nil:
		case err != nil:
			firstErr = err
		case !ok && required:
			firstErr = fmt.Errorf("%s: missing metadata %s", f.Path, key)
		case u > 1<<31:
			firstErr = fmt.Errorf("%s: metadata %s = %d is beyond any real model", f.Path, key, u)
		}
		return int(u)
	}
	getFloat := func(key string, def float64) float64 {
		x, ok, err := f.Float(key)
		if err != nil && firstErr == nil {
			firstErr = err
		}
		if !ok {
			return def
		}
		return x
	}
	c = model.Config{
		Architecture: model.ArchLlama,
		Hidden:       get("llama.embedding_length", true),
		Intermediate: get("llama.feed_forward_length", true),
		Layers:       get("llama.block_count", true),
		Heads:        get("llama.attention.head_count", true),
		KVHeads:      get("llama.attention.head_count_kv", false),
		MaxPositions: get("llama.context_length", false),
		RMSNormEps:   float32(getFloat("llama.attention.layer_norm_rms_epsilon", 1e-5)),
		Rope:         model.Rope{Theta: getFloat("llama.rope.freq_base", 10000)},
		BOSTokenID:   -1,
	}
	if c.KVHeads == 0 {
		c.KVHeads = c.Heads
	}
	if c.HeadDim = get("llama.attention.key_length", false); c.HeadDim == 0 {
		c.HeadDim = get("llama.rope.dimension_count", false)
	}
	if c.HeadDim == 0 && c.Heads > 0 {
		c.HeadDim = c.Hidden / c.Heads
	}
	if v := get("llama.attention.value_length", false); v != 0 && v != c.HeadDim {
		return c, fmt.Errorf("%s: llama.attention.value_length %d differs from the key length %d", f.Path, v, c.HeadDim)
	}
	if d := get("llama.rope.dimension_count", false); d != 0 && d != c.HeadDim {
		return c, fmt.Errorf("%s: llama.rope.dimension_count %d: partial rotary embeddings are not supported", f.Path, d)
	}
	if firstErr != nil {
		return c, firstErr
	}
	if err := f.ropeScaling(&c); err != nil {
		return c, err
	}
	c.Vocab = get("llama.vocab_size", false)
	if emb := f.Tensor(nameEmbed); c.Vocab == 0 && emb != nil && len(emb.Dims) == 2 {
		c.Vocab = int(emb.Dims[1])
	}
	if bos, ok, err := f.Uint("tokenizer.ggml.bos_token_id"); err != nil {
		return c, err
	} else if ok {
		c.BOSTokenID = int(bos)
	}
	if eos, ok, err := f.Uint("tokenizer.ggml.eos_token_id"); err != nil {
		return c, err
	} else if ok {
		c.EOSTokenIDs = []int{int(eos)}
	}
	c.TieEmbeddings = f.Tensor(nameOutput) == nil
	c.QKVBias = f.Tensor(projName(0, model.Q, "bias")) != nil
	c.OutputBias = f.Tensor(projName(0, model.O, "bias")) != nil
	if firstErr != nil {
		return c, firstErr
	}
	if err := c.Validate(); err != nil {
		return c, fmt.Errorf("%s: %w", f.Path, err)
	}
	return c, nil
}

// ropeScaling reads llama.rope.scaling.*. Llama 3 scaling is stored by the
// converter as per-frequency factors in rope_freqs.weight, which the engine
// does not read.
func (f *File) ropeScaling(c *model.Config) error {
	if f.Tensor(nameRopeFreqs) != nil {
		return fmt.Errorf("%s: tensor %q (Llama 3 rope scaling as per-frequency factors) is not supported", f.Path, nameRopeFreqs)
	}
	kind, ok, err := f.String("llama.rope.scaling.type")
	if err != nil || !ok || kind == "none" {
		return err
	}
	if kind != "linear" {
		return fmt.Errorf("%s: unsupported llama.rope.scaling.type %q (supported: none, linear)", f.Path, kind)
	}
	factor, ok, err := f.Float("llama.rope.scaling.factor")
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("%s: linear rope scaling without llama.rope.scaling.factor", f.Path)
	}
	c.Rope.Scaling, c.Rope.Factor = "linear", factor
	return nil
}

// Model reads every tensor, dequantised to float32, into a runnable model.
func (f *File) Model() (*model.Model, error) {
	cfg, err := f.Config()
	if err != nil {
		return nil, err
	}
	w, err := f.weights(&cfg)
	if err != nil {
		return nil, err
	}
	m, err := model.New(cfg, w)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Path, err)
	}
	return m, nil
}

func (f *File) weights(cfg *model.Config) (model.Weights, error) {
	var w model.Weights
	var err error
	get := func(name string, dims ...int) []float32 {
		if err != nil {
			return nil
		}
		d := make([]uint64, len(dims))
		for i, v := range dims {
			d[i] = uint64(v)
		}
		var v []float32
		v, err = f.Float32(name, d...)
		return v
	}
	H := cfg.Hidden
	w.Embed = get(nameEmbed, H, cfg.Vocab)
	w.FinalNorm = get(nameFinalNorm, H)
	if !cfg.TieEmbeddings {
		w.LMHead = get(nameOutput, H, cfg.Vocab)
	}
	w.Layers = make([]model.Layer, cfg.Layers)
	for l := range w.Layers {
		L := &w.Layers[l]
		L.AttnNorm = get(attnNormName(l), H)
		L.MLPNorm = get(ffnNormName(l), H)
		for m := range model.NumModules {
			out, in := cfg.ModuleShape(m)
			L.Proj[m].W = get(projName(l, m, "weight"), in, out)
			hasBias := (m <= model.V && cfg.QKVBias) || (m == model.O && cfg.OutputBias)
			if hasBias {
				L.Proj[m].Bias = get(projName(l, m, "bias"), out)
			}
			if err != nil {
				return w, err
			}
			if heads := ropeHeads(cfg, m); heads > 0 {
				L.Proj[m].W = unpermuteRows(L.Proj[m].W, heads, in)
				if L.Proj[m].Bias != nil {
					L.Proj[m].Bias = unpermuteRows(L.Proj[m].Bias, heads, 1)
				}
			}
		}
	}
	return w, err
}

// ropeHeads is the number of heads whose rows the converter permutes for a
// projection: the query heads for q, the key/value heads for k, none for
// the others.
func ropeHeads(cfg *model.Config, m model.Module) int {
	switch m {
	case model.Q:
		return cfg.Heads
	case model.K:
		return cfg.KVHeads
	}
	return 0
}
