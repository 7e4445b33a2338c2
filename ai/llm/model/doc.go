// Package model is the forward pass of Llama-family decoder models (Llama
// 2/3, TinyLlama, SmolLM2 and Qwen2) in float32.
//
// A forward call takes a batch of sequences, each bringing any number of new
// tokens (a prompt to prefill, or one token to decode) and its own KV cache
// and optional LoRA adapter. All rows of the batch share each base
// projection; each adapter's low-rank update runs over its own rows only
// (the S-LoRA / Punica segmented method), so adapters are never merged into
// the base for serving.
//
// Every computation on a row depends only on that row and its own sequence's
// cache, so a request gives the same logits, bit for bit, alone or in any
// batch.
package model
