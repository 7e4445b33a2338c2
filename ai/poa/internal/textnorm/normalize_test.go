package textnorm

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalizeText(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Hello World", "hello world"},
		{"  leading and trailing  \n", "leading and trailing"},
		{"tabs\tand\n\nnewlines\r\n here", "tabs and newlines here"},
		{"ﬁne ligature", "fine ligature"},                      // NFKC compatibility
		{"Straße", "strasse"},                                  // full case folding
		{"ＦＵＬＬＷＩＤＴＨ", "fullwidth"},                             // NFKC width
		{"cafe\u0301", "café"},                                 // composition
		{"non\u00a0breaking\u2003space", "non breaking space"}, // Unicode spaces
		{"Ω ohm sign Ω", "ω ohm sign ω"},
		{"x²", "x2"},
		{"a ⑴ b", "a (1) b"},
	}
	for _, c := range cases {
		got := Normalize([]byte(c.in))
		if string(got.Text) != c.want {
			t.Errorf("Normalize(%q) = %q, want %q", c.in, got.Text, c.want)
		}
	}
}

// TestNormalizeIsIdempotent: normalising normalised text changes nothing,
// so a corpus and an output agree whatever was done to them before.
func TestNormalizeIsIdempotent(t *testing.T) {
	for _, s := range randomTexts(300) {
		once := Normalize([]byte(s)).Text
		twice := Normalize(once).Text
		if string(once) != string(twice) {
			t.Fatalf("not idempotent on %q: %q then %q", s, once, twice)
		}
	}
}

// TestOffsetMapRoundTrip checks that every normalised span (on word
// boundaries, where spans are cut) maps back to whole original characters
// whose normalisation holds the span. It can hold more: a boundary inside
// the expansion of one character ("½" is "1⁄2") rounds outwards.
func TestOffsetMapRoundTrip(t *testing.T) {
	for _, s := range randomTexts(300) {
		n := Normalize([]byte(s))
		words := Words(n.Text)
		for i := range words {
			for j := i; j < len(words) && j < i+4; j++ {
				ns, ne := words[i].Start, words[j].End
				os, oe := n.OriginalSpan(ns, ne)
				if os < 0 || oe > len(s) || os > oe {
					t.Fatalf("%q: span [%d,%d) maps to bad range [%d,%d)", s, ns, ne, os, oe)
				}
				if !utf8.ValidString(s[os:oe]) {
					t.Fatalf("%q: span maps inside a character: [%d,%d)", s, os, oe)
				}
				if got := string(Normalize([]byte(s[os:oe])).Text); !strings.Contains(got, string(n.Text[ns:ne])) {
					t.Fatalf("%q: normalised span %q maps back to %q which normalises to %q", s, n.Text[ns:ne], s[os:oe], got)
				}
			}
		}
	}
}

func TestOffsetMapExamples(t *testing.T) {
	src := "  The   ﬁne\tCafe\u0301  "
	n := Normalize([]byte(src))
	if string(n.Text) != "the fine café" {
		t.Fatalf("text %q", n.Text)
	}
	for _, c := range []struct {
		norm string
		orig string
	}{{"the", "The"}, {"fine", "ﬁne"}, {"café", "Cafe\u0301"}, {"the fine", "The   ﬁne"}, {"fine café", "ﬁne\tCafe\u0301"}} {
		i := strings.Index(string(n.Text), c.norm)
		s, e := n.OriginalSpan(i, i+len(c.norm))
		if src[s:e] != c.orig {
			t.Errorf("%q maps to %q, want %q", c.norm, src[s:e], c.orig)
		}
	}
}

func TestWords(t *testing.T) {
	text := []byte("go1.22 isn't \"new\"; naïve café—done")
	var got []string
	for _, w := range Words(text) {
		got = append(got, string(text[w.Start:w.End]))
	}
	want := []string{"go1", "22", "isn", "t", "new", "naïve", "café", "done"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("words %q, want %q", got, want)
	}
}

// randomTexts mixes ASCII, white space, ligatures, combining marks, wide
// and case-special characters, with a fixed seed.
func randomTexts(n int) []string {
	pieces := []string{
		"a", "B", "word", "Text", " ", "  ", "\t", "\n", ".", ",", "ﬁ", "ﬀ", "é", "e\u0301", "\u0301",
		"ß", "İ", "Σ", "ς", "Ａ", "①", "½", "\u00a0", "\u2003", "中文", "😀", "ǅ", "K", "Å", "ﬃx", "ǰ", "ΐ",
	}
	rng := rand.New(rand.NewPCG(7, 11))
	out := make([]string, n)
	for i := range out {
		var b strings.Builder
		for k := rng.IntN(30); k >= 0; k-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		out[i] = b.String()
	}
	return out
}

// TestOffsetMapExactOnCharacterPreservingText: when no character expands
// into several words, spans map back exactly.
func TestOffsetMapExactOnCharacterPreservingText(t *testing.T) {
	pieces := []string{"Alpha", "beta", "GAMMA", " ", "   ", "\n\t", ",", "é", "e\u0301", "\u00a0", "Straße", "ﬁle"}
	rng := rand.New(rand.NewPCG(3, 5))
	for trial := 0; trial < 300; trial++ {
		var b strings.Builder
		for k := rng.IntN(25); k >= 0; k-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		n := Normalize([]byte(s))
		words := Words(n.Text)
		for i := range words {
			for j := i; j < len(words); j++ {
				os, oe := n.OriginalSpan(words[i].Start, words[j].End)
				if got := string(Normalize([]byte(s[os:oe])).Text); got != string(n.Text[words[i].Start:words[j].End]) {
					t.Fatalf("%q: span %q maps back to %q (normalises to %q)", s, n.Text[words[i].Start:words[j].End], s[os:oe], got)
				}
			}
		}
	}
}
