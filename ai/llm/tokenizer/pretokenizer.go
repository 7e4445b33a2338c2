package tokenizer

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// preTokenizer splits a section of normalized text into the words that BPE
// merges independently. atStart reports that words[0] begins the input
// text, which Metaspace's prepend_scheme "first" depends on.
type preTokenizer interface {
	preTokenize(words []string, atStart bool) []string
}

type preTokenizerSequence []preTokenizer

func (seq preTokenizerSequence) preTokenize(words []string, atStart bool) []string {
	for _, p := range seq {
		words = p.preTokenize(words, atStart)
	}
	return words
}

// byteLevelPreTokenizer maps bytes to the byte-level alphabet, after an
// optional GPT-2 split and an optional leading space.
type byteLevelPreTokenizer struct {
	addPrefixSpace bool
	useRegex       bool
}

func (p byteLevelPreTokenizer) preTokenize(words []string, _ bool) []string {
	if !p.useRegex && !p.addPrefixSpace {
		// Mapping in place keeps the split pre-tokenizer's slice.
		for i, w := range words {
			words[i] = byteLevelEncode(w)
		}
		return words
	}
	out := make([]string, 0, len(words))
	for _, w := range words {
		if p.addPrefixSpace && !strings.HasPrefix(w, " ") {
			w = " " + w
		}
		if !p.useRegex {
			out = append(out, byteLevelEncode(w))
			continue
		}
		for _, sp := range (gpt2Matcher{}).findAll(w) {
			out = append(out, byteLevelEncode(w[sp.start:sp.end]))
		}
	}
	return out
}

// Metaspace prepend schemes.
const (
	prependAlways = "always"
	prependFirst  = "first"
	prependNever  = "never"
)

// metaspacePreTokenizer replaces spaces by the replacement character (▁),
// prepends one where the scheme asks, and optionally splits before every
// replacement character.
type metaspacePreTokenizer struct {
	replacement string
	scheme      string
	split       bool
}

func (p metaspacePreTokenizer) preTokenize(words []string, atStart bool) []string {
	out := make([]string, 0, len(words))
	for i, w := range words {
		w = strings.ReplaceAll(w, " ", p.replacement)
		if !strings.HasPrefix(w, p.replacement) &&
			(p.scheme == prependAlways || (p.scheme == prependFirst && atStart && i == 0)) {
			w = p.replacement + w
		}
		if !p.split {
			out = append(out, w)
			continue
		}
		// Split with each replacement merged into the word that follows it.
		prev := 0
		for off := 0; ; {
			k := strings.Index(w[off:], p.replacement)
			if k < 0 {
				break
			}
			if cut := off + k; cut > prev {
				out = append(out, w[prev:cut])
				prev = cut
			}
			off += k + len(p.replacement)
		}
		out = append(out, w[prev:])
	}
	return out
}

// splitPreTokenizer splits on a pattern with one of the Hugging Face
// delimiter behaviours.
type splitPreTokenizer struct {
	m        matcher
	behavior string
	invert   bool
}

func (p splitPreTokenizer) preTokenize(words []string, _ bool) []string {
	if len(words) == 1 {
		return p.splitWord(words[0])
	}
	var out []string
	for _, w := range words {
		out = append(out, p.splitWord(w)...)
	}
	return out
}

func (p splitPreTokenizer) splitWord(w string) []string {
	if p.behavior == "Isolated" {
		// Matches and the text between them are all pieces, whatever
		// invert says; this is the common case and needs no bookkeeping.
		var out []string
		prev := 0
		for _, sp := range p.m.findAll(w) {
			if sp.start > prev {
				out = append(out, w[prev:sp.start])
			}
			out = append(out, w[sp.start:sp.end])
			prev = sp.end
		}
		if prev < len(w) {
			out = append(out, w[prev:])
		}
		return out
	}
	type part struct {
		s       string
		isMatch bool
	}
	var parts []part
	prev := 0
	for _, sp := range p.m.findAll(w) {
		if sp.start > prev {
			parts = append(parts, part{w[prev:sp.start], p.invert})
		}
		parts = append(parts, part{w[sp.start:sp.end], !p.invert})
		prev = sp.end
	}
	if prev < len(w) {
		parts = append(parts, part{w[prev:], p.invert})
	}
	var out []string
	switch p.behavior {
	case "Removed":
		for _, pt := range parts {
			if !pt.isMatch {
				out = append(out, pt.s)
			}
		}
	case "MergedWithPrevious":
		// A delimiter joins the text before it, not another delimiter.
		prevText := false
		for _, pt := range parts {
			if pt.isMatch && prevText {
				out[len(out)-1] += pt.s
			} else {
				out = append(out, pt.s)
			}
			prevText = !pt.isMatch
		}
	case "MergedWithNext":
		// A delimiter joins the text after it, not another delimiter.
		pending, hasPending := "", false
		for _, pt := range parts {
			if pt.isMatch {
				if hasPending {
					out = append(out, pending)
				}
				pending, hasPending = pt.s, true
				continue
			}
			out = append(out, pending+pt.s)
			pending, hasPending = "", false
		}
		if hasPending {
			out = append(out, pending)
		}
	case "Contiguous":
		lastMatch := false
		for _, pt := range parts {
			if pt.isMatch && lastMatch && len(out) > 0 {
				out[len(out)-1] += pt.s
			} else {
				out = append(out, pt.s)
			}
			lastMatch = pt.isMatch
		}
	default: // Isolated
		for _, pt := range parts {
			out = append(out, pt.s)
		}
	}
	return out
}

