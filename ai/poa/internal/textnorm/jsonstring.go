package textnorm

import (
	"errors"
	"fmt"
	"unicode/utf16"
	"unicode/utf8"
)

// DecodeJSONString decodes a raw JSON string literal (quotes included).
// encoding/json silently replaces invalid UTF-8 and unpaired surrogate
// escapes with U+FFFD; text that is attributed must be exactly what its
// author wrote, so both are errors here.
func DecodeJSONString(raw []byte) (string, error) {
	if len(raw) < 2 || raw[0] != '"' || raw[len(raw)-1] != '"' {
		return "", errors.New("not a JSON string")
	}
	body := raw[1 : len(raw)-1]
	if !utf8.Valid(body) {
		return "", fmt.Errorf("invalid UTF-8 at byte %d of the string", InvalidUTF8At(body))
	}
	// Fast path: nothing to unescape.
	plain := true
	for _, c := range body {
		if c == '\\' || c == '"' || c < 0x20 {
			plain = false
			break
		}
	}
	if plain {
		return string(body), nil
	}
	out := make([]byte, 0, len(body))
	for i := 0; i < len(body); {
		c := body[i]
		switch {
		case c == '"':
			return "", errors.New("unescaped quote inside string")
		case c < 0x20:
			return "", fmt.Errorf("unescaped control character 0x%02x in string", c)
		case c != '\\':
			out = append(out, c)
			i++
			continue
		}
		if i+1 >= len(body) {
			return "", errors.New("string ends inside an escape")
		}
		switch e := body[i+1]; e {
		case '"', '\\', '/':
			out = append(out, e)
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r, ok := hex4(body, i+2)
			if !ok {
				return "", errors.New(`malformed \u escape`)
			}
			i += 6
			if utf16.IsSurrogate(r) {
				r2, ok2 := rune(0), false
				if i+1 < len(body) && body[i] == '\\' && body[i+1] == 'u' {
					r2, ok2 = hex4(body, i+2)
				}
				paired := utf16.DecodeRune(r, r2)
				if !ok2 || paired == utf8.RuneError {
					return "", fmt.Errorf(`unpaired surrogate \u%04x (not valid Unicode text)`, r)
				}
				r = paired
				i += 6
			}
			out = utf8.AppendRune(out, r)
			continue
		default:
			return "", fmt.Errorf("unknown escape \\%c", e)
		}
		i += 2
	}
	return string(out), nil
}

func hex4(b []byte, i int) (rune, bool) {
	if i+4 > len(b) {
		return 0, false
	}
	var r rune
	for _, c := range b[i : i+4] {
		r <<= 4
		switch {
		case '0' <= c && c <= '9':
			r |= rune(c - '0')
		case 'a' <= c && c <= 'f':
			r |= rune(c - 'a' + 10)
		case 'A' <= c && c <= 'F':
			r |= rune(c - 'A' + 10)
		default:
			return 0, false
		}
	}
	return r, true
}

// InvalidUTF8At returns the offset of the first invalid UTF-8 sequence.
func InvalidUTF8At(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return -1
}
