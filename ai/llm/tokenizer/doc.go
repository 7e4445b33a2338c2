// Package tokenizer reads Hugging Face tokenizer.json files (with the
// optional tokenizer_config.json next to them) and encodes and decodes text
// exactly as the Hugging Face tokenizers do for the BPE models used by the
// Llama family: byte-level BPE (Llama 3, SmolLM2, Qwen2, GPT-2) and
// Metaspace BPE with byte fallback (Llama 2, TinyLlama).
//
// The pipeline follows tokenizer.json: added tokens are split out of the
// text first, each remaining section is normalized and pre-tokenized into
// words, every word is merged by BPE (ranked merges applied lowest rank
// first, leftmost on ties), and the post-processor adds the beginning of
// sequence token. Decoding runs the decoder chain of the file.
//
// Go's regexp has no look-ahead, so the split patterns of GPT-2 and of
// Llama 3 / Qwen2 are recognised by their source text and matched by hand
// with the same semantics as the Oniguruma engine the reference
// implementation uses; other patterns are compiled with regexp when they
// fit its syntax.
//
// TrainByteLevelBPE learns a byte-level vocabulary from text and writes a
// tokenizer.json that this package, and the Hugging Face libraries, load.
package tokenizer
