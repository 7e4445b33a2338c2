package lora

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"

	"github.com/openledger/openledger/ai/llm/model"
)

// Config is adapter_config.json as PEFT writes it for a LoRA adapter.
type Config struct {
	PeftType            string         `json:"peft_type"`
	TaskType            string         `json:"task_type,omitempty"`
	BaseModelNameOrPath string         `json:"base_model_name_or_path,omitempty"`
	R                   int            `json:"r"`
	LoraAlpha           float64        `json:"lora_alpha"`
	LoraDropout         float64        `json:"lora_dropout"`
	TargetModules       TargetModules  `json:"target_modules"`
	UseRSLoRA           bool           `json:"use_rslora"`
	Bias                string         `json:"bias"`
	FanInFanOut         bool           `json:"fan_in_fan_out"`
	InferenceMode       bool           `json:"inference_mode"`
	UseDoRA             bool           `json:"use_dora,omitempty"`
	RankPattern         map[string]any `json:"rank_pattern,omitempty"`
	AlphaPattern        map[string]any `json:"alpha_pattern,omitempty"`
	ModulesToSave       []string       `json:"modules_to_save,omitempty"`
	LayersToTransform   any            `json:"layers_to_transform,omitempty"`
}

// TargetModules is PEFT's target_modules: a list of projection names, or
// the string "all-linear".
type TargetModules []string

// UnmarshalJSON accepts a list of names or "all-linear"; other strings are
// regular expressions in PEFT, which the engine does not interpret.
func (t *TargetModules) UnmarshalJSON(b []byte) error {
	var list []string
	if err := json.Unmarshal(b, &list); err == nil {
		*t = list
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("target_modules must be a list of names or a string")
	}
	if s != "all-linear" {
		return fmt.Errorf("target_modules %q: only a list of module names or \"all-linear\" is supported", s)
	}
	for m := range model.NumModules {
		*t = append(*t, m.String())
	}
	return nil
}

// Scale is the factor applied to B·A: lora_alpha/r, or lora_alpha/√r with
// rsLoRA.
func (c *Config) Scale() float32 {
	if c.UseRSLoRA {
		return float32(c.LoraAlpha / math.Sqrt(float64(c.R)))
	}
	return float32(c.LoraAlpha / float64(c.R))
}

// Modules returns the targeted projections in layer order.
func (c *Config) Modules() ([]model.Module, error) {
	var mods []model.Module
	for _, name := range c.TargetModules {
		m, err := model.ModuleByName(name)
		if err != nil {
			return nil, fmt.Errorf("adapter_config.json: target_modules: %w", err)
		}
		if !slices.Contains(mods, m) {
			mods = append(mods, m)
		}
	}
	slices.Sort(mods)
	return mods, nil
}

// Validate rejects settings the engine cannot serve faithfully.
func (c *Config) Validate() error {
	switch {
	case c.PeftType != "" && c.PeftType != "LORA":
		return fmt.Errorf("adapter_config.json: peft_type %q is not LORA", c.PeftType)
	case c.R <= 0:
		return fmt.Errorf("adapter_config.json: r must be positive, got %d", c.R)
	case c.LoraAlpha <= 0:
		return fmt.Errorf("adapter_config.json: lora_alpha must be positive, got %g", c.LoraAlpha)
	case len(c.TargetModules) == 0:
		return fmt.Errorf("adapter_config.json: target_modules is empty")
	case c.Bias != "" && c.Bias != "none":
		return fmt.Errorf("adapter_config.json: bias %q is not supported (only \"none\")", c.Bias)
	case c.FanInFanOut:
		return fmt.Errorf("adapter_config.json: fan_in_fan_out is not supported (Llama projections are not Conv1D)")
	case c.UseDoRA:
		return fmt.Errorf("adapter_config.json: use_dora is not supported")
	case len(c.RankPattern) > 0 || len(c.AlphaPattern) > 0:
		return fmt.Errorf("adapter_config.json: rank_pattern and alpha_pattern are not supported")
	case len(c.ModulesToSave) > 0:
		return fmt.Errorf("adapter_config.json: modules_to_save is not supported")
	case c.LayersToTransform != nil:
		return fmt.Errorf("adapter_config.json: layers_to_transform is not supported")
	}
	_, err := c.Modules()
	return err
}
