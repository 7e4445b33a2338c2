// Package gguf reads and writes GGUF (version 3) files of the llama
// architecture, the format of llama.cpp and ollama.
//
// Reading maps GGUF tensor names (token_embd.weight, blk.N.attn_q.weight,
// output_norm.weight, output.weight, ...) and llama.* hyperparameters onto
// package model's Config and Weights. F32, F16, BF16 and Q8_0 tensors are
// dequantised to float32 at load. llama.cpp's converter reorders the rows of
// the query and key projections from the Hugging Face rotate-half RoPE layout
// to the interleaved one; the reader undoes that and the writer applies it,
// so a model read from GGUF computes exactly what its Hugging Face folder
// computes. The embedded tokenizer, byte-level BPE ("gpt2") or SentencePiece
// ("llama", with merges derived from the scores), is rebuilt as a
// tokenizer.json for package tokenizer; the writer embeds either kind from a
// tokenizer.json.
//
// Every failure names the file and, where there is one, the tensor or key;
// malformed or truncated input is an error, never a panic.
package gguf
