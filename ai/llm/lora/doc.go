// Package lora reads and writes LoRA adapters in Hugging Face PEFT's format
// (adapter_config.json + adapter_model.safetensors) and serves them unmerged:
// an Adapter implements model.Adapter, so any number of adapters and plain
// base requests can share one forward batch. Merge folds an adapter into a
// copy of the base weights (W + scale·B·A) for export and for tests.
package lora
