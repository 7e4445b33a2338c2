package poa

import (
	"bufio"
	"os"
	"testing"
	"time"
)

func TestParseTiming(t *testing.T) {
	f, err := os.Open("/tmp/pb20/corpus.jsonl")
	if err != nil {
		t.Skip()
	}
	var lines [][]byte
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		lines = append(lines, append([]byte(nil), sc.Bytes()...))
	}
	t0 := time.Now()
	var total int
	for _, l := range lines {
		c, _ := parseContribution(l)
		total += len(c.Text)
	}
	t.Logf("parse %d bytes: %s", total, time.Since(t0))
	z := NewNormalizer()
	var out []byte
	var an OffsetMap
	t0 = time.Now()
	for _, l := range lines {
		c, _ := parseContribution(l)
		out, an = z.Append(out[:0], an[:0], []byte(c.Text))
	}
	t.Logf("parse+normalise: %s", time.Since(t0))
	var w wordSorter
	t0 = time.Now()
	text, _ := os.ReadFile("/tmp/pb20/index/text.bin")
	w.addText(text, 0, len(text))
	t.Logf("naming: %s (%d tokens)", time.Since(t0), w.vocab.count)
	t0 = time.Now()
	w.finish(text)
	t.Logf("finish: %s", time.Since(t0))
	docs := decodeUint32s(mustReadFile("/tmp/pb20/index/docs.bin"))
	t0 = time.Now()
	buildSketches(text, docs)
	t.Logf("sketches: %s", time.Since(t0))
}

func mustReadFile(p string) []byte { b, _ := os.ReadFile(p); return b }
