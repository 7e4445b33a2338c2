package tokenizer

import "unicode/utf8"

// lossyUTF8 turns bytes into a string, replacing every maximal ill-formed
// subsequence with one U+FFFD. This is the WHATWG / Unicode "maximal
// subpart" practice that both JavaScript's TextDecoder and Rust's
// from_utf8_lossy follow; utf8.DecodeRune instead reports one error per
// byte, which would give more replacement characters than the reference.
func lossyUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	out := make([]byte, 0, len(b)+8)
	for i := 0; i < len(b); {
		c := b[i]
		if c < 0x80 {
			out = append(out, c)
			i++
			continue
		}
		need, lo, hi := 0, byte(0x80), byte(0xBF)
		switch {
		case c >= 0xC2 && c <= 0xDF:
			need = 2
		case c == 0xE0:
			need, lo = 3, 0xA0
		case c == 0xED:
			need, hi = 3, 0x9F
		case c >= 0xE1 && c <= 0xEF:
			need = 3
		case c == 0xF0:
			need, lo = 4, 0x90
		case c >= 0xF1 && c <= 0xF3:
			need = 4
		case c == 0xF4:
			need, hi = 4, 0x8F
		default:
			out = utf8.AppendRune(out, utf8.RuneError)
			i++
			continue
		}
		j := i + 1
		for k := 1; k < need && j < len(b); k++ {
			if b[j] < lo || b[j] > hi {
				break
			}
			lo, hi = 0x80, 0xBF
			j++
		}
		if j-i == need {
			out = append(out, b[i:j]...)
		} else {
			out = utf8.AppendRune(out, utf8.RuneError)
		}
		i = j
	}
	return string(out)
}
