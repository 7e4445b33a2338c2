package train

import (
	"github.com/openledger/openledger/ai/llm/lora"
	"github.com/openledger/openledger/ai/llm/model"
)

// loraConfig is adapter_config.json for the options.
func (o *Options) loraConfig() lora.Config {
	cfg := lora.Config{
		PeftType: "LORA", TaskType: "CAUSAL_LM", BaseModelNameOrPath: o.BaseModelNameOrPath,
		R: o.Rank, LoraAlpha: o.Alpha, LoraDropout: o.Dropout, UseRSLoRA: o.RSLoRA, Bias: "none",
	}
	for _, m := range o.Targets {
		cfg.TargetModules = append(cfg.TargetModules, m.String())
	}
	return cfg
}

// Adapter returns a copy of the current factors as a lora.Adapter, ready to
// serve (model.Forward) or save.
func (t *Trainer) Adapter() (*lora.Adapter, error) {
	cfg := &t.net.cfg
	// package lora builds adapters only by loading or drawing them; draw one
	// of the right shape and overwrite its factors (and the precomputed Bᵀ
	// serving uses) with the trained ones.
	a, err := lora.NewRandom(cfg, t.opts.loraConfig(), 0)
	if err != nil {
		return nil, err
	}
	lay := t.net.lay
	for l := range cfg.Layers {
		for m := range model.NumModules {
			f := lay.factors[l][m]
			if !f.on {
				continue
			}
			lr := a.LowRank(l, m)
			copy(lr.A, lay.A(t.params, l, m))
			copy(lr.B, lay.B(t.params, l, m))
			if lr.BT != nil {
				copy(lr.BT, transpose(lr.B, f.out, lay.rank))
			}
		}
	}
	return a, nil
}

// SaveAdapter writes the adapter as a PEFT folder (adapter_config.json and
// adapter_model.safetensors) through package lora.
func (t *Trainer) SaveAdapter(dir string) error {
	a, err := t.Adapter()
	if err != nil {
		return err
	}
	return a.Save(dir)
}
