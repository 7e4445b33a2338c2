//go:build unix

// Package ngram is the baseline the PoA engine is benchmarked against: a
// hash index of every word n-gram of a corpus. It answers "which
// contributions hold this n-gram" with one binary search, but cannot say
// how long a shared passage is, cannot count anything but exact n-grams and
// cannot see paraphrase. It uses the same normalisation and words as the
// engine, so the comparison is only about the index.
package ngram

import (
	"bufio"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"syscall"

	"github.com/openledger/openledger/ai/poa/internal/index"
	"github.com/openledger/openledger/ai/poa/internal/textnorm"
)

const (
	entryBytes   = 12 // uint64 hash, uint32 document
	fileEntries  = "ngrams.bin"
	fileIDs      = "ids.txt"
	prefixBits   = 16
	prefixLength = 1<<prefixBits + 1
	filePrefix   = "prefix.bin"
)

type entry struct {
	hash uint64
	doc  uint32
}

// Build indexes every n-word sequence of every contribution of a JSONL
// input into dir.
func Build(input io.Reader, dir string, n int) error {
	contributions, err := index.ReadContributions(input)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var entries []entry
	var ids strings.Builder
	z := textnorm.NewNormalizer()
	var text []byte
	for d, c := range contributions {
		text, _ = z.Append(text[:0], nil, []byte(c.Text))
		forEachGram(text, n, func(h uint64, _, _ int) { entries = append(entries, entry{h, uint32(d)}) })
		ids.WriteString(c.ID)
		ids.WriteByte('\n')
		contributions[d] = nil // let the text go
	}
	slices.SortFunc(entries, func(a, b entry) int {
		if c := cmp.Compare(a.hash, b.hash); c != 0 {
			return c
		}
		return cmp.Compare(a.doc, b.doc)
	})
	entries = slices.Compact(entries)
	prefix := make([]uint32, prefixLength)
	for _, e := range entries {
		prefix[e.hash>>(64-prefixBits)+1]++
	}
	for i := 1; i < len(prefix); i++ {
		prefix[i] += prefix[i-1]
	}
	if err := writeFile(filepath.Join(dir, fileEntries), func(w *bufio.Writer) error {
		var buf [entryBytes]byte
		for _, e := range entries {
			binary.LittleEndian.PutUint64(buf[:], e.hash)
			binary.LittleEndian.PutUint32(buf[8:], e.doc)
			if _, err := w.Write(buf[:]); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	if err := writeFile(filepath.Join(dir, filePrefix), func(w *bufio.Writer) error {
		for _, p := range prefix {
			if err := binary.Write(w, binary.LittleEndian, p); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, fileIDs), []byte(ids.String()), 0o644)
}

func writeFile(path string, fill func(*bufio.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	err = fill(w)
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// forEachGram calls fn with the hash and byte range of every n-word
// sequence of normalised text.
func forEachGram(text []byte, n int, fn func(hash uint64, start, end int)) {
	words := textnorm.Words(text)
	for i := 0; i+n <= len(words); i++ {
		h := uint64(14695981039346656037)
		for _, w := range words[i : i+n] {
			for _, c := range text[w.Start:w.End] {
				h ^= uint64(c)
				h *= 1099511628211
			}
			h ^= ' '
			h *= 1099511628211
		}
		fn(mix(h), words[i].Start, words[i+n-1].End)
	}
}

func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

// Index is an opened baseline index.
type Index struct {
	n       int
	entries []byte // memory-mapped
	prefix  []uint32
	ids     []string
}

// Open maps a baseline index.
func Open(dir string, n int) (*Index, error) {
	f, err := os.Open(filepath.Join(dir, fileEntries))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.Size()%entryBytes != 0 || st.Size() == 0 {
		return nil, fmt.Errorf("%s: bad size %d", fileEntries, st.Size())
	}
	data, err := syscall.Mmap(int(f.Fd()), 0, int(st.Size()), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil, err
	}
	_ = syscall.Madvise(data, syscall.MADV_RANDOM)
	rawPrefix, err := os.ReadFile(filepath.Join(dir, filePrefix))
	if err != nil || len(rawPrefix) != 4*prefixLength {
		return nil, errors.Join(errors.New("bad prefix table"), err, syscall.Munmap(data))
	}
	ix := &Index{n: n, entries: data, prefix: make([]uint32, prefixLength)}
	for i := range ix.prefix {
		ix.prefix[i] = binary.LittleEndian.Uint32(rawPrefix[4*i:])
	}
	ids, err := os.ReadFile(filepath.Join(dir, fileIDs))
	if err != nil {
		return nil, errors.Join(err, syscall.Munmap(data))
	}
	ix.ids = strings.Split(strings.TrimSuffix(string(ids), "\n"), "\n")
	return ix, nil
}

// Close unmaps the index.
func (ix *Index) Close() error { return syscall.Munmap(ix.entries) }

// Hit is a contribution and how many of the output's n-grams it holds.
type Hit struct {
	ID     string
	NGrams int
}

// Query returns the contributions sharing n-grams with text, most shared
// first, and how many output bytes the shared n-grams cover.
func (ix *Index) Query(text []byte) ([]Hit, int) {
	norm := textnorm.Normalize(text)
	counts := map[uint32]int{}
	covered, coveredEnd := 0, 0
	forEachGram(norm.Text, ix.n, func(h uint64, start, end int) {
		p := h >> (64 - prefixBits)
		lo, hi := int(ix.prefix[p]), int(ix.prefix[p+1])
		i := lo + sort.Search(hi-lo, func(i int) bool { return ix.hashAt(lo+i) >= h })
		found := false
		for ; i < hi && ix.hashAt(i) == h; i++ {
			counts[binary.LittleEndian.Uint32(ix.entries[i*entryBytes+8:])]++
			found = true
		}
		if found {
			covered += end - max(start, coveredEnd)
			coveredEnd = max(coveredEnd, end)
		}
	})
	hits := make([]Hit, 0, len(counts))
	for d, c := range counts {
		hits = append(hits, Hit{ix.ids[d], c})
	}
	slices.SortFunc(hits, func(a, b Hit) int {
		if a.NGrams != b.NGrams {
			return cmp.Compare(b.NGrams, a.NGrams)
		}
		return cmp.Compare(a.ID, b.ID)
	})
	return hits, covered
}

func (ix *Index) hashAt(i int) uint64 {
	return binary.LittleEndian.Uint64(ix.entries[i*entryBytes:])
}

// Files lists the index's files (for size reports and cache eviction).
func Files(dir string) []string {
	return []string{filepath.Join(dir, fileEntries), filepath.Join(dir, filePrefix), filepath.Join(dir, fileIDs)}
}
