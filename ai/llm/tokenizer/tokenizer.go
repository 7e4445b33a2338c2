package tokenizer

import (
	"strings"
	"unicode"
)

// Tokenizer encodes text to token ids and decodes ids to text following a
// tokenizer.json. It is safe for concurrent use.
type Tokenizer struct {
	model        *bpeModel
	normalizer   normalizer
	preTokenizer preTokenizer
	// byteWords is set when the pre-tokenizer ends in the byte-level
	// mapping: rawPre then splits the raw text and the model maps words.
	byteWords bool
	rawPre    preTokenizer
	decoder   decoder
	template  *template

	added          []AddedToken
	addedByContent map[string]int
	addedByID      map[int]int
	rawAdded       *addedTrie // added tokens matched in the raw text
	normAdded      *addedTrie // added tokens matched in normalized text
	specialContent map[string]bool

	vocabSize    int
	bosToken     string
	eosToken     string
	chatTemplate string
	cleanUp      bool
}

// Encode returns the ids of text. Added tokens written in the text (such as
// "<|im_start|>") are recognised; with addSpecialTokens the post-processor's
// tokens, usually the beginning-of-sequence token, are added.
func (t *Tokenizer) Encode(text string, addSpecialTokens bool) []int {
	return t.encode(text, true, addSpecialTokens)
}

// EncodeOrdinary returns the ids of text with every character treated as
// ordinary text, so that user content spelling a special token cannot
// produce it. No post-processor tokens are added.
func (t *Tokenizer) EncodeOrdinary(text string) []int {
	return t.encode(text, false, false)
}

func (t *Tokenizer) encode(text string, matchAdded, addSpecialTokens bool) []int {
	ids := make([]int, 0, len(text)/3+4)
	if addSpecialTokens && t.template != nil {
		ids = append(ids, t.template.before...)
	}
	sections := []section{{text: text, added: -1}}
	if matchAdded {
		sections = t.rawAdded.split(text)
		t.stripAroundAdded(sections)
	}
	for si, sec := range sections {
		if sec.added >= 0 {
			ids = append(ids, t.added[sec.added].ID)
			continue
		}
		s := sec.text
		if s == "" {
			continue
		}
		if t.normalizer != nil {
			s = t.normalizer.normalize(s)
			if s == "" {
				continue
			}
		}
		subs := []section{{text: s, added: -1}}
		if matchAdded {
			subs = t.normAdded.split(s)
			t.stripAroundAdded(subs)
		}
		for j, sub := range subs {
			if sub.added >= 0 {
				ids = append(ids, t.added[sub.added].ID)
				continue
			}
			if sub.text == "" {
				continue
			}
			words := []string{sub.text}
			if t.byteWords {
				if t.rawPre != nil {
					words = t.rawPre.preTokenize(words, si == 0 && j == 0)
				}
				for _, w := range words {
					ids = t.model.encodeRawByteWord(ids, w)
				}
				continue
			}
			if t.preTokenizer != nil {
				words = t.preTokenizer.preTokenize(words, si == 0 && j == 0)
			}
			for _, w := range words {
				ids = t.model.encodeWord(ids, w)
			}
		}
	}
	if addSpecialTokens && t.template != nil {
		ids = append(ids, t.template.after...)
	}
	return ids
}

// stripAroundAdded applies the lstrip and rstrip flags of added tokens to
// the neighbouring plain sections.
func (t *Tokenizer) stripAroundAdded(sections []section) {
	for i, sec := range sections {
		if sec.added < 0 {
			continue
		}
		tok := t.added[sec.added]
		if tok.LStrip && i > 0 && sections[i-1].added < 0 {
			sections[i-1].text = strings.TrimRightFunc(sections[i-1].text, unicode.IsSpace)
		}
		if tok.RStrip && i+1 < len(sections) && sections[i+1].added < 0 {
			sections[i+1].text = strings.TrimLeftFunc(sections[i+1].text, unicode.IsSpace)
		}
	}
}

