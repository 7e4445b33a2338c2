// Package query finds the evidence for an attribution in a set of indexes:
// the maximal spans of an output found verbatim at corpus word starts
// (exact.go) and the output windows that reword a corpus window
// (paraphrase.go, MinHash LSH and rare anchors, scored exactly), with the
// integer rarity both are weighed by. Turning evidence into weights is the
// caller's rule (ai/poa, attribute.go).
package query
