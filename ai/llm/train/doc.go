// Package train fine-tunes LoRA adapters on a frozen Llama or Qwen2 base.
//
// The training forward runs a whole sequence at a time (no KV cache) and
// keeps every activation the backward pass needs; the backward pass is
// written by hand and produces gradients for the A and B factors of every
// targeted projection only. The loss is the mean cross-entropy over response
// tokens (Example.Mask). Optimisation is AdamW with decoupled weight decay, a
// linear warm-up followed by a cosine decay, gradient accumulation over
// micro-batches and global-norm clipping, as Hugging Face's Trainer and PEFT
// do it.
//
// Training is deterministic: products go through ai/llm/kernels, whose
// outputs do not depend on how work is split across goroutines, every other
// parallel loop writes disjoint outputs in a fixed partition, reductions run
// in a fixed order, and all randomness comes from one seeded PCG generator
// whose state is part of a checkpoint. The same base, data, options and seed
// therefore give a byte-identical adapter, and resuming from a checkpoint
// gives the bytes an uninterrupted run gives.
package train
