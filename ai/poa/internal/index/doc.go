// Package index builds, opens and searches one PoA index: a directory of
// memory-mapped files (format.go) holding the normalised contributions, a
// suffix array over their word starts and the MinHash-LSH sketches of their
// paraphrase windows, every byte checked against a SHA-256 before use. It
// answers lookups (the longest match at a word start, the occurrences of a
// pattern, the windows sharing a band key) and knows nothing of how they
// are combined into an answer.
package index
