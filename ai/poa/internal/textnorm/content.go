package textnorm

import "bytes"

// Content tokens feed the paraphrase signal. A reworded passage keeps most
// of its content words (nouns, verbs, adjectives) but changes their order,
// inflection and the glue between them, so the signal works on a set of
// stemmed content words: stop words and tokens shorter than three bytes are
// dropped, and a few English suffixes are stripped.

// ContentToken is a content word of a text: its stem's hash and the index
// of the word it came from.
type ContentToken struct {
	Hash uint64
	Word int32
}

var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range bytes.Fields([]byte(`
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had
has have having he her here hers herself him himself his how however i if in into is it its itself
just may me might more most must my myself no nor not now of off on once only or other our ours
ourselves out over own same shall she should so some such than that the their theirs them
themselves then there these they this those through thus to too under until up upon us very was we
were what when where which while who whom why will with within without would yet you your yours
yourself yourselves one two use used uses using new see returns return
`)) {
		m[string(w)] = true
	}
	return m
}()

// archaicStopWords are Early Modern English function words (the pronouns
// and auxiliaries of older English), stop words like their modern forms.
var archaicStopWords = []string{"thee", "thou", "thy", "thine", "ye", "hath", "hast", "doth", "dost", "shalt", "wilt", "unto"}

// archaicForms are Early Modern English spellings of verbs, mapped to their
// base form like the irregular forms of the lexicon. The -eth and -est
// endings are stemmed (stemSuffixes).
var archaicForms = map[string]string{
	"spake": "speak", "saith": "say", "sayest": "say", "sware": "swear", "shew": "show", "shewed": "show",
	"shewest": "show", "sheweth": "show", "gavest": "give", "camest": "come", "didst": "did", "wast": "was",
}

func init() {
	for _, w := range archaicStopWords {
		stopWords[w] = true
	}
}

// stemSuffixes are stripped in order, first match only, keeping a stem of at
// least three bytes; then a final e is dropped from a stem of four bytes or
// more (create, created, creates, creation → creat). Crude on purpose: the
// same rule runs on corpus and output, so it only has to merge inflections,
// not find linguistic roots.
var stemSuffixes = []struct{ suffix, replacement string }{
	{"ational", "ate"},
	{"ations", "ate"},
	{"ation", "ate"},
	{"ements", ""},
	{"ement", ""},
	{"ments", ""},
	{"ment", ""},
	{"ingly", ""},
	{"ings", ""},
	{"ing", ""},
	{"ies", "y"},
	{"ied", "y"},
	{"edly", ""},
	{"eth", ""},
	{"est", ""},
	{"ed", ""},
	{"es", ""},
	{"ly", ""},
	{"s", ""},
}

// suffixesByLastByte indexes stemSuffixes by their last byte, keeping
// their order, so most words are checked against none or a few.
var suffixesByLastByte = func() (t [256][]int) {
	for i, s := range stemSuffixes {
		last := s.suffix[len(s.suffix)-1]
		t[last] = append(t[last], i)
	}
	return t
}()

// stem returns the stem of a normalised word (appended to dst).
func stem(dst, word []byte) []byte {
	if len(word) == 0 {
		return dst
	}
	start := len(dst)
	dst = append(dst, word...)
	for _, i := range suffixesByLastByte[word[len(word)-1]] {
		s := stemSuffixes[i]
		if len(word)-len(s.suffix) >= 3 && string(word[len(word)-len(s.suffix):]) == s.suffix {
			dst = append(dst[:start+len(word)-len(s.suffix)], s.replacement...)
			break
		}
	}
	if n := len(dst) - start; n >= 4 && dst[len(dst)-1] == 'e' {
		dst = dst[:len(dst)-1]
	}
	return dst
}

// Stem returns the stem of a normalised word.
func Stem(word string) string { return string(stem(nil, []byte(word))) }

// isContentWord reports whether a normalised word carries content.
func isContentWord(word []byte) bool {
	return len(word) >= 3 && !stopWords[string(word)]
}

// contentKey appends what a content word is compared by: its base form
// (irregular and archaic forms mapped), stemmed, then replaced by its
// synonym class (lexicon.go).
func contentKey(dst, word []byte) []byte {
	if base, ok := archaicForms[string(word)]; ok {
		word = []byte(base)
	} else if base, ok := lexicon().lemmas[string(word)]; ok {
		word = []byte(base)
	}
	start := len(dst)
	dst = stem(dst, word)
	if class, ok := lexicon().classes[string(dst[start:])]; ok {
		dst = append(dst[:start], class...)
	}
	return dst
}

// AppendContentTokens appends the content tokens of text, whose words are
// given, numbering words from firstWord. stemBuf is scratch space.
func AppendContentTokens(dst []ContentToken, text []byte, words []Span, firstWord int, stemBuf []byte) ([]ContentToken, []byte) {
	for i, w := range words {
		word := text[w.Start:w.End]
		if !isContentWord(word) {
			continue
		}
		stemBuf = contentKey(stemBuf[:0], word)
		dst = append(dst, ContentToken{Hash: hashBytes(stemBuf), Word: int32(firstWord + i)})
	}
	return dst, stemBuf
}

// hashBytes is FNV-1a with a splitmix64 finaliser: fixed, portable and
// cheap; the finaliser spreads FNV's weak low bits.
func hashBytes(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return Mix64(h)
}

// Mix64 is the splitmix64 finaliser.
func Mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}
