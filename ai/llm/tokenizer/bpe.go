package tokenizer

import (
	"container/heap"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"
)

// mergeResult is what a ranked merge of two adjacent tokens produces.
type mergeResult struct {
	rank  int32
	newID int32
}

// bpeModel holds a BPE vocabulary and its ranked merges. It is safe for
// concurrent use; merged words are remembered in a bounded cache.
type bpeModel struct {
	vocab        map[string]int
	idToToken    []string
	merges       map[uint64]mergeResult
	unkID        int // -1 without an unknown token
	fuseUnk      bool
	byteFallback bool
	ignoreMerges bool
	byteIDs      [256]int // ids of <0x00>..<0xFF>, -1 where absent
	// lowRuneIDs holds the ids of the single characters below U+0200,
	// -1 where absent: all of the byte-level alphabet, so that splitting a
	// word into characters needs no map lookups.
	lowRuneIDs [0x200]int32

	cacheMu  sync.RWMutex
	cache    map[string][]int // by word in the model's alphabet
	rawCache map[string][]int // by raw text of byte-level words
}

// cacheCapacity bounds the word cache; when full it is emptied, which keeps
// memory flat under adversarial input at the cost of re-merging.
const cacheCapacity = 50000

// wordsLongerThanThis are merged without caching: they are rare and would
// crowd the cache.
const maxCachedWordLen = 256

func pairKey(a, b int) uint64 { return uint64(uint32(a))<<32 | uint64(uint32(b)) }

func parseBPE(m *modelJSON, field string) (*bpeModel, error) {
	switch m.Type {
	case "BPE":
	case "":
		if len(m.Merges) == 0 {
			return nil, fmt.Errorf("%s.type: missing, and the model has no merges, so it is not BPE", field)
		}
	default:
		return nil, fmt.Errorf("%s.type: model %q is not supported (only BPE)", field, m.Type)
	}
	if m.Dropout != nil && *m.Dropout != 0 {
		return nil, fmt.Errorf("%s.dropout: BPE dropout %v makes encoding random; it is not supported", field, *m.Dropout)
	}
	if m.ContinuingSubwordPrefix != nil && *m.ContinuingSubwordPrefix != "" {
		return nil, fmt.Errorf("%s.continuing_subword_prefix: %q is not supported", field, *m.ContinuingSubwordPrefix)
	}
	if m.EndOfWordSuffix != nil && *m.EndOfWordSuffix != "" {
		return nil, fmt.Errorf("%s.end_of_word_suffix: %q is not supported", field, *m.EndOfWordSuffix)
	}
	if isNull(m.Vocab) {
		return nil, fmt.Errorf("%s.vocab: missing", field)
	}
	var vocab map[string]int
	if err := json.Unmarshal(m.Vocab, &vocab); err != nil {
		return nil, fmt.Errorf("%s.vocab: want an object of token to id: %w", field, err)
	}
	b := &bpeModel{
		vocab:        vocab,
		unkID:        -1,
		fuseUnk:      m.FuseUnk,
		byteFallback: m.ByteFallback,
		ignoreMerges: m.IgnoreMerges,
		cache:        map[string][]int{},
		rawCache:     map[string][]int{},
	}
	maxID := -1
	for tok, id := range vocab {
		if id < 0 {
			return nil, fmt.Errorf("%s.vocab: token %q has negative id %d", field, tok, id)
		}
		if id > maxID {
			maxID = id
		}
	}
	if maxID >= 1<<24 {
		return nil, fmt.Errorf("%s.vocab: id %d is implausibly large", field, maxID)
	}
	b.idToToken = make([]string, maxID+1)
	seen := make([]bool, maxID+1)
	for tok, id := range vocab {
		if seen[id] {
			return nil, fmt.Errorf("%s.vocab: id %d is used by both %q and %q", field, id, b.idToToken[id], tok)
		}
		seen[id] = true
		b.idToToken[id] = tok
	}
	if m.UnkToken != nil {
		id, ok := vocab[*m.UnkToken]
		if !ok {
			return nil, fmt.Errorf("%s.unk_token: %q is not in the vocabulary", field, *m.UnkToken)
		}
		b.unkID = id
	}
	for i := range b.byteIDs {
		b.byteIDs[i] = -1
		if id, ok := vocab[fmt.Sprintf("<0x%02X>", i)]; ok {
			b.byteIDs[i] = id
		}
	}
	for i := range b.lowRuneIDs {
		b.lowRuneIDs[i] = -1
		if id, ok := vocab[string(rune(i))]; ok {
			b.lowRuneIDs[i] = int32(id)
		}
	}
	pairs, err := parseMerges(m.Merges, field+".merges")
	if err != nil {
		return nil, err
	}
	b.merges = make(map[uint64]mergeResult, len(pairs))
	for rank, p := range pairs {
		a, okA := vocab[p[0]]
		c, okB := vocab[p[1]]
		n, okN := vocab[p[0]+p[1]]
		switch {
		case !okA:
			return nil, fmt.Errorf("%s.merges[%d]: token %q is not in the vocabulary", field, rank, p[0])
		case !okB:
			return nil, fmt.Errorf("%s.merges[%d]: token %q is not in the vocabulary", field, rank, p[1])
		case !okN:
			return nil, fmt.Errorf("%s.merges[%d]: merged token %q is not in the vocabulary", field, rank, p[0]+p[1])
		}
		key := pairKey(a, c)
		if _, dup := b.merges[key]; dup {
			continue // the first, lowest rank wins, as in the reference
		}
		b.merges[key] = mergeResult{rank: int32(rank), newID: int32(n)}
	}
	return b, nil
}

