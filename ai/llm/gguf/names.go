package gguf

import (
	"fmt"

	"github.com/openledger/openledger/ai/llm/model"
)

// GGUF tensor names of the llama architecture.
const (
	nameEmbed     = "token_embd.weight"
	nameFinalNorm = "output_norm.weight"
	nameOutput    = "output.weight"
	nameRopeFreqs = "rope_freqs.weight"
)

var moduleNames = [model.NumModules]string{
	model.Q: "attn_q", model.K: "attn_k", model.V: "attn_v", model.O: "attn_output",
	model.Gate: "ffn_gate", model.Up: "ffn_up", model.Down: "ffn_down",
}

// projName is the GGUF name of a layer's projection weight or bias.
func projName(layer int, m model.Module, suffix string) string {
	return fmt.Sprintf("blk.%d.%s.%s", layer, moduleNames[m], suffix)
}

func attnNormName(layer int) string { return fmt.Sprintf("blk.%d.attn_norm.weight", layer) }
func ffnNormName(layer int) string  { return fmt.Sprintf("blk.%d.ffn_norm.weight", layer) }

// permuteRows reorders the rows of a q or k projection (weight [heads·hd ×
// cols], or bias with cols = 1) from the Hugging Face rotate-half layout,
// where a head's rotated pairs are rows (j, j+hd/2), to llama.cpp's
// interleaved layout, where they are rows (2j, 2j+1). This is
// convert_hf_to_gguf.py's LlamaModel.permute.
func permuteRows(w []float32, heads, cols int) []float32 {
	return reorderRows(w, heads, cols, false)
}

// unpermuteRows undoes permuteRows.
func unpermuteRows(w []float32, heads, cols int) []float32 {
	return reorderRows(w, heads, cols, true)
}

func reorderRows(w []float32, heads, cols int, inverse bool) []float32 {
	out := make([]float32, len(w))
	hd := len(w) / cols / heads
	half := hd / 2
	for h := range heads {
		for i := range 2 {
			for j := range half {
				hfRow := h*hd + i*half + j
				ggRow := h*hd + 2*j + i
				src, dst := hfRow, ggRow
				if inverse {
					src, dst = ggRow, hfRow
				}
				copy(out[dst*cols:(dst+1)*cols], w[src*cols:(src+1)*cols])
			}
		}
	}
	return out
}
