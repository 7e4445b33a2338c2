package tokenizer

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func newSmall(t testing.TB, config string) *Tokenizer {
	t.Helper()
	var cfg []byte
	if config != "" {
		cfg = []byte(config)
	}
	tok, err := New(smallTokenizerJSON(t), cfg)
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

func TestSpecialTokensAndConfig(t *testing.T) {
	tok := newSmall(t, `{"bos_token": {"__type": "AddedToken", "content": "<s>"}, "eos_token": "</s>",
		"chat_template": [{"name": "default", "template": "{{ bos_token }}"}, {"name": "tool_use", "template": "x"}]}`)
	if id, ok := tok.BOSID(); !ok || id != 0 {
		t.Fatalf("BOS id %d %v", id, ok)
	}
	if id, ok := tok.EOSID(); !ok || id != 1 {
		t.Fatalf("EOS id %d %v", id, ok)
	}
	if tok.ChatTemplate() != "{{ bos_token }}" {
		t.Fatalf("chat template %q", tok.ChatTemplate())
	}
	ids := tok.Encode("hi<|im_start|>there", true)
	if ids[0] != 0 || !slices.Contains(ids, 2) {
		t.Fatalf("want BOS first and <|im_start|> recognised, got %v", ids)
	}
	if slices.Contains(tok.EncodeOrdinary("hi<|im_start|>there"), 2) {
		t.Fatal("EncodeOrdinary produced a special token from text")
	}
	if got := tok.Decode(ids, true); got != "hithere" {
		t.Fatalf("decode skipping special tokens: %q", got)
	}
	if got := tok.Decode(ids, false); got != "<s>hi<|im_start|>there" {
		t.Fatalf("decode: %q", got)
	}
	if !tok.IsSpecial(2) || tok.IsSpecial(100) {
		t.Fatal("IsSpecial is wrong")
	}
	noBOS := newSmall(t, `{"bos_token": "<s>", "add_bos_token": false}`)
	if ids := noBOS.Encode("hi", true); ids[0] == 0 {
		t.Fatalf("add_bos_token false still adds BOS: %v", ids)
	}
	withEOS := newSmall(t, `{"eos_token": "</s>", "add_eos_token": true}`)
	if ids := withEOS.Encode("hi", true); ids[len(ids)-1] != 1 || ids[0] != 0 {
		t.Fatalf("add_eos_token true: %v", ids)
	}
}

func TestTokenLookup(t *testing.T) {
	tok := newSmall(t, "")
	if tok.VocabSize() != 400 {
		t.Fatalf("vocab size %d", tok.VocabSize())
	}
	for id := 0; id < tok.VocabSize(); id++ {
		s, ok := tok.IDToToken(id)
		if !ok {
			t.Fatalf("id %d has no token", id)
		}
		if back, ok := tok.TokenToID(s); !ok || back != id {
			t.Fatalf("token %q of id %d maps back to %d", s, id, back)
		}
	}
	if _, ok := tok.IDToToken(400); ok {
		t.Fatal("id beyond the vocabulary has a token")
	}
	if got := tok.Decode([]int{-1, 99999}, false); got != "" {
		t.Fatalf("unknown ids decode to %q", got)
	}
}

// The stream decoder's pieces join to the full decoding, and no piece ends
// inside a character.
func TestStreamDecoder(t *testing.T) {
	fixtures := append([]fixture{{name: "bytelevel", tokenizer: smallTokenizerJSON(t)}}, metaspaceFixtures(t)...)
	for _, fx := range fixtures {
		tok, err := New(fx.tokenizer, fx.config)
		if err != nil {
			t.Fatal(err)
		}
		for _, text := range generateTexts(11, 300, fx.specials) {
			ids := tok.Encode(text, true)
			for _, skip := range []bool{false, true} {
				want := tok.Decode(ids, skip)
				d := tok.NewStreamDecoder(skip)
				var b strings.Builder
				for _, id := range ids {
					piece := d.Next(id)
					if strings.HasSuffix(piece, string(utf8.RuneError)) && !strings.Contains(want, string(utf8.RuneError)) {
						t.Fatalf("%s: piece %q ends in a broken character", fx.name, piece)
					}
					b.WriteString(piece)
				}
				b.WriteString(d.Flush())
				if b.String() != want {
					t.Fatalf("%s: streamed %q, want %q", fx.name, b.String(), want)
				}
			}
		}
	}
}

func TestByteLevelRoundTrip(t *testing.T) {
	tok := newSmall(t, "")
	for _, s := range append(generateTexts(3, 500, nil), "\x00\x01\x7f", "invalid \xff\xfe utf8 \xc3") {
		got := tok.Decode(tok.EncodeOrdinary(s), false)
		want := s
		if !utf8.ValidString(s) {
			want = lossyUTF8([]byte(s))
		}
		if got != want {
			t.Fatalf("round trip of %q gave %q", s, got)
		}
	}
}

func TestLossyUTF8(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"abc", "abc"},
		{"\xe4\xb8", "\uFFFD"},              // a truncated three-byte character is one replacement
		{"\xe4\xb8\xe4\xb8\xad", "\uFFFD中"}, // then a whole one
		{"\xff\xfe", "\uFFFD\uFFFD"},
		{"\xed\xa0\x80", "\uFFFD\uFFFD\uFFFD"}, // a surrogate is three maximal subparts
		{"\xf0\x9f\x98", "\uFFFD"},
		{"a\xc3", "a\uFFFD"},
	} {
		if got := lossyUTF8([]byte(tc.in)); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSplitPatterns(t *testing.T) {
	split := func(m matcher, s string) []string {
		var out []string
		for _, sp := range m.findAll(s) {
			out = append(out, s[sp.start:sp.end])
		}
		return out
	}
	for _, tc := range []struct {
		m    matcher
		in   string
		want []string
	}{
		{gpt2Matcher{}, "Hello world  !!\n\n x's 123", []string{"Hello", " world", " ", " !!", "\n\n", " x", "'s", " 123"}},
		{gpt2Matcher{}, "a   ", []string{"a", "   "}},
		{llama3Matcher{maxDigits: 3}, "I'M 1234567 ok!\n\n  yes", []string{"I", "'M", " ", "123", "456", "7", " ok", "!\n\n", " ", " yes"}},
		{llama3Matcher{maxDigits: 3}, "a \t\n b", []string{"a", " \t\n", " b"}},
		{llama3Matcher{maxDigits: 1}, "x12", []string{"x", "1", "2"}},
		{llama3Matcher{maxDigits: 3}, "'ſ", []string{"'ſ"}},
	} {
		if got := split(tc.m, tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("%T %q: got %q, want %q", tc.m, tc.in, got, tc.want)
		}
	}
}

func TestSingleWordAddedToken(t *testing.T) {
	data := patchJSON(t, smallTokenizerJSON(t), func(m map[string]any) {
		m["added_tokens"] = append(m["added_tokens"].([]any), map[string]any{"id": 400, "content": "ing", "single_word": true, "special": false, "normalized": false})
	})
	tok, err := New(data, nil)
	if err != nil {
		t.Fatal(err)
	}
	if ids := tok.Encode("tokenizing", false); slices.Contains(ids, 400) {
		t.Fatalf("single-word token matched inside a word: %v", ids)
	}
	if ids := tok.Encode("an ing, too", false); !slices.Contains(ids, 400) {
		t.Fatalf("single-word token not matched on its own: %v", ids)
	}
}
