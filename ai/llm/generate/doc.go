// Package generate serves token generation requests on one model with
// continuous batching: requests join and leave between forward steps, every
// step runs all active requests (prefill chunks and single-token decodes,
// with any mix of LoRA adapters) as one batch, and tokens stream out as they
// are sampled.
//
// Sampling is greedy or temperature / top-k / top-p with a repetition
// penalty, drawn from a PCG generator seeded per request. Because the model
// computes each sequence independently of its batch mates, a request with a
// given seed produces the same tokens whatever else is running.
package generate
