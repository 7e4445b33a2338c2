package tokenizer

import "strings"

// byteToRune maps every byte to the printable character GPT-2's byte-level
// alphabet uses for it: printable Latin-1 bytes stand for themselves, the
// others are shifted to U+0100 and up so that no token contains white space
// or control characters.
var byteToRune [256]rune

// runeToByte is the inverse of byteToRune; runes outside the alphabet map
// to -1.
var runeToByte = map[rune]int{}

func init() {
	next := rune(256)
	for b := 0; b < 256; b++ {
		printable := (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF)
		if printable {
			byteToRune[b] = rune(b)
		} else {
			byteToRune[b] = next
			next++
		}
		runeToByte[byteToRune[b]] = b
		byteToUTF8[b] = string(byteToRune[b])
	}
}

// byteToUTF8 holds the UTF-8 encoding of byteToRune, so that mapping a
// word is a table copy per byte.
var byteToUTF8 [256]string

// byteLevelEncode maps the bytes of s to byte-level alphabet characters.
func byteLevelEncode(s string) string {
	var b strings.Builder
	b.Grow(2 * len(s))
	for i := 0; i < len(s); i++ {
		b.WriteString(byteToUTF8[s[i]])
	}
	return b.String()
}

// byteLevelDecode maps byte-level alphabet characters back to bytes. A
// character outside the alphabet becomes a zero byte, as the reference
// decoder does.
func byteLevelDecode(dst []byte, s string) []byte {
	for _, r := range s {
		b, ok := runeToByte[r]
		if !ok {
			b = 0
		}
		dst = append(dst, byte(b))
	}
	return dst
}
