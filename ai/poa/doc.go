// Package poa is the Proof of Attribution engine's public API: it answers
// which Datanet contributions shaped a model output, and by how much, with
// integer weights that anyone holding the same indexes recomputes byte for
// byte (README.md).
//
// Build and Open make and open indexes; an Engine over one or more of them
// attributes a text (Attribute, the rule that turns evidence into weights)
// and checks somebody else's answer (VerifyClaim). The normalisation, the
// index files and the search for evidence live below, in internal/textnorm,
// internal/index and internal/query; ai/poa/server serves the engine over
// HTTP.
package poa
