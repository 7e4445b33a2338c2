package tokenizer

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The split patterns that byte-level tokenizers ship in tokenizer.json. They
// rely on the negative look-ahead \s+(?!\S), which Go's regexp cannot
// express, so they are recognised by their exact source and matched by
// hand-written scanners with the same leftmost-first alternation semantics.
const (
	// PatternGPT2 is GPT-2's split pattern, also built into the ByteLevel
	// pre-tokenizer when use_regex is true (SmolLM2 uses it that way).
	PatternGPT2 = `'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+`
	// PatternLlama3 is the split pattern of Llama 3 (and of GPT-4's cl100k):
	// case-insensitive contractions and numbers in groups of up to three.
	PatternLlama3 = `(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+`
	// PatternQwen2 is Qwen2's split pattern: Llama 3's with single digits.
	PatternQwen2 = `(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+`
)

// span is a half-open byte range of a match.
type span struct{ start, end int }

// matcher finds the successive non-overlapping matches of a pattern, as a
// regex engine's find-all does.
type matcher interface {
	findAll(s string) []span
}

// compilePattern turns a tokenizer.json pattern ({"String": ...} or
// {"Regex": ...}) into a matcher. field names the JSON field for errors.
func compilePattern(p *patternJSON, field string) (matcher, error) {
	if p == nil {
		return nil, fmt.Errorf("%s: missing pattern", field)
	}
	switch {
	case p.String != nil:
		if *p.String == "" {
			return nil, fmt.Errorf("%s.String: empty pattern", field)
		}
		return literalMatcher(*p.String), nil
	case p.Regex != nil:
		switch *p.Regex {
		case PatternGPT2:
			return gpt2Matcher{}, nil
		case PatternLlama3:
			return llama3Matcher{maxDigits: 3}, nil
		case PatternQwen2:
			return llama3Matcher{maxDigits: 1}, nil
		}
		src, err := translateRegex(*p.Regex)
		if err != nil {
			return nil, fmt.Errorf("%s.Regex: %w", field, err)
		}
		re, err := regexp.Compile(src)
		if err != nil {
			return nil, fmt.Errorf("%s.Regex: pattern %q is not supported (not one of the known split patterns and not expressible in Go regexp): %w", field, *p.Regex, err)
		}
		return regexpMatcher{re}, nil
	default:
		return nil, fmt.Errorf("%s: pattern needs a String or a Regex", field)
	}
}

// whiteSpaceClass lists Unicode's White_Space property, which is what \s
// means in Oniguruma; Go's \s covers ASCII only.
const whiteSpaceClass = `\t\n\v\f\r \x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}`

// translateRegex rewrites the Oniguruma escapes whose meaning differs in Go
// (\s, \S, \d) so that a look-around-free pattern keeps its semantics.
func translateRegex(src string) (string, error) {
	var b strings.Builder
	inClass := false
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c == '\\' && i+1 < len(src) {
			n := src[i+1]
			i++
			switch {
			case n == 's' && inClass:
				b.WriteString(whiteSpaceClass)
			case n == 's':
				b.WriteString("[" + whiteSpaceClass + "]")
			case n == 'S' && inClass:
				return "", fmt.Errorf("\\S inside a character class is not supported")
			case n == 'S':
				b.WriteString("[^" + whiteSpaceClass + "]")
			case n == 'd':
				b.WriteString(`\p{Nd}`)
			default:
				b.WriteByte('\\')
				b.WriteByte(n)
			}
			continue
		}
		switch c {
		case '[':
			inClass = true
		case ']':
			inClass = false
		}
		b.WriteByte(c)
	}
	return b.String(), nil
}

type literalMatcher string

func (m literalMatcher) findAll(s string) []span {
	var out []span
	for off := 0; ; {
		k := strings.Index(s[off:], string(m))
		if k < 0 {
			return out
		}
		out = append(out, span{off + k, off + k + len(m)})
		off += k + len(m)
	}
}

type regexpMatcher struct{ re *regexp.Regexp }

func (m regexpMatcher) findAll(s string) []span {
	idx := m.re.FindAllStringIndex(s, -1)
	out := make([]span, 0, len(idx))
	for _, p := range idx {
		if p[1] > p[0] {
			out = append(out, span{p[0], p[1]})
		}
	}
	return out
}

func isLetter(r rune) bool { return unicode.IsLetter(r) }
func isNumber(r rune) bool { return unicode.IsNumber(r) }
func isSpace(r rune) bool  { return unicode.IsSpace(r) }

// isOther is [^\s\p{L}\p{N}]: punctuation, symbols and everything else.
func isOther(r rune) bool { return !isSpace(r) && !isLetter(r) && !isNumber(r) }

func runeAt(s string, i int) (rune, int) {
	if i >= len(s) {
		return -1, 0
	}
	return utf8.DecodeRuneInString(s[i:])
}

// scanWhile returns the end of the run of runes from i that satisfy f.
func scanWhile(s string, i int, f func(rune) bool) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !f(r) {
			break
		}
		i += n
	}
	return i
}

