// Package influence attributes a fine-tuned adapter's answer to the
// training rows that shaped it, by gradients: TracIn (Pruthi et al.,
// 2020) over a few checkpoints of the run, with each gradient of the LoRA
// factors projected to a fixed dimension by a seeded random sign matrix
// (as TRAK and LoGra do, so a row costs Dim numbers per checkpoint).
//
// The influence of training row z on an answer a is
//
//	Σ_c η_c · ⟨P·∇L(z; θ_c), P·∇L(a; θ_c)⟩
//
// over the checkpoints c with parameters θ_c and learning rate η_c. Rows
// that taught the answer have gradients pointing the same way as the
// answer's, whatever words the answer uses.
//
// Results must be recomputable by anyone, byte for byte, so everything
// after the gradient is integer arithmetic: a projected gradient is
// rounded to integers times a power of two (Vector), dot products are
// exact int64 sums, scores are exact big integers, and weights are integer
// parts per million with the largest-remainder rule. The projection itself
// adds float64 values in a fixed order.
package influence