// parseMerges reads merges written either as "a b" strings (older files)
// or as ["a", "b"] pairs (newer files, which allow spaces in tokens).
func parseMerges(raw json.RawMessage, field string) ([][2]string, error) {
	if isNull(raw) {
		return nil, nil
	}
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil {
		return nil, fmt.Errorf("%s: want an array: %w", field, err)
	}
	out := make([][2]string, len(items))
	for i, item := range items {
		var s string
		if err := json.Unmarshal(item, &s); err == nil {
			a, b, ok := strings.Cut(s, " ")
			if !ok || a == "" || b == "" {
				return nil, fmt.Errorf("%s[%d]: %q is not two tokens separated by a space", field, i, s)
			}
			out[i] = [2]string{a, b}
			continue
		}
		var pair []string
		if err := json.Unmarshal(item, &pair); err != nil || len(pair) != 2 {
			return nil, fmt.Errorf("%s[%d]: want \"a b\" or [\"a\", \"b\"], got %s", field, i, item)
		}
		out[i] = [2]string{pair[0], pair[1]}
	}
	return out, nil
}

// encodeRawByteWord appends the ids of a word given as raw text whose
// bytes the byte-level alphabet maps. Caching by the raw text spares the
// mapping for words seen before, which are most words.
func (b *bpeModel) encodeRawByteWord(dst []int, raw string) []int {
	if raw == "" {
		return dst
	}
	cacheable := len(raw) <= maxCachedWordLen
	if cacheable {
		b.cacheMu.RLock()
		ids, ok := b.rawCache[raw]
		b.cacheMu.RUnlock()
		if ok {
			return append(dst, ids...)
		}
	}
	word := byteLevelEncode(raw)
	start := len(dst)
	if id, ok := b.vocab[word]; ok && b.ignoreMerges {
		dst = append(dst, id)
	} else {
		dst = b.merge(dst, word)
	}
	if cacheable {
		ids := append([]int(nil), dst[start:]...)
		b.cacheMu.Lock()
		if len(b.rawCache) >= cacheCapacity {
			clear(b.rawCache)
		}
		// The key is cloned: raw is a slice of the caller's text, which
		// the cache must not keep alive.
		b.rawCache[strings.Clone(raw)] = ids
		b.cacheMu.Unlock()
	}
	return dst
}

// encodeWord appends the ids of one pre-tokenized word.
func (b *bpeModel) encodeWord(dst []int, word string) []int {
	if word == "" {
		return dst
	}
	if b.ignoreMerges {
		if id, ok := b.vocab[word]; ok {
			return append(dst, id)
		}
	}
	if len(word) <= maxCachedWordLen {
		b.cacheMu.RLock()
		ids, ok := b.cache[word]
		b.cacheMu.RUnlock()
		if ok {
			return append(dst, ids...)
		}
	}
	start := len(dst)
	dst = b.merge(dst, word)
	if len(word) <= maxCachedWordLen {
		ids := append([]int(nil), dst[start:]...)
		b.cacheMu.Lock()
		if len(b.cache) >= cacheCapacity {
			clear(b.cache)
		}
		b.cache[word] = ids
		b.cacheMu.Unlock()
	}
	return dst
}

