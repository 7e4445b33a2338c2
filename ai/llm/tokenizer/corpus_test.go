package tokenizer

import (
	"math/rand/v2"
	"strings"
)

// Pieces the generated test strings are made of: they cover the character
// classes the split patterns distinguish (letters of several scripts,
// numbers, punctuation and symbols, every kind of white space) and the
// multi-byte sequences byte-level and byte-fallback tokenizers must split.
var (
	corpusWords = []string{
		"the", "The", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "ledger", "token",
		"adapter", "model", "training", "inference", "Hello", "world", "HELLO", "don't", "I'm", "we've",
		"they're", "it'll", "he'd", "She's", "YOU'LL", "'S", "'Re", "naïve", "café", "résumé", "Ærø",
		"straße", "Привет", "мир", "Ελληνικά", "שלום", "مرحبا", "नमस्ते", "こんにちは", "世界", "你好",
		"東京", "한국어", "ไทย", "e\u0301", "n\u0303o", "ǅ", "ﬁ", "x²", "½", "Ⅻ", "٣٤٥", "１２３",
		"func", "main()", "fmt.Println", "x:=1", "a->b", "i++", "[0]", "{}", "<div>", "</div>",
		"http://example.com/a?b=c&d=e", "user@example.org", "C++", "#tag", "@name", "$100", "100%",
	}
	corpusSymbols = []string{
		".", ",", "!", "?", ";", ":", "...", "—", "–", "-", "_", "(", ")", "\"", "'", "`", "«", "»",
		"“", "”", "…", "©", "®", "™", "€", "£", "¥", "§", "¶", "•", "→", "⇒", "∑", "√", "∞", "≠", "≤",
		"😀", "🚀", "👍🏽", "👨‍👩‍👧", "🇩🇪", "❤️", "🤖", "🎉", "✅", "⚡", "😂😂", "\u200d", "\u200b",
	}
	corpusSpaces = []string{
		" ", " ", " ", "  ", "   ", "\t", "\t\t", "\n", "\n\n", "\r\n", " \n", "\n ", " \t ", "\u00a0",
		"\u3000", "\u2003", " \r\n\t ", "\n\n\n   ", "    ", "\f", "\v",
	}
)

// corpusNumber returns a number of 1 to 12 digits, sometimes with a
// separator, so that digit grouping is exercised.
func corpusNumber(r *rand.Rand) string {
	var b strings.Builder
	n := 1 + r.IntN(12)
	for i := 0; i < n; i++ {
		b.WriteByte(byte('0' + r.IntN(10)))
		if i+1 < n && r.IntN(6) == 0 {
			b.WriteString([]string{".", ",", "_", " "}[r.IntN(4)])
		}
	}
	return b.String()
}

// generateTexts returns n varied strings, deterministic for a seed. Each
// element of specials is inserted into some strings, sometimes with spaces
// around it.
func generateTexts(seed uint64, n int, specials []string) []string {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	texts := make([]string, 0, n)
	for len(texts) < n {
		var b strings.Builder
		parts := 1 + r.IntN(24)
		for p := 0; p < parts; p++ {
			switch k := r.IntN(20); {
			case k < 8:
				b.WriteString(corpusWords[r.IntN(len(corpusWords))])
			case k < 11:
				b.WriteString(corpusSpaces[r.IntN(len(corpusSpaces))])
			case k < 13:
				b.WriteString(corpusNumber(r))
			case k < 16:
				b.WriteString(corpusSymbols[r.IntN(len(corpusSymbols))])
			case k < 17 && len(specials) > 0:
				s := specials[r.IntN(len(specials))]
				if r.IntN(2) == 0 {
					s = " " + s + " "
				}
				b.WriteString(s)
			case k < 18:
				// A random code point from the planes in common use.
				ranges := [][2]rune{{0x20, 0x7e}, {0xa1, 0x24f}, {0x370, 0x52f}, {0x4e00, 0x9fff}, {0x1f300, 0x1f64f}, {0x2000, 0x206f}}
				rg := ranges[r.IntN(len(ranges))]
				c := rg[0] + rune(r.IntN(int(rg[1]-rg[0]+1)))
				if c == 0x85 || c == 0xfeff || (c >= 0x2060 && c <= 0x206f) {
					c = 'x'
				}
				b.WriteRune(c)
			default:
				b.WriteString(" ")
				b.WriteString(corpusWords[r.IntN(len(corpusWords))])
			}
		}
		texts = append(texts, b.String())
	}
	// Edge cases every tokenizer must agree on.
	texts = append(texts, "", " ", "  ", "\n", "\t", "a", "'", "'s", " 's", "''", "\r\n\r\n", "x \n y", "1234567", "a  b", "a   ", "   a",
		"  \n\n  x", "\t\n\t\n", "a\r\n\r\n b", "'''ll", "x'LL'd", "١٢٣٤", "😀😀😀", "a.\n\n\n", "!!!\r\n", " ?\n")
	for _, s := range specials {
		// Special tokens back to back, doubled, cut short and wrapped.
		texts = append(texts, s+s, " "+s+" ", "<"+s+">", s[:len(s)-1], "x"+s+"y", s+"\n"+s)
	}
	return texts
}

// trainingTexts is the text the test tokenizers learn their vocabularies
// from.
func trainingTexts() []string {
	return generateTexts(7, 2500, nil)
}
