package textnorm

import (
	"unicode"
	"unicode/utf8"
)

// Words are maximal runs of letters, digits and combining marks in
// normalised text. Exact spans start and end on word boundaries, and the
// suffix array only holds suffixes that start a word, so "cat" never
// matches inside "bobcat".

// Span is a half-open byte range [Start, End).
type Span struct {
	Start, End int
}

var asciiWordByte = func() (t [utf8.RuneSelf]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// WordRuneAt reports whether a word rune starts at i, and its width.
func WordRuneAt(text []byte, i int) (bool, int) {
	c := text[i]
	if c < utf8.RuneSelf {
		return asciiWordByte[c], 1
	}
	r, size := utf8.DecodeRune(text[i:])
	if r == utf8.RuneError && size <= 1 {
		return false, 1 // the 0xFF document separator, or broken bytes
	}
	return isWordRune(r), size
}

// ForEachWord calls fn with the byte range of every word in text, in order.
func ForEachWord(text []byte, fn func(start, end int)) {
	start := -1
	for i := 0; i < len(text); {
		isWord, size := WordRuneAt(text, i)
		if isWord {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			fn(start, i)
			start = -1
		}
		i += size
	}
	if start >= 0 {
		fn(start, len(text))
	}
}

// Words returns the byte ranges of the words of text.
func Words(text []byte) []Span {
	var words []Span
	ForEachWord(text, func(s, e int) { words = append(words, Span{s, e}) })
	return words
}
