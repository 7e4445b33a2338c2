package model

import (
	"os"
	"path/filepath"

	"github.com/openledger/openledger/ai/llm/hf"
)

// SaveOptions chooses how Save stores the weights.
type SaveOptions struct {
	// DType is the stored element type: hf.F32 (the default), hf.F16 or hf.BF16.
	DType string
	// ShardBytes, when positive, splits the weights into shards of about
	// this size with a model.safetensors.index.json.
	ShardBytes int64
}

// Save writes config.json and the weights as a Hugging Face model folder
// that Load (and transformers) can read.
func (m *Model) Save(dir string, opts SaveOptions) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	hcfg := m.Config.HF()
	if opts.DType != "" {
		hcfg.TorchDType = map[string]string{hf.F32: "float32", hf.F16: "float16", hf.BF16: "bfloat16"}[opts.DType]
	}
	if err := hf.WriteJSON(filepath.Join(dir, "config.json"), hcfg); err != nil {
		return err
	}
	ts := m.Tensors()
	for i := range ts {
		ts[i].DType = opts.DType
	}
	if opts.ShardBytes > 0 {
		return hf.WriteShardedSafetensors(dir, ts, opts.ShardBytes)
	}
	return hf.WriteSafetensors(filepath.Join(dir, "model.safetensors"), ts, map[string]string{"format": "pt"})
}
