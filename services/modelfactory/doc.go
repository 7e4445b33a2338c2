// Package modelfactory is the no-code fine-tuning service: it turns
// Datanet versions into LoRA adapters that a serving node can serve.
//
// A user picks a base model registered in x/modelreg whose weights are on
// this machine (matched by SHA-256), one or more Datanet versions (exported
// from the chain and checked against each version's Merkle root), how rows
// map to training text, and hyperparameters. Jobs run one at a time with
// ai/llm/train, report every step, checkpoint as they go and resume after
// a restart or a cancel. A finished job is evaluated on its held-out rows
// (loss, perplexity and the base and adapter answers side by side), can be
// chatted with through the serving node's own chat code, and is published:
// the PEFT folder and the training manifest go into a content-addressed
// store served over HTTP, and the adapter is registered in x/modelreg with
// its lineage and the manifest's hash. Verify re-runs a registered model's
// training from its manifest and checks it reproduces the adapter byte for
// byte.
package modelfactory
