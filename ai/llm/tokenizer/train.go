package tokenizer

import (
	"bytes"
	"container/heap"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
)

// TrainOptions configure TrainByteLevelBPEWithOptions.
type TrainOptions struct {
	// VocabSize is the size to reach, counting special tokens and the 256
	// byte tokens; training stops earlier when no pair of tokens is left
	// to merge.
	VocabSize int
	// SpecialTokens get ids 0, 1, ... in order and are never split; their
	// occurrences in the training text are not learned from.
	SpecialTokens []string
	// Pattern is the split pattern: PatternLlama3 (the default),
	// PatternQwen2, or PatternGPT2 (written as the ByteLevel pre-tokenizer's
	// built-in split, as SmolLM2 and GPT-2 do).
	Pattern string
	// BOSToken, when set, must be one of SpecialTokens; the tokenizer then
	// starts every encoding with it, as Llama 3's does.
	BOSToken string
	// MinFrequency is the least number of occurrences of a pair that is
	// still merged; values below 1 mean 1.
	MinFrequency int
}

// TrainByteLevelBPE learns a byte-level BPE vocabulary of vocabSize tokens
// from texts with the Llama 3 split pattern and returns the tokenizer.json.
// The result depends only on the arguments.
func TrainByteLevelBPE(texts []string, vocabSize int, specialTokens []string) ([]byte, error) {
	return TrainByteLevelBPEWithOptions(texts, TrainOptions{VocabSize: vocabSize, SpecialTokens: specialTokens})
}

