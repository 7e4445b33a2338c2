// Package textnorm is what the PoA engine does to every text before it is
// indexed or attributed, corpus and output alike: Unicode normalisation with
// a map back to the original bytes, words, the stemmed content tokens of the
// paraphrase signal, and strict decoding of JSON string literals. Being the
// same function on both sides is what makes a span found in the corpus a
// span of the output.
package textnorm
