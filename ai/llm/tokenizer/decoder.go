package tokenizer

import (
	"encoding/json"
	"fmt"
	"strings"
)

// decoder turns the token strings of an id sequence back into text pieces.
// isAdded reports the added tokens, which the byte-level decoder copies
// verbatim instead of mapping their characters to bytes.
type decoder interface {
	decodeChain(tokens []string, isAdded func(string) bool) []string
}

type decoderSequence []decoder

func (seq decoderSequence) decodeChain(tokens []string, isAdded func(string) bool) []string {
	for _, d := range seq {
		tokens = d.decodeChain(tokens, isAdded)
	}
	return tokens
}

type byteLevelDecoder struct{}

func (byteLevelDecoder) decodeChain(tokens []string, isAdded func(string) bool) []string {
	var out []string
	var pending []byte
	flush := func() {
		if len(pending) > 0 {
			out = append(out, lossyUTF8(pending))
			pending = pending[:0]
		}
	}
	for _, t := range tokens {
		if isAdded(t) {
			flush()
			out = append(out, t)
			continue
		}
		pending = byteLevelDecode(pending, t)
	}
	flush()
	return out
}

type metaspaceDecoder struct {
	replacement string
	stripFirst  bool
}

func (d metaspaceDecoder) decodeChain(tokens []string, _ func(string) bool) []string {
	out := make([]string, len(tokens))
	for i, t := range tokens {
		t = strings.ReplaceAll(t, d.replacement, " ")
		if i == 0 && d.stripFirst {
			t = strings.TrimPrefix(t, " ")
		}
		out[i] = t
	}
	return out
}

type replaceDecoder struct {
	m       matcher
	content string
}

func (d replaceDecoder) decodeChain(tokens []string, _ func(string) bool) []string {
	out := make([]string, len(tokens))
	for i, t := range tokens {
		out[i] = replaceAll(d.m, t, d.content)
	}
	return out
}

// byteFallbackDecoder turns runs of <0xNN> tokens back into text.
type byteFallbackDecoder struct{}

func parseByteToken(t string) (byte, bool) {
	if len(t) != 6 || !strings.HasPrefix(t, "<0x") || t[5] != '>' {
		return 0, false
	}
	var v byte
	for _, c := range []byte(t[3:5]) {
		switch {
		case c >= '0' && c <= '9':
			v = v<<4 | (c - '0')
		case c >= 'A' && c <= 'F':
			v = v<<4 | (c - 'A' + 10)
		case c >= 'a' && c <= 'f':
			v = v<<4 | (c - 'a' + 10)
		default:
			return 0, false
		}
	}
	return v, true
}

func (byteFallbackDecoder) decodeChain(tokens []string, _ func(string) bool) []string {
	var out []string
	var pending []byte
	for _, t := range tokens {
		if b, ok := parseByteToken(t); ok {
			pending = append(pending, b)
			continue
		}
		if len(pending) > 0 {
			out = append(out, lossyUTF8(pending))
			pending = pending[:0]
		}
		out = append(out, t)
	}
	if len(pending) > 0 {
		out = append(out, lossyUTF8(pending))
	}
	return out
}

type fuseDecoder struct{}

func (fuseDecoder) decodeChain(tokens []string, _ func(string) bool) []string {
	return []string{strings.Join(tokens, "")}
}

// stripDecoder removes up to start leading and stop trailing copies of one
// character from every token.
type stripDecoder struct {
	content     string
	start, stop int
}

func (d stripDecoder) decodeChain(tokens []string, _ func(string) bool) []string {
	out := make([]string, len(tokens))
	for i, t := range tokens {
		for k := 0; k < d.start && strings.HasPrefix(t, d.content); k++ {
			t = t[len(d.content):]
		}
		for k := 0; k < d.stop && strings.HasSuffix(t, d.content); k++ {
			t = t[:len(t)-len(d.content)]
		}
		out[i] = t
	}
	return out
}

func parseDecoder(raw json.RawMessage, field string) (decoder, error) {
	if isNull(raw) {
		return nil, nil
	}
	var c componentJSON
	if err := json.Unmarshal(raw, &c); err != nil {
		return nil, fmt.Errorf("%s: %w", field, err)
	}
	switch c.Type {
	case "Sequence":
		var seq decoderSequence
		for i, member := range c.Decoders {
			d, err := parseDecoder(member, fmt.Sprintf("%s.decoders[%d]", field, i))
			if err != nil {
				return nil, err
			}
			if d != nil {
				seq = append(seq, d)
			}
		}
		return seq, nil
	case "ByteLevel":
		return byteLevelDecoder{}, nil
	case "Metaspace":
		d := metaspaceDecoder{replacement: "\u2581", stripFirst: true}
		if c.Replacement != nil {
			d.replacement = *c.Replacement
		}
		switch {
		case c.PrependScheme != nil:
			d.stripFirst = *c.PrependScheme != prependNever
		case c.AddPrefixSpace != nil:
			d.stripFirst = *c.AddPrefixSpace
		}
		return d, nil
	case "Replace":
		m, err := compilePattern(c.Pattern, field+".pattern")
		if err != nil {
			return nil, err
		}
		content := ""
		if c.Content != nil {
			content = *c.Content
		}
		return replaceDecoder{m: m, content: content}, nil
	case "ByteFallback":
		return byteFallbackDecoder{}, nil
	case "Fuse":
		return fuseDecoder{}, nil
	case "Strip":
		content := " "
		if c.Content != nil {
			content = *c.Content
		}
		return stripDecoder{content: content, start: c.Start, stop: c.Stop}, nil
	default:
		return nil, fmt.Errorf("%s.type: decoder %q is not supported", field, c.Type)
	}
}
