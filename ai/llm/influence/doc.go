// Package influence attributes a fine-tuned adapter's answer to the
// training rows that shaped it, by gradients: TracIn (Pruthi et al.,
// 2020) over a few checkpoints of the run, with each gradient of the LoRA
// factors projected to a fixed dimension by a seeded sparse sign matrix (a
// count sketch, in the spirit of TRAK's and LoGra's projections), so a row
// costs Dim int16 numbers per checkpoint.
//
// The influence of training row z on an answer a is
//
//	Σ_c η_c · ⟨P·∇L(z; θ_c), P·∇L(a; θ_c)⟩ / (‖P·∇L(z; θ_c)‖·‖P·∇L(a; θ_c)‖)
//
// over the checkpoints c with LoRA factors θ_c and learning rate η_c: the
// cosine form, so that rows and answers with large losses do not outrank
// the row pointing the same way. Rows that taught the answer have gradients
// pointing the same way as the answer's, whatever words the answer uses.
//
// At training time a Recorder takes every row's projected gradient at each
// checkpoint into a Run, stored beside the adapter (its SHA-256 is in the
// training manifest). At answer time an Attributor takes the answer's
// gradients at the same checkpoints and turns the scores into integer parts
// per million per Datanet contribution.
//
// Anyone holding the base model, the Run and the answer recomputes the same
// weights byte for byte: gradients run on the pure-Go kernels with every
// product rounded before it is added and exponentials from exactmath (see
// train.GradientModel), whatever the CPU or the GOAMD64 level; projection
// adds float64 values in parameter order; after it everything is integer
// arithmetic: quantized vectors, exact int64 dot products, exact big-integer
// scores and the largest-remainder rule for weights.
package influence
