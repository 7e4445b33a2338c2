// Package paraphrase rewrites English text deterministically: synonym
// substitution from a small committed table, clause reordering and small
// insertions. It produces the reworded outputs of the PoA evaluation and
// benchmarks, where the ground truth (which contribution a passage came
// from) is known by construction. It is not a language model and does not
// try to be fluent; it only has to change the wording the way a model
// paraphrasing its training data would: same content words mostly, new
// order, different glue.
package paraphrase

import (
	_ "embed"
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed synonyms.tsv
var synonymTable string

// synonyms maps a lower-case word to its replacement.
var synonyms = func() map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(synonymTable, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		word, replacement, ok := strings.Cut(line, "\t")
		if !ok {
			panic("paraphrase: bad synonym line: " + line)
		}
		m[word] = replacement
	}
	return m
}()

// fillers are the small insertions in front of sentences; fillerWords go
// between words.
var (
	fillers     = []string{"In practice,", "Note that", "As a rule,", "Generally speaking,", "In short,", "Indeed,"}
	fillerWords = []string{"simply", "also", "then", "just", "really", "actually", "still"}
)

// Options set how strongly text is rewritten, in percent.
type Options struct {
	// SynonymRate is the chance that a word with a synonym is replaced.
	SynonymRate int
	// ReorderRate is the chance that a sentence's clauses are rotated (the
	// first clause moves to the end), and separately that two
	// neighbouring sentences swap.
	ReorderRate int
	// InsertRate is the chance that a sentence gets a filler in front.
	InsertRate int
	// WordInsertRate is the chance that a filler word follows a word.
	WordInsertRate int
}

// Light rewording leaves many runs of six or more words intact, as a model
// quoting loosely would; Heavy breaks most of them, as a real paraphrase
// does, so only the paraphrase signal can find the source.
var (
	Light = Options{SynonymRate: 70, ReorderRate: 50, InsertRate: 30}
	Heavy = Options{SynonymRate: 100, ReorderRate: 50, InsertRate: 30, WordInsertRate: 20}
)

// Rewrite returns a paraphrase of text. The same text, rng state and
// options always give the same result.
func Rewrite(text string, rng *rand.Rand, o Options) string {
	sentences := splitSentences(strings.Join(strings.Fields(text), " "))
	for i := range sentences {
		s := sentences[i]
		if rng.IntN(100) < o.ReorderRate {
			s = rotateClauses(s)
		}
		s = substitute(s, rng, o.SynonymRate)
		if o.WordInsertRate > 0 {
			s = insertWords(s, rng, o.WordInsertRate)
		}
		if rng.IntN(100) < o.InsertRate {
			s = fillers[rng.IntN(len(fillers))] + " " + lowerFirst(s)
		}
		sentences[i] = s
	}
	for i := 0; i+1 < len(sentences); i += 2 {
		if rng.IntN(100) < o.ReorderRate {
			sentences[i], sentences[i+1] = sentences[i+1], sentences[i]
		}
	}
	return strings.Join(sentences, " ")
}

// splitSentences cuts after '.', '?' or '!' followed by a space.
func splitSentences(text string) []string {
	var out []string
	start := 0
	for i := 0; i+1 < len(text); i++ {
		if (text[i] == '.' || text[i] == '?' || text[i] == '!') && text[i+1] == ' ' {
			out = append(out, text[start:i+1])
			start = i + 2
		}
	}
	if start < len(text) {
		out = append(out, text[start:])
	}
	return out
}

// rotateClauses moves the first comma-separated clause to the end:
// "If x, y happens." becomes "Y happens, if x."
func rotateClauses(s string) string {
	end := ""
	if n := len(s); n > 0 && strings.ContainsRune(".?!", rune(s[n-1])) {
		s, end = s[:n-1], s[n-1:]
	}
	first, rest, ok := strings.Cut(s, ", ")
	if !ok || rest == "" {
		return s + end
	}
	return upperFirst(rest) + ", " + lowerFirst(first) + end
}

// substitute replaces words that have a synonym, keeping surrounding
// punctuation and a leading capital.
func substitute(s string, rng *rand.Rand, rate int) string {
	words := strings.Split(s, " ")
	for i, w := range words {
		lead := strings.IndexFunc(w, isWordRune)
		if lead < 0 {
			continue
		}
		trail := strings.LastIndexFunc(w, isWordRune)
		_, size := utf8.DecodeRuneInString(w[trail:])
		core := w[lead : trail+size]
		replacement, ok := synonyms[strings.ToLower(core)]
		if !ok || rng.IntN(100) >= rate {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(core); unicode.IsUpper(r) {
			replacement = upperFirst(replacement)
		}
		words[i] = w[:lead] + replacement + w[trail+size:]
	}
	return strings.Join(words, " ")
}

// insertWords puts filler words after some words (never after the last).
func insertWords(s string, rng *rand.Rand, rate int) string {
	words := strings.Split(s, " ")
	out := make([]string, 0, len(words)+len(words)/4)
	for i, w := range words {
		out = append(out, w)
		if i+1 < len(words) && rng.IntN(100) < rate {
			out = append(out, fillerWords[rng.IntN(len(fillerWords))])
		}
	}
	return strings.Join(out, " ")
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func upperFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}

func lowerFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	// Keep acronyms and identifiers ("HTTP", "EOF") as they are.
	if size < len(s) {
		if r2, _ := utf8.DecodeRuneInString(s[size:]); unicode.IsUpper(r2) {
			return s
		}
	}
	return string(unicode.ToLower(r)) + s[size:]
}
