package bench

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The benchmark corpus is generated, not downloaded: real English
// sentences found on the machine (Debian package documentation under
// /usr/share/doc, including gzipped changelogs, and the comments of the Go
// sources in GOROOT/src) are deduplicated, shuffled with a fixed seed and
// grouped into contributions until the corpus reaches the requested size.
// The same machine contents and seed give the same corpus.

// sentencePool is the deduplicated real text the corpus is drawn from.
type sentencePool struct {
	sentences []string
	bytes     int64
	files     int
}

const maxSourceFile = 32 << 20

func collectSentences(roots []string) (*sentencePool, error) {
	pool := &sentencePool{}
	seen := map[string]struct{}{}
	add := func(text string) {
		for _, s := range splitProse(text) {
			if _, dup := seen[s]; dup {
				continue
			}
			seen[s] = struct{}{}
			pool.sentences = append(pool.sentences, s)
			pool.bytes += int64(len(s))
		}
	}
	for _, root := range roots {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil // unreadable corners do not matter
			}
			if !d.Type().IsRegular() {
				return nil
			}
			text, ok := readProseFile(path)
			if !ok {
				return nil
			}
			pool.files++
			if strings.HasSuffix(path, ".go") {
				text = goComments(text)
			}
			add(text)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return pool, nil
}

// readProseFile returns a text file's contents (gunzipped when needed), or
// false for binary, markup and oversized files.
func readProseFile(path string) (string, bool) {
	name := strings.ToLower(filepath.Base(path))
	inner := strings.TrimSuffix(name, ".gz")
	switch ext := filepath.Ext(inner); ext {
	case "", ".txt", ".md", ".rst", ".go", ".debian", ".news", ".changes", ".readme":
	default:
		if !strings.HasPrefix(inner, "changelog") && !strings.HasPrefix(inner, "readme") && !strings.HasPrefix(inner, "news") {
			return "", false
		}
	}
	f, err := os.Open(path)
	if err != nil {
		return "", false
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(name, ".gz") {
		gz, err := gzip.NewReader(f)
		if err != nil {
			return "", false
		}
		defer gz.Close()
		r = gz
	}
	data, err := io.ReadAll(io.LimitReader(r, maxSourceFile))
	if err != nil || !utf8.Valid(data) || bytes.IndexByte(data, 0) >= 0 {
		return "", false
	}
	return string(data), true
}

// goComments keeps the // comment lines of a Go file.
func goComments(src string) string {
	var b strings.Builder
	for _, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "//") && !strings.HasPrefix(line, "//go:") {
			b.WriteString(strings.TrimPrefix(line, "//"))
			b.WriteByte('\n')
		} else {
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

// splitProse cuts text into sentences of ordinary prose.
func splitProse(text string) []string {
	var out []string
	for _, para := range strings.Split(text, "\n\n") {
		flat := strings.Join(strings.Fields(para), " ")
		start := 0
		for i := 0; i < len(flat); i++ {
			end := -1
			if (flat[i] == '.' || flat[i] == '?' || flat[i] == '!') && (i+1 == len(flat) || flat[i+1] == ' ') {
				end = i + 1
			}
			if end < 0 {
				continue
			}
			if s := flat[start:end]; isProse(s) {
				out = append(out, s)
			}
			start = end + 1
			i = end
		}
	}
	return out
}

func isProse(s string) bool {
	if len(s) < 40 || len(s) > 600 || strings.Count(s, " ") < 6 {
		return false
	}
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) || r == ' ' {
			letters++
		}
	}
	return letters*100 >= utf8.RuneCountInString(s)*85
}

// benchCorpus is a generated corpus: its file, and held-out sentences for
// novel text.
type benchCorpus struct {
	path       string
	inputBytes int64
	textBytes  int64
	documents  int
	novel      []string
	docs       []string // every contribution's text, to cut queries from
}

// generateCorpus writes contributions of 4-40 shuffled sentences until the
// texts add up to size bytes. One sentence in 50 is held out as novel text.
func generateCorpus(pool *sentencePool, path string, size int64, seed uint64) (*benchCorpus, error) {
	rng := rand.New(rand.NewPCG(seed, 0x6f6c))
	sentences := append([]string(nil), pool.sentences...)
	rng.Shuffle(len(sentences), func(i, j int) { sentences[i], sentences[j] = sentences[j], sentences[i] })
	c := &benchCorpus{path: path}
	var inCorpus []string
	for i, s := range sentences {
		if i%50 == 0 {
			c.novel = append(c.novel, s)
		} else {
			inCorpus = append(inCorpus, s)
		}
	}
	if len(inCorpus) == 0 {
		return nil, fmt.Errorf("no prose found to build a corpus from")
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, 1<<20)
	next := 0
	for c.textBytes < size {
		n := 4 + rng.IntN(37)
		var b strings.Builder
		for k := 0; k < n; k++ {
			if next == len(inCorpus) {
				// The pool is used up: go round again in a new order, so
				// sentences repeat in new company, as in real Datanets.
				rng.Shuffle(len(inCorpus), func(i, j int) { inCorpus[i], inCorpus[j] = inCorpus[j], inCorpus[i] })
				next = 0
			}
			if k > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(inCorpus[next])
			next++
		}
		text := b.String()
		line, err := json.Marshal(map[string]any{"id": fmt.Sprintf("bench-%07d", c.documents), "text": text, "datanet": "bench", "version": 1})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(line); err != nil {
			return nil, err
		}
		if err := w.WriteByte('\n'); err != nil {
			return nil, err
		}
		c.inputBytes += int64(len(line) + 1)
		c.textBytes += int64(len(text))
		c.documents++
		c.docs = append(c.docs, text)
	}
	if err := w.Flush(); err != nil {
		return nil, err
	}
	return c, f.Sync()
}
