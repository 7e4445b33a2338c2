// Package llm is the root of OpenLedger's embedded engine for Llama-family
// language models. The engine is split by concern:
//
//   - hf reads Hugging Face model folders (config.json, generation_config.json,
//     safetensors, single or sharded) and writes safetensors files.
//   - kernels holds the float32 numeric routines (matrix products, dot, axpy,
//     RMSNorm, softmax, SiLU) behind a small Backend interface, with Go
//     assembly for AVX2/FMA and AVX-512 chosen at run time and a pure-Go
//     fallback.
//   - model is the Llama / Qwen2 forward pass with a per-sequence KV cache and
//     unmerged, per-sequence LoRA updates.
//   - lora reads and writes PEFT adapters and merges them for export.
//   - generate serves requests with continuous batching, streaming and
//     seeded sampling.
//   - train fine-tunes LoRA adapters on a frozen base: a hand-written
//     backward pass, AdamW with warm-up and cosine decay, checkpoints, PEFT
//     output.
//   - tokenizer reads tokenizer.json (byte-level and Metaspace BPE) and trains
//     byte-level BPE vocabularies; chattemplate renders chat templates.
//   - gguf reads and writes llama-architecture GGUF files.
//   - tinymodel writes seeded random Hugging Face folders for tests and demos.
package llm
