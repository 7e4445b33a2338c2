package tokenizer

import (
	"slices"
	"testing"
)

// The delimiter behaviours of the Split pre-tokenizer, with the examples
// of the Hugging Face tokenizers documentation.
func TestSplitBehaviors(t *testing.T) {
	for behavior, want := range map[string][]string{
		"Removed":            {"the", "final", "countdown"},
		"Isolated":           {"the", "-", "final", "-", "-", "countdown"},
		"MergedWithPrevious": {"the-", "final-", "-", "countdown"},
		"MergedWithNext":     {"the", "-final", "-", "-countdown"},
		"Contiguous":         {"the", "-", "final", "--", "countdown"},
	} {
		p := splitPreTokenizer{m: literalMatcher("-"), behavior: behavior}
		if got := p.preTokenize([]string{"the-final--countdown"}, true); !slices.Equal(got, want) {
			t.Errorf("%s: got %q, want %q", behavior, got, want)
		}
	}
}

func TestMetaspaceAndDigits(t *testing.T) {
	for _, tc := range []struct {
		p       preTokenizer
		in      string
		atStart bool
		want    []string
	}{
		{metaspacePreTokenizer{replacement: metaspace, scheme: prependAlways, split: true}, "Hey friend!", false, []string{"▁Hey", "▁friend!"}},
		{metaspacePreTokenizer{replacement: metaspace, scheme: prependAlways, split: true}, "  a", false, []string{"▁", "▁a"}},
		{metaspacePreTokenizer{replacement: metaspace, scheme: prependFirst, split: false}, "a b", false, []string{"a▁b"}},
		{metaspacePreTokenizer{replacement: metaspace, scheme: prependFirst, split: false}, "a b", true, []string{"▁a▁b"}},
		{metaspacePreTokenizer{replacement: metaspace, scheme: prependNever, split: false}, "a", true, []string{"a"}},
		{digitsPreTokenizer{individual: false}, "Call 123 please", true, []string{"Call ", "123", " please"}},
		{digitsPreTokenizer{individual: true}, "Call 123", true, []string{"Call ", "1", "2", "3"}},
		{whitespaceSplitPreTokenizer{}, " a\tb\n c ", true, []string{"a", "b", "c"}},
	} {
		if got := tc.p.preTokenize([]string{tc.in}, tc.atStart); !slices.Equal(got, tc.want) {
			t.Errorf("%T %q: got %q, want %q", tc.p, tc.in, got, tc.want)
		}
	}
}

func TestRegexFallback(t *testing.T) {
	m, err := compilePattern(&patternJSON{Regex: ptr(`\s+|\d+`)}, "f")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	s := "a\u00a0\u3000b 12"
	for _, sp := range m.findAll(s) {
		got = append(got, s[sp.start:sp.end])
	}
	// \s means Unicode white space here, as in Oniguruma.
	if want := []string{"\u00a0\u3000", " ", "12"}; !slices.Equal(got, want) {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func ptr[T any](v T) *T { return &v }