// digitsPreTokenizer separates runs of ASCII digits (or every digit) from
// the rest of the text.
type digitsPreTokenizer struct{ individual bool }

func isASCIIDigit(b byte) bool { return b >= '0' && b <= '9' }

func (p digitsPreTokenizer) preTokenize(words []string, _ bool) []string {
	var out []string
	for _, w := range words {
		start := 0
		for i := 0; i < len(w); i++ {
			if !isASCIIDigit(w[i]) {
				continue
			}
			if i > start {
				out = append(out, w[start:i])
			}
			j := i + 1
			if !p.individual {
				for j < len(w) && isASCIIDigit(w[j]) {
					j++
				}
			}
			out = append(out, w[i:j])
			start = j
			i = j - 1
		}
		if start < len(w) {
			out = append(out, w[start:])
		}
	}
	return out
}

type whitespaceSplitPreTokenizer struct{}

func (whitespaceSplitPreTokenizer) preTokenize(words []string, _ bool) []string {
	var out []string
	for _, w := range words {
		out = append(out, strings.FieldsFunc(w, unicode.IsSpace)...)
	}
	return out
}

func parsePreTokenizer(raw json.RawMessage, field string) (preTokenizer, error) {
	if isNull(raw) {
		return nil, nil
	}
	var c componentJSON
	if err := json.Unmarshal(raw, &c); err != nil {
		return nil, fmt.Errorf("%s: %w", field, err)
	}
	switch c.Type {
	case "Sequence":
		var seq preTokenizerSequence
		for i, member := range c.Pretokenizers {
			p, err := parsePreTokenizer(member, fmt.Sprintf("%s.pretokenizers[%d]", field, i))
			if err != nil {
				return nil, err
			}
			if p != nil {
				seq = append(seq, p)
			}
		}
		return seq, nil
	case "ByteLevel":
		p := byteLevelPreTokenizer{useRegex: true}
		if c.AddPrefixSpace != nil {
			p.addPrefixSpace = *c.AddPrefixSpace
		}
		if c.UseRegex != nil {
			p.useRegex = *c.UseRegex
		}
		return p, nil
	case "Metaspace":
		p := metaspacePreTokenizer{replacement: "\u2581", scheme: prependAlways, split: true}
		if c.Replacement != nil {
			if utf8.RuneCountInString(*c.Replacement) != 1 {
				return nil, fmt.Errorf("%s.replacement: want one character, got %q", field, *c.Replacement)
			}
			p.replacement = *c.Replacement
		}
		switch {
		case c.PrependScheme != nil:
			p.scheme = *c.PrependScheme
			if p.scheme != prependAlways && p.scheme != prependFirst && p.scheme != prependNever {
				return nil, fmt.Errorf("%s.prepend_scheme: unknown scheme %q", field, p.scheme)
			}
		case c.AddPrefixSpace != nil && !*c.AddPrefixSpace:
			// Files older than prepend_scheme say add_prefix_space instead.
			p.scheme = prependNever
		}
		if c.Split != nil {
			p.split = *c.Split
		}
		return p, nil
	case "Split":
		m, err := compilePattern(c.Pattern, field+".pattern")
		if err != nil {
			return nil, err
		}
		switch c.Behavior {
		case "Isolated", "Removed", "MergedWithPrevious", "MergedWithNext", "Contiguous":
		default:
			return nil, fmt.Errorf("%s.behavior: unknown split behavior %q", field, c.Behavior)
		}
		return splitPreTokenizer{m: m, behavior: c.Behavior, invert: c.Invert}, nil
	case "Digits":
		return digitsPreTokenizer{individual: c.IndividualDigits}, nil
	case "WhitespaceSplit":
		return whitespaceSplitPreTokenizer{}, nil
	default:
		return nil, fmt.Errorf("%s.type: pre-tokenizer %q is not supported", field, c.Type)
	}
}

// splitOffByteLevel recognises a pre-tokenizer whose last step maps bytes
// to the byte-level alphabet without adding a space, and returns the steps
// before that mapping (nil when there are none). The tokenizer then maps
// and caches words itself, keyed by their raw text.
func splitOffByteLevel(p preTokenizer) (preTokenizer, bool) {
	switch p := p.(type) {
	case byteLevelPreTokenizer:
		if p.addPrefixSpace {
			return nil, false
		}
		if p.useRegex {
			return splitPreTokenizer{m: gpt2Matcher{}, behavior: "Isolated"}, true
		}
		return nil, true
	case preTokenizerSequence:
		if len(p) == 0 {
			return nil, false
		}
		for _, step := range p[:len(p)-1] {
			if _, ok := step.(byteLevelPreTokenizer); ok {
				return nil, false
			}
		}
		last, ok := p[len(p)-1].(byteLevelPreTokenizer)
		if !ok || last.addPrefixSpace {
			return nil, false
		}
		rest := append(preTokenizerSequence(nil), p[:len(p)-1]...)
		if last.useRegex {
			rest = append(rest, splitPreTokenizer{m: gpt2Matcher{}, behavior: "Isolated"})
		}
		if len(rest) == 1 {
			return rest[0], true
		}
		return rest, true
	}
	return nil, false
}