// TrainByteLevelBPEWithOptions is TrainByteLevelBPE with every option.
func TrainByteLevelBPEWithOptions(texts []string, opts TrainOptions) ([]byte, error) {
	if opts.Pattern == "" {
		opts.Pattern = PatternLlama3
	}
	var split matcher
	switch opts.Pattern {
	case PatternLlama3:
		split = llama3Matcher{maxDigits: 3}
	case PatternQwen2:
		split = llama3Matcher{maxDigits: 1}
	case PatternGPT2:
		split = gpt2Matcher{}
	default:
		return nil, errors.New("tokenizer: train: Pattern must be PatternLlama3, PatternQwen2 or PatternGPT2")
	}
	base := len(opts.SpecialTokens) + 256
	if opts.VocabSize < base {
		return nil, fmt.Errorf("tokenizer: train: vocab size %d is below the %d special and byte tokens", opts.VocabSize, base)
	}
	if opts.MinFrequency < 1 {
		opts.MinFrequency = 1
	}
	specials := newAddedTrie()
	seenSpecial := map[string]bool{}
	for i, s := range opts.SpecialTokens {
		if s == "" || seenSpecial[s] {
			return nil, fmt.Errorf("tokenizer: train: special token %d (%q) is empty or repeated", i, s)
		}
		seenSpecial[s] = true
		specials.insert(s, i, false)
	}
	if opts.BOSToken != "" && !seenSpecial[opts.BOSToken] {
		return nil, fmt.Errorf("tokenizer: train: BOS token %q is not among the special tokens", opts.BOSToken)
	}

	// The vocabulary starts with the special tokens and the byte alphabet
	// in code point order.
	tokens := append([]string(nil), opts.SpecialTokens...)
	byteID := [256]int{}
	alphabet := make([]int, 256)
	for b := range alphabet {
		alphabet[b] = b
	}
	sort.Slice(alphabet, func(i, j int) bool { return byteToRune[alphabet[i]] < byteToRune[alphabet[j]] })
	for _, b := range alphabet {
		byteID[b] = len(tokens)
		tokens = append(tokens, string(byteToRune[b]))
	}
	vocabIndex := map[string]int{}
	for id, tok := range tokens {
		if _, dup := vocabIndex[tok]; dup {
			return nil, fmt.Errorf("tokenizer: train: special token %q collides with a byte token", tok)
		}
		vocabIndex[tok] = id
	}

	// Count the words of the training text.
	counts := map[string]int{}
	for _, text := range texts {
		for _, sec := range specials.split(text) {
			if sec.added >= 0 {
				continue
			}
			for _, sp := range split.findAll(sec.text) {
				counts[sec.text[sp.start:sp.end]]++
			}
		}
	}
	uniq := make([]string, 0, len(counts))
	for w := range counts {
		uniq = append(uniq, w)
	}
	sort.Strings(uniq)
	words := make([][]int, len(uniq))
	freq := make([]int, len(uniq))
	for i, w := range uniq {
		freq[i] = counts[w]
		words[i] = make([]int, len(w))
		for k := 0; k < len(w); k++ {
			words[i][k] = byteID[w[k]]
		}
	}

	// Pair statistics: total count and the words each pair occurs in.
	pairCount := map[uint64]int{}
	pairWords := map[uint64]map[int]struct{}{}
	addPairs := func(wi int, sign int) {
		w := words[wi]
		for k := 0; k+1 < len(w); k++ {
			key := pairKey(w[k], w[k+1])
			pairCount[key] += sign * freq[wi]
			if sign > 0 {
				set := pairWords[key]
				if set == nil {
					set = map[int]struct{}{}
					pairWords[key] = set
				}
				set[wi] = struct{}{}
			}
		}
	}
	for wi := range words {
		addPairs(wi, 1)
	}
	h := &pairHeap{}
	for key, c := range pairCount {
		*h = append(*h, pairEntry{key, c})
	}
	heap.Init(h)

	var merges [][2]string
	for len(tokens) < opts.VocabSize && h.Len() > 0 {
		top := heap.Pop(h).(pairEntry)
		if pairCount[top.key] != top.count {
			continue // stale: the current count has its own entry
		}
		if top.count < opts.MinFrequency {
			break
		}
		a, b := int(top.key>>32), int(uint32(top.key))
		merged := tokens[a] + tokens[b]
		newID, exists := vocabIndex[merged]
		if !exists {
			newID = len(tokens)
			tokens = append(tokens, merged)
			vocabIndex[merged] = newID
		}
		merges = append(merges, [2]string{tokens[a], tokens[b]})
		affected := make([]int, 0, len(pairWords[top.key]))
		for wi := range pairWords[top.key] {
			affected = append(affected, wi)
		}
		sort.Ints(affected)
		changed := map[uint64]bool{}
		for _, wi := range affected {
			addPairs(wi, -1)
			w := words[wi]
			out := w[:0]
			for k := 0; k < len(w); k++ {
				if k+1 < len(w) && w[k] == a && w[k+1] == b {
					out = append(out, newID)
					k++
					continue
				}
				out = append(out, w[k])
			}
			words[wi] = out
			addPairs(wi, 1)
			for k := 0; k+1 < len(out); k++ {
				changed[pairKey(out[k], out[k+1])] = true
			}
		}
		delete(pairCount, top.key)
		delete(pairWords, top.key)
		changedKeys := make([]uint64, 0, len(changed))
		for key := range changed {
			changedKeys = append(changedKeys, key)
		}
		sort.Slice(changedKeys, func(i, j int) bool { return changedKeys[i] < changedKeys[j] })
		for _, key := range changedKeys {
			if c := pairCount[key]; c > 0 {
				heap.Push(h, pairEntry{key, c})
			}
		}
	}
	return writeByteLevelJSON(tokens, merges, opts)
}

// pairEntry is a candidate merge in the trainer's heap: most frequent
// first, then the smaller pair of ids, so training is deterministic.
type pairEntry struct {
	key   uint64
	count int
}

type pairHeap []pairEntry