// contraction matches 's 't 're 've 'm 'll 'd after the apostrophe at
// s[i-1]; with fold, letters match case-insensitively, including U+017F
// LATIN SMALL LETTER LONG S, which Unicode case folding maps to s.
func contraction(s string, i int, fold bool) int {
	eq := func(r rune, want rune) bool {
		if r == want {
			return true
		}
		if !fold {
			return false
		}
		return unicode.SimpleFold(want) == r || unicode.SimpleFold(unicode.SimpleFold(want)) == r
	}
	r, n := runeAt(s, i)
	for _, c := range []struct{ first, second rune }{{'s', 0}, {'t', 0}, {'r', 'e'}, {'v', 'e'}, {'m', 0}, {'l', 'l'}, {'d', 0}} {
		if !eq(r, c.first) {
			continue
		}
		if c.second == 0 {
			return i + n
		}
		r2, n2 := runeAt(s, i+n)
		if eq(r2, c.second) {
			return i + n + n2
		}
	}
	return -1
}

// trailingSpaceMatch resolves \s+(?!\S)|\s+ for the white-space run [i, j):
// at the end of the text the whole run matches; before a non-space the run
// gives back its last character, so that character can join the next word,
// unless the run is a single character.
func trailingSpaceMatch(s string, i, j int) int {
	if j == len(s) {
		return j
	}
	_, n := utf8.DecodeLastRuneInString(s[i:j])
	if j-n > i {
		return j - n
	}
	return j
}

func findAllWith(s string, matchAt func(s string, i int) int) []span {
	var out []span
	for i := 0; i < len(s); {
		end := matchAt(s, i)
		if end > i {
			out = append(out, span{i, end})
			i = end
			continue
		}
		_, n := utf8.DecodeRuneInString(s[i:])
		i += n
	}
	return out
}

// gpt2Matcher implements PatternGPT2.
type gpt2Matcher struct{}

func (gpt2Matcher) findAll(s string) []span { return findAllWith(s, gpt2MatchAt) }

func gpt2MatchAt(s string, i int) int {
	r0, n0 := runeAt(s, i)
	if r0 == '\'' {
		if end := contraction(s, i+n0, false); end > 0 {
			return end
		}
	}
	// " ?\p{L}+", " ?\p{N}+", " ?[^\s\p{L}\p{N}]+" in that order.
	for _, class := range []func(rune) bool{isLetter, isNumber, isOther} {
		start := i
		if r0 == ' ' {
			start = i + 1
		}
		// Without the optional space the class must start at i, and a
		// space is in none of the classes, so one check suffices.
		if r, _ := runeAt(s, start); r >= 0 && class(r) {
			return scanWhile(s, start, class)
		}
	}
	if isSpace(r0) {
		return trailingSpaceMatch(s, i, scanWhile(s, i, isSpace))
	}
	return -1
}

// llama3Matcher implements PatternLlama3 (maxDigits 3) and PatternQwen2
// (maxDigits 1).
type llama3Matcher struct{ maxDigits int }

func (m llama3Matcher) findAll(s string) []span {
	return findAllWith(s, m.matchAt)
}

func isNewline(r rune) bool { return r == '\r' || r == '\n' }

func (m llama3Matcher) matchAt(s string, i int) int {
	r0, n0 := runeAt(s, i)
	// (?i:'s|'t|'re|'ve|'m|'ll|'d)
	if r0 == '\'' {
		if end := contraction(s, i+n0, true); end > 0 {
			return end
		}
	}
	// [^\r\n\p{L}\p{N}]?\p{L}+
	if isLetter(r0) {
		return scanWhile(s, i, isLetter)
	}
	if !isNewline(r0) && !isNumber(r0) {
		if r1, _ := runeAt(s, i+n0); r1 >= 0 && isLetter(r1) {
			return scanWhile(s, i+n0, isLetter)
		}
	}
	// \p{N}{1,maxDigits}
	if isNumber(r0) {
		j := i
		for k := 0; k < m.maxDigits && j < len(s); k++ {
			r, n := utf8.DecodeRuneInString(s[j:])
			if !isNumber(r) {
				break
			}
			j += n
		}
		return j
	}
	// " ?[^\s\p{L}\p{N}]+[\r\n]*"
	start := -1
	if isOther(r0) {
		start = i
	} else if r0 == ' ' {
		if r1, _ := runeAt(s, i+1); r1 >= 0 && isOther(r1) {
			start = i + 1
		}
	}
	if start >= 0 {
		return scanWhile(s, scanWhile(s, start, isOther), isNewline)
	}
	if !isSpace(r0) {
		return -1
	}
	// "\s*[\r\n]+": the run up to and including its last line break.
	j := scanWhile(s, i, isSpace)
	if k := strings.LastIndexAny(s[i:j], "\r\n"); k >= 0 {
		return i + k + 1
	}
	// "\s+(?!\S)|\s+"
	return trailingSpaceMatch(s, i, j)
}
