package tokenizer

import (
	"unicode"
	"unicode/utf8"
)

// AddedToken is a token of tokenizer.json's added_tokens: it is matched in
// the text as a whole before any other processing, so its content is never
// split by BPE.
type AddedToken struct {
	ID      int
	Content string
	// Special tokens (bos, eos, chat markers) are dropped by decoding when
	// special tokens are skipped.
	Special bool
	// LStrip and RStrip remove the white space to the token's left or
	// right in the text.
	LStrip, RStrip bool
	// Normalized tokens are matched in the normalized text rather than in
	// the raw text.
	Normalized bool
	// SingleWord tokens match only where no letter, digit or underscore
	// touches them on either side.
	SingleWord bool
}

// section is a piece of text between added tokens, or one added token
// (added >= 0, an index into the tokenizer's added tokens).
type section struct {
	text  string
	added int
}

// addedTrie finds added tokens in text, leftmost and then longest first.
type addedTrie struct {
	nodes []trieNode
	// singleWord marks, by token index, the tokens that must stand alone.
	singleWord map[int]bool
	// first marks the bytes an added token can start with, so that the
	// scan skips the rest of the text without walking the trie.
	first [256]bool
}

type trieNode struct {
	children map[byte]int32
	token    int // index of the added token ending here, or -1
}

func newAddedTrie() *addedTrie {
	return &addedTrie{nodes: []trieNode{{token: -1}}}
}

func (t *addedTrie) empty() bool { return len(t.nodes) == 1 }

func (t *addedTrie) insert(content string, token int, singleWord bool) {
	t.first[content[0]] = true
	if singleWord {
		if t.singleWord == nil {
			t.singleWord = map[int]bool{}
		}
		t.singleWord[token] = true
	}
	n := 0
	for i := 0; i < len(content); i++ {
		if t.nodes[n].children == nil {
			t.nodes[n].children = map[byte]int32{}
		}
		next, ok := t.nodes[n].children[content[i]]
		if !ok {
			next = int32(len(t.nodes))
			t.nodes = append(t.nodes, trieNode{token: -1})
			t.nodes[n].children[content[i]] = next
		}
		n = int(next)
	}
	if t.nodes[n].token < 0 {
		t.nodes[n].token = token
	}
}

// split cuts text into plain sections and added-token sections.
func (t *addedTrie) split(text string) []section {
	if t.empty() {
		return []section{{text: text, added: -1}}
	}
	var out []section
	start := 0
	for i := 0; i < len(text); {
		if !t.first[text[i]] {
			i++
			continue
		}
		n, match, matchEnd := 0, -1, 0
		for j := i; j < len(text); j++ {
			next, ok := t.nodes[n].children[text[j]]
			if !ok {
				break
			}
			n = int(next)
			if tok := t.nodes[n].token; tok >= 0 && (!t.singleWord[tok] || standsAlone(text, i, j+1)) {
				match, matchEnd = tok, j+1
			}
		}
		if match < 0 {
			i++
			continue
		}
		if i > start {
			out = append(out, section{text: text[start:i], added: -1})
		}
		out = append(out, section{added: match})
		i, start = matchEnd, matchEnd
	}
	if start < len(text) {
		out = append(out, section{text: text[start:], added: -1})
	}
	return out
}

// standsAlone reports whether text[start:end] has no word character right
// before or right after it.
func standsAlone(text string, start, end int) bool {
	isWord := func(r rune) bool { return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) }
	if start > 0 {
		if r, _ := utf8.DecodeLastRuneInString(text[:start]); isWord(r) {
			return false
		}
	}
	if end < len(text) {
		if r, _ := utf8.DecodeRuneInString(text[end:]); isWord(r) {
			return false
		}
	}
	return true
}