// Decode returns the text of ids. Ids outside the vocabulary decode as the
// unknown token where the model has one and are dropped otherwise. With
// skipSpecialTokens, special added tokens are left out.
func (t *Tokenizer) Decode(ids []int, skipSpecialTokens bool) string {
	tokens := make([]string, 0, len(ids))
	for _, id := range ids {
		tok, ok := t.IDToToken(id)
		if !ok {
			if t.model.unkID < 0 {
				continue
			}
			tok = t.model.idToToken[t.model.unkID]
		}
		if skipSpecialTokens && t.specialContent[tok] {
			continue
		}
		tokens = append(tokens, tok)
	}
	var text string
	if t.decoder == nil {
		text = strings.Join(tokens, " ")
	} else {
		text = strings.Join(t.decoder.decodeChain(tokens, t.isAdded), "")
	}
	if t.cleanUp {
		text = cleanUpTokenizationSpaces(text)
	}
	return text
}

func (t *Tokenizer) isAdded(tok string) bool {
	_, ok := t.addedByContent[tok]
	return ok
}

// cleanUpTokenizationSpaces removes the spaces before punctuation and
// English contractions that old word-level tokenizers left, as the
// clean_up_tokenization_spaces option of tokenizer_config.json asks.
func cleanUpTokenizationSpaces(s string) string {
	for _, r := range [][2]string{
		{" .", "."},
		{" ?", "?"},
		{" !", "!"},
		{" ,", ","},
		{" ' ", "'"},
		{" n't", "n't"},
		{" 'm", "'m"},
		{" 's", "'s"},
		{" 've", "'ve"},
		{" 're", "'re"},
	} {
		s = strings.ReplaceAll(s, r[0], r[1])
	}
	return s
}

// VocabSize is one more than the largest token id, counting added tokens.
func (t *Tokenizer) VocabSize() int { return t.vocabSize }

// TokenToID returns the id of a token string (added tokens included).
func (t *Tokenizer) TokenToID(token string) (int, bool) {
	if i, ok := t.addedByContent[token]; ok {
		return t.added[i].ID, true
	}
	id, ok := t.model.vocab[token]
	return id, ok
}

// IDToToken returns the token string of an id.
func (t *Tokenizer) IDToToken(id int) (string, bool) {
	if i, ok := t.addedByID[id]; ok {
		return t.added[i].Content, true
	}
	if id < 0 || id >= len(t.model.idToToken) {
		return "", false
	}
	tok := t.model.idToToken[id]
	if tok == "" {
		// A hole in the id space: no token has this id.
		return "", false
	}
	return tok, true
}

// IsSpecial reports whether id is a special added token.
func (t *Tokenizer) IsSpecial(id int) bool {
	i, ok := t.addedByID[id]
	return ok && t.specialContent[t.added[i].Content]
}

// AddedTokens lists the added tokens in file order.
func (t *Tokenizer) AddedTokens() []AddedToken {
	return append([]AddedToken(nil), t.added...)
}

// BOSToken is the beginning-of-sequence token named by
// tokenizer_config.json, or "" when there is none.
func (t *Tokenizer) BOSToken() string { return t.bosToken }

// EOSToken is the end-of-sequence token named by tokenizer_config.json, or
// "" when there is none.
func (t *Tokenizer) EOSToken() string { return t.eosToken }

// BOSID returns the id of BOSToken.
func (t *Tokenizer) BOSID() (int, bool) {
	if t.bosToken == "" {
		return 0, false
	}
	return t.TokenToID(t.bosToken)
}

// EOSID returns the id of EOSToken.
func (t *Tokenizer) EOSID() (int, bool) {
	if t.eosToken == "" {
		return 0, false
	}
	return t.TokenToID(t.eosToken)
}

// ChatTemplate is the Jinja chat template of tokenizer_config.json ("" when
// there is none; the template named "default" when the file lists several).
func (t *Tokenizer) ChatTemplate() string { return t.chatTemplate }
