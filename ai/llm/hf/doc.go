// Package hf reads and writes the files of a Hugging Face model folder:
// config.json, generation_config.json and safetensors weights, either one
// model.safetensors or shards listed in model.safetensors.index.json.
//
// Weights are stored as F32, F16 or BF16 and always returned as float32.
// Every failure names the file and, where there is one, the tensor; malformed
// or truncated input is reported as an error, never a panic.
package hf