// mergeScratch is the working memory of one merge, pooled because most
// words are short and allocating it per word would dominate.
type mergeScratch struct {
	syms []symbol
	heap candidateHeap
}

var mergeScratchPool = sync.Pool{New: func() any { return new(mergeScratch) }}

// symbol is one node of the doubly linked list of a word being merged.
type symbol struct {
	id         int
	prev, next int // indices into the symbol slice, -1 at the ends
	alive      bool
}

// candidate is a possible merge of symbols[pos] with its right neighbour.
type candidate struct {
	rank  int32
	pos   int
	newID int32
}

type candidateHeap []candidate

func (h candidateHeap) Len() int { return len(h) }
func (h candidateHeap) Less(i, j int) bool {
	if h[i].rank != h[j].rank {
		return h[i].rank < h[j].rank
	}
	return h[i].pos < h[j].pos
}
func (h candidateHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *candidateHeap) Push(x any)   { *h = append(*h, x.(candidate)) }
func (h *candidateHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// merge splits word into characters and applies the ranked merges, lowest
// rank first and leftmost among equal ranks, using a heap of candidate
// merges over a linked list so a word of n characters costs O(n log n).
func (b *bpeModel) merge(dst []int, word string) []int {
	scratch := mergeScratchPool.Get().(*mergeScratch)
	defer mergeScratchPool.Put(scratch)
	syms := scratch.syms[:0]
	defer func() { scratch.syms = syms[:0] }()
	lastWasUnk := false
	for i := 0; i < len(word); {
		r, n := utf8.DecodeRuneInString(word[i:])
		var id int
		found := false
		if r < rune(len(b.lowRuneIDs)) {
			id = int(b.lowRuneIDs[r])
			found = id >= 0
		} else {
			id, found = b.vocab[word[i:i+n]]
		}
		if found {
			syms = append(syms, symbol{id: id})
			lastWasUnk = false
		} else if fallback := b.fallbackIDs(word[i : i+n]); fallback != nil {
			for _, fid := range fallback {
				syms = append(syms, symbol{id: fid})
			}
			lastWasUnk = false
		} else if b.unkID >= 0 {
			if !b.fuseUnk || !lastWasUnk {
				syms = append(syms, symbol{id: b.unkID})
			}
			lastWasUnk = true
		}
		i += n
	}
	for i := range syms {
		syms[i].prev, syms[i].next, syms[i].alive = i-1, i+1, true
	}
	if len(syms) > 0 {
		syms[len(syms)-1].next = -1
	}
	if len(syms) > 1 {
		h := scratch.heap[:0]
		defer func() { scratch.heap = h[:0] }()
		for i := 0; i+1 < len(syms); i++ {
			if m, ok := b.merges[pairKey(syms[i].id, syms[i+1].id)]; ok {
				h = append(h, candidate{m.rank, i, m.newID})
			}
		}
		heap.Init(&h)
		for h.Len() > 0 {
			c := heap.Pop(&h).(candidate)
			s := &syms[c.pos]
			if !s.alive || s.next < 0 {
				continue
			}
			right := &syms[s.next]
			// The candidate is stale if either side changed since it was
			// queued; the current pair then has its own entry.
			if m, ok := b.merges[pairKey(s.id, right.id)]; !ok || m.rank != c.rank {
				continue
			}
			s.id = int(c.newID)
			right.alive = false
			s.next = right.next
			if s.next >= 0 {
				syms[s.next].prev = c.pos
				if m, ok := b.merges[pairKey(s.id, syms[s.next].id)]; ok {
					heap.Push(&h, candidate{m.rank, c.pos, m.newID})
				}
			}
			if s.prev >= 0 {
				if m, ok := b.merges[pairKey(syms[s.prev].id, s.id)]; ok {
					heap.Push(&h, candidate{m.rank, s.prev, m.newID})
				}
			}
		}
	}
	for i := 0; i >= 0 && i < len(syms); i = syms[i].next {
		dst = append(dst, syms[i].id)
	}
	return dst
}

// fallbackIDs returns the <0xNN> tokens for the bytes of ch when byte
// fallback is on and all of them exist, and nil otherwise.
func (b *bpeModel) fallbackIDs(ch string) []int {
	if !b.byteFallback {
		return nil
	}
	ids := make([]int, len(ch))
	for i := 0; i < len(ch); i++ {
		id := b.byteIDs[ch[i]]
		if id < 0 {
			return nil
		}
		ids[i] = id
	}
	return ids
}
