package tokenizer

import (
	"strings"
	"unicode/utf8"
)

// StreamDecoder turns ids arriving one at a time into text, returning only
// complete characters: a multi-byte character split over several tokens is
// held back until its last byte arrives. Each call decodes a short window
// of recent tokens, so decoders that treat the first token specially (the
// Metaspace strip of a leading space) give the same text as decoding the
// whole sequence at once.
type StreamDecoder struct {
	tok         *Tokenizer
	skipSpecial bool
	window      []int  // the tokens of the last emitted piece, then pending ones
	prefixLen   int    // how many of window were already emitted
	prefixText  string // Decode(window[:prefixLen])
}

// maxPendingTokens bounds how long text ending in U+FFFD is held back.
// Such text ends in an unfinished character or in invalid bytes, which
// cannot be told apart until a valid character follows; holding it keeps
// the replacement characters the same as in a whole decoding. The bound
// keeps a model that emits only invalid bytes from growing the window
// without end.
const maxPendingTokens = 64

// NewStreamDecoder starts a stream; skipSpecialTokens leaves special added
// tokens out of the text.
func (t *Tokenizer) NewStreamDecoder(skipSpecialTokens bool) *StreamDecoder {
	return &StreamDecoder{tok: t, skipSpecial: skipSpecialTokens}
}

// Next adds one id and returns the text it completes, possibly "".
func (d *StreamDecoder) Next(id int) string {
	d.window = append(d.window, id)
	text := d.tok.Decode(d.window, d.skipSpecial)
	pending := len(d.window) - d.prefixLen
	if strings.HasSuffix(text, string(utf8.RuneError)) && pending < maxPendingTokens {
		return ""
	}
	return d.emit(text)
}

// Flush returns whatever is held back, at the end of a stream.
func (d *StreamDecoder) Flush() string {
	if len(d.window) == d.prefixLen {
		return ""
	}
	return d.emit(d.tok.Decode(d.window, d.skipSpecial))
}

func (d *StreamDecoder) emit(text string) string {
	var delta string
	if strings.HasPrefix(text, d.prefixText) {
		delta = text[len(d.prefixText):]
	} else {
		// Decoding the longer window changed earlier text (a clean-up rule
		// spanning the boundary); emit the part after the common prefix.
		n := 0
		for n < len(text) && n < len(d.prefixText) && text[n] == d.prefixText[n] {
			n++
		}
		delta = text[n:]
	}
	// The emitted tokens become the context of the next piece. A context
	// that decodes to nothing (a skipped special token, a lone "▁" that the
	// Metaspace decoder strips at the start) would let the next piece be
	// decoded as if it began the text, so older context is kept then.
	tail := d.window[d.prefixLen:]
	if tailText := d.tok.Decode(tail, d.skipSpecial); tailText != "" {
		d.window, d.prefixText = tail, tailText
	} else {
		d.prefixText = text
	}
	d.prefixLen = len(d.window)
	return delta
}
