// Package eval is where the PoA engine is measured rather than run: the
// evaluation suite (Suite: a corpus of Go standard-library doc comments in
// testdata, outputs made from known passages copied verbatim or reworded,
// and novel text, scored against brute-force ground truth), and below it
// the tools the measurements use: ngram (the n-gram hash baseline),
// paraphrase (the deterministic rewriter), bench (the benchmark run by
// cmd/poa-bench) and gencorpus (how testdata was made). None of it is
// linked into the poa binary.
package eval