func (h pairHeap) Len() int { return len(h) }
func (h pairHeap) Less(i, j int) bool {
	if h[i].count != h[j].count {
		return h[i].count > h[j].count
	}
	return h[i].key < h[j].key
}
func (h pairHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *pairHeap) Push(x any)   { *h = append(*h, x.(pairEntry)) }
func (h *pairHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// writeByteLevelJSON writes the tokenizer.json of a trained vocabulary in
// the layout of Llama 3's file, with the vocabulary in id order.
func writeByteLevelJSON(tokens []string, merges [][2]string, opts TrainOptions) ([]byte, error) {
	str := func(s string) string {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		_ = enc.Encode(s) // encoding a string cannot fail
		return string(bytes.TrimRight(b.Bytes(), "\n"))
	}
	var b bytes.Buffer
	b.WriteString("{\n  \"version\": \"1.0\",\n  \"truncation\": null,\n  \"padding\": null,\n  \"added_tokens\": [")
	for i, s := range opts.SpecialTokens {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, "\n    {\"id\": %d, \"content\": %s, \"single_word\": false, \"lstrip\": false, \"rstrip\": false, \"normalized\": false, \"special\": true}", i, str(s))
	}
	b.WriteString("\n  ],\n  \"normalizer\": null,\n")
	if opts.Pattern == PatternGPT2 {
		b.WriteString("  \"pre_tokenizer\": {\"type\": \"ByteLevel\", \"add_prefix_space\": false, \"trim_offsets\": true, \"use_regex\": true},\n")
	} else {
		fmt.Fprintf(&b, "  \"pre_tokenizer\": {\"type\": \"Sequence\", \"pretokenizers\": [{\"type\": \"Split\", \"pattern\": {\"Regex\": %s}, \"behavior\": \"Isolated\", \"invert\": false}, {\"type\": \"ByteLevel\", \"add_prefix_space\": false, \"trim_offsets\": true, \"use_regex\": false}]},\n", str(opts.Pattern))
	}
	byteLevelPost := "{\"type\": \"ByteLevel\", \"add_prefix_space\": true, \"trim_offsets\": false, \"use_regex\": true}"
	if opts.BOSToken == "" {
		fmt.Fprintf(&b, "  \"post_processor\": %s,\n", byteLevelPost)
	} else {
		bos := str(opts.BOSToken)
		id := 0
		for i, s := range opts.SpecialTokens {
			if s == opts.BOSToken {
				id = i
			}
		}
		fmt.Fprintf(&b, "  \"post_processor\": {\"type\": \"Sequence\", \"processors\": [%s, {\"type\": \"TemplateProcessing\", "+
			"\"single\": [{\"SpecialToken\": {\"id\": %s, \"type_id\": 0}}, {\"Sequence\": {\"id\": \"A\", \"type_id\": 0}}], "+
			"\"pair\": [{\"SpecialToken\": {\"id\": %s, \"type_id\": 0}}, {\"Sequence\": {\"id\": \"A\", \"type_id\": 0}}, {\"SpecialToken\": {\"id\": %s, \"type_id\": 1}}, {\"Sequence\": {\"id\": \"B\", \"type_id\": 1}}], "+
			"\"special_tokens\": {%s: {\"id\": %s, \"ids\": [%d], \"tokens\": [%s]}}}]},\n", byteLevelPost, bos, bos, bos, bos, bos, id, bos)
	}
	b.WriteString("  \"decoder\": {\"type\": \"ByteLevel\", \"add_prefix_space\": true, \"trim_offsets\": true, \"use_regex\": true},\n")
	b.WriteString("  \"model\": {\n    \"type\": \"BPE\",\n    \"dropout\": null,\n    \"unk_token\": null,\n    \"continuing_subword_prefix\": null,\n    \"end_of_word_suffix\": null,\n    \"fuse_unk\": false,\n    \"byte_fallback\": false,\n    \"ignore_merges\": false,\n    \"vocab\": {")
	for id, tok := range tokens {
		if id > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, "\n      %s: %d", str(tok), id)
	}
	b.WriteString("\n    },\n    \"merges\": [")
	for i, m := range merges {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, "\n      [%s, %s]", str(m[0]), str(m[1]))
	}
	b.WriteString("\n    ]\n  }\n}\n")
	return b.Bytes(), nil
}
