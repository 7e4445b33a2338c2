package textnorm

import "testing"

func contentKeyOf(word string) string { return string(contentKey(nil, []byte(word))) }

func TestStem(t *testing.T) {
	for word, want := range map[string]string{
		"create": "creat", "created": "creat", "creates": "creat", "creation": "creat", "creating": "creat",
		"cometh": "com", "come": "com", "knowest": "know", "cities": "city", "run": "run",
	} {
		if got := Stem(word); got != want {
			t.Errorf("Stem(%q) = %q, want %q", word, got, want)
		}
	}
}

// TestContentKeysMergeRewordings: irregular and archaic forms meet their
// base form, and synonyms of one class meet.
func TestContentKeysMergeRewordings(t *testing.T) {
	lemmas, classes := LexiconSizes()
	if lemmas < 1000 || classes < 1000 {
		t.Fatalf("lexicon holds %d lemmas and %d classes", lemmas, classes)
	}
	for _, group := range [][]string{
		{"begin", "began", "begun", "commence", "start", "started"},
		{"big", "large"},
		{"speak", "spake", "spoke", "speaketh"},
		{"say", "said", "saith"},
		{"child", "children"},
	} {
		for _, w := range group[1:] {
			if a, b := contentKeyOf(group[0]), contentKeyOf(w); a != b {
				t.Errorf("%q → %q but %q → %q", group[0], a, w, b)
			}
		}
	}
	for _, pair := range [][2]string{{"light", "darkness"}, {"king", "queen"}, {"water", "fire"}} {
		if contentKeyOf(pair[0]) == contentKeyOf(pair[1]) {
			t.Errorf("%q and %q merged", pair[0], pair[1])
		}
	}
	for _, w := range []string{"thee", "thou", "unto", "hath"} {
		if isContentWord([]byte(w)) {
			t.Errorf("%q is a content word", w)
		}
	}
}

func TestParseLexiconRejectsBadLines(t *testing.T) {
	if _, err := parseLexicon([]byte("not gzip")); err == nil {
		t.Error("accepted bytes that are not gzip")
	}
}
