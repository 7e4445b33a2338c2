package index

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/openledger/openledger/ai/poa/internal/textnorm"
)

// BuildOptions configure Build.
type BuildOptions struct {
	// Name identifies the index when several are queried together; empty
	// means the base name of the output directory.
	Name string
	// Progress receives human-readable progress lines (nil: silent).
	Progress io.Writer
	// Replace allows replacing an existing index directory.
	Replace bool
	// SizeHint is the input size when known; it lets the corpus buffer be
	// allocated once.
	SizeHint int64
	// Previous are the indexes of earlier versions of the same Datanet.
	// A contribution already in one of them (same id, same normalised
	// text) is left out, so the new index holds only what the version
	// adds and is queried together with them; an id found there with
	// another text is a bad line.
	Previous []*Index
}

// BuildStats reports what a build did and how long each phase took.
type BuildStats struct {
	Manifest       *Manifest
	ReadTime       time.Duration
	SuffixTime     time.Duration
	SketchTime     time.Duration
	WriteTime      time.Duration
	TotalTime      time.Duration
	IndexBytes     int64
	ManifestSHA256 string
	// Carried is the number of contributions left out because a previous
	// index holds them.
	Carried int
	// PeakMemoryBytes is the process's peak resident memory when the build
	// finished (0 where the system does not say): the build's own peak in
	// a process that does nothing else, as `poa index`.
	PeakMemoryBytes int64
}

// corpus is the normalised input held in memory during a build.
type corpus struct {
	text      []byte
	docStarts []uint32 // documents+1 entries
	anchors   textnorm.OffsetMap
	ids       []string
	inputSum  hash.Hash
	inputLen  int64
	lines     int
	carried   int
	// Built while reading, on other cores.
	words    *wordSorter
	sketches *sketchBuilder
}

// Build reads JSONL contributions from input and writes an index directory
// at outDir. The directory appears only when the index is complete.
func Build(input io.Reader, outDir string, opts BuildOptions) (*BuildStats, error) {
	started := time.Now()
	if opts.Name == "" {
		opts.Name = filepath.Base(filepath.Clean(outDir))
	}
	if err := checkOutputDir(outDir, opts.Replace); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(filepath.Clean(outDir)), ".poa-index-*")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp) // a no-op once renamed
	progress := newProgress(opts.Progress)

	stats := &BuildStats{}
	prev, err := newPreviousSet(opts.Previous, opts.Name)
	if err != nil {
		return nil, err
	}
	c, err := readCorpus(input, tmp, opts.SizeHint, prev, progress)
	if err != nil {
		return nil, err
	}
	stats.Carried = c.carried
	stats.ReadTime = time.Since(started)
	progress.logf("read %d contributions, %s input, %s normalised in %s",
		len(c.ids), byteSize(c.inputLen), byteSize(int64(len(c.text))), stats.ReadTime.Round(time.Millisecond))
	if c.carried > 0 {
		progress.logf("%d contributions left out: already in the previous indexes", c.carried)
	}

	// The suffix array and the paraphrase sketches were started while
	// reading; finish them on two cores.
	type saResult struct {
		sa     []int32
		prefix []uint32
		took   time.Duration
		err    error
	}
	saDone := make(chan saResult, 1)
	go func() {
		t0 := time.Now()
		sa, prefix, err := c.words.finish(c.text)
		saDone <- saResult{sa, prefix, time.Since(t0), err}
	}()
	t0 := time.Now()
	sk := c.sketches.finish()
	stats.SketchTime = time.Since(t0)
	progress.logf("paraphrase windows: %d, term index of %d terms and %s of postings in %s", len(sk.windows)/2, sk.termCount, byteSize(int64(len(sk.postingData))), stats.SketchTime.Round(time.Millisecond))

	// Write (and hash) everything that does not depend on the suffix
	// array while it is being sorted.
	t0 = time.Now()
	w := &indexWriter{dir: tmp}
	w.file(fileText, func(out io.Writer) error { _, err := out.Write(c.text); return err })
	w.file(fileDocs, func(out io.Writer) error { return writeUint32s(out, c.docStarts) })
	w.file(fileIDs, func(out io.Writer) error { return writeIDs(out, c.ids) })
	w.adopt(fileMeta) // streamed while reading
	w.file(fileOffsets, func(out io.Writer) error { return writeAnchors(out, c.anchors) })
	w.file(fileWindows, func(out io.Writer) error { return writeUint32s(out, sk.windows) })
	w.file(fileDocWindow, func(out io.Writer) error { return writeUint32s(out, sk.docWindows) })
	w.file(fileTerms, func(out io.Writer) error { return writeBytes(out, sk.terms) })
	w.file(fileTermPfx, func(out io.Writer) error { return writeUint32s(out, sk.termPrefix) })
	w.file(filePostings, func(out io.Writer) error { return writeBytes(out, sk.postingData) })
	writeTime := time.Since(t0)

	sr := <-saDone
	if sr.err != nil {
		return nil, sr.err
	}
	stats.SuffixTime = sr.took
	progress.logf("suffix array: %d word positions over %s sorted in %s", len(sr.sa), byteSize(int64(len(c.text))), sr.took.Round(time.Millisecond))

	t0 = time.Now()
	w.file(fileSA, func(out io.Writer) error { return writeInt32s(out, sr.sa) })
	w.file(filePrefix, func(out io.Writer) error { return writeUint32s(out, sr.prefix) })
	w.file(fileSamples, func(out io.Writer) error { _, err := out.Write(sampleKeys(c.text, sr.sa)); return err })
	if w.err != nil {
		return nil, w.err
	}
	m := &Manifest{
		Format:        FormatName,
		FormatVersion: FormatVersion,
		MethodVersion: MethodVersion,
		Name:          opts.Name,
		Input:         InputSummary{SHA256: hex.EncodeToString(c.inputSum.Sum(nil)), Bytes: c.inputLen, Lines: c.lines},
		Counts: IndexCounts{
			Documents:       len(c.ids),
			NormalizedBytes: int64(len(c.text)),
			WordPositions:   int64(len(sr.sa)),
			Windows:         int64(len(sk.windows) / 2),
			TermWindows:     sk.units,
			Terms:           sk.termCount,
			Postings:        sk.postingCount,
			Anchors:         int64(len(c.anchors)),
		},
		Params:   currentParams(),
		Previous: prev.refs,
	}
	// List files in format order, whatever order they were written in.
	slices.SortStableFunc(w.files, func(a, b ManifestFile) int {
		return cmp.Compare(fileOrder(a.Name), fileOrder(b.Name))
	})
	m.Files = w.files
	manifestSum, err := writeManifest(tmp, m)
	if err != nil {
		return nil, err
	}
	if err := syncDir(tmp); err != nil {
		return nil, err
	}
	if err := installDir(tmp, outDir, opts.Replace); err != nil {
		return nil, err
	}
	stats.WriteTime = writeTime + time.Since(t0)
	stats.TotalTime = time.Since(started)
	stats.Manifest = m
	stats.ManifestSHA256 = manifestSum
	for _, f := range m.Files {
		stats.IndexBytes += f.Bytes
	}
	stats.PeakMemoryBytes = PeakMemoryBytes()
	progress.logf("wrote %s (%s in %d files) in %s, most of it while sorting; total %s",
		outDir, byteSize(stats.IndexBytes), len(m.Files)+1, stats.WriteTime.Round(time.Millisecond), stats.TotalTime.Round(time.Millisecond))
	return stats, nil
}

// readCorpus streams and validates the input, normalising every
// contribution into one buffer and writing metadata to dir/meta.jsonl.
func readCorpus(input io.Reader, dir string, sizeHint int64, prev *previousSet, progress *progress) (*corpus, error) {
	c := &corpus{inputSum: sha256.New()}
	if sizeHint > 0 && sizeHint < MaxShardBytes {
		// Normalised text is rarely longer than its JSON encoding.
		c.text = make([]byte, 0, sizeHint+sizeHint/16)
	}
	counter := &countingWriter{}
	cr := newContributionReader(io.TeeReader(input, io.MultiWriter(c.inputSum, counter)))
	metaFile, err := os.Create(filepath.Join(dir, fileMeta))
	if err != nil {
		return nil, err
	}
	defer metaFile.Close()
	meta := newBufferedFile(metaFile)
	z := textnorm.NewNormalizer()
	var docAnchors textnorm.OffsetMap
	bad := &InputError{}

	// Each contribution goes, once normalised, to the word namer and the
	// sketcher, each on its own goroutine. They read text only below the
	// offsets they are sent, which never change once written.
	c.words, c.sketches = &wordSorter{}, &sketchBuilder{}
	type docSlice struct {
		text       []byte
		start, end int
	}
	toWords, toSketches := make(chan docSlice, 256), make(chan docSlice, 256)
	var workers sync.WaitGroup
	workers.Add(2)
	go func() {
		defer workers.Done()
		for d := range toWords {
			c.words.addText(d.text, d.start, d.end)
		}
	}()
	go func() {
		defer workers.Done()
		for d := range toSketches {
			c.sketches.addDoc(d.text[d.start:d.end], d.start)
		}
	}()
	stopWorkers := func() {
		close(toWords)
		close(toSketches)
		workers.Wait()
	}
	defer func() {
		if toWords != nil {
			stopWorkers()
		}
	}()
	for {
		contribution, err := cr.next()
		var le *LineError
		if errors.Is(err, io.EOF) {
			break
		}
		if errors.As(err, &le) {
			bad.add(le)
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("reading input: %w", err)
		}
		if bad.Total > 0 {
			continue // keep validating, stop building
		}
		start := len(c.text)
		c.text, docAnchors = z.Append(c.text, docAnchors[:0], []byte(contribution.Text))
		if len(c.text) == start {
			bad.add(&LineError{contribution.Line, `"text" is empty after normalisation`})
			continue
		}
		if carried, err := prev.holds(contribution.ID, c.text[start:]); err != nil || carried {
			c.text = c.text[:start]
			if err != nil {
				bad.add(&LineError{contribution.Line, err.Error()})
			} else {
				c.carried++
			}
			continue
		}
		if len(c.text)+1 > MaxShardBytes {
			return nil, fmt.Errorf("line %d: the normalised corpus exceeds %d bytes, the limit of one index shard; split the input", contribution.Line, MaxShardBytes)
		}
		for _, a := range docAnchors {
			a.Norm += uint32(start)
			c.anchors = append(c.anchors, a)
		}
		end := len(c.text)
		c.text = append(c.text, docSeparator)
		toWords <- docSlice{c.text, start, end + 1}
		toSketches <- docSlice{c.text, start, end}
		c.docStarts = append(c.docStarts, uint32(start))
		c.ids = append(c.ids, contribution.ID)
		if _, err := meta.Write(contribution.Meta); err != nil {
			return nil, err
		}
		if err := meta.WriteByte('\n'); err != nil {
			return nil, err
		}
		progress.reading(counter.n, len(c.ids))
	}
	stopWorkers()
	toWords = nil
	c.lines = cr.line
	c.inputLen = counter.n
	if bad.Total > 0 {
		return nil, bad
	}
	if len(c.ids) == 0 && c.carried > 0 {
		return nil, fmt.Errorf("all %d contributions are already in the previous indexes: nothing to index", c.carried)
	}
	if len(c.ids) == 0 {
		return nil, errors.New("the input holds no contributions")
	}
	c.docStarts = append(c.docStarts, uint32(len(c.text)))
	if err := meta.Flush(); err != nil {
		return nil, err
	}
	if err := metaFile.Sync(); err != nil {
		return nil, err
	}
	return c, nil
}

func checkOutputDir(outDir string, replace bool) error {
	entries, err := os.ReadDir(outDir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if len(entries) > 0 && !replace {
		return fmt.Errorf("%s exists and is not empty (use --force to replace it)", outDir)
	}
	if len(entries) > 0 {
		if _, err := os.Stat(filepath.Join(outDir, fileManifest)); err != nil {
			return fmt.Errorf("%s exists and does not look like an index; refusing to replace it", outDir)
		}
	}
	return nil
}

// installDir moves the finished index into place.
func installDir(tmp, outDir string, replace bool) error {
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	if _, err := os.Stat(outDir); err == nil {
		if !replace {
			if err := os.Remove(outDir); err != nil { // only an empty directory goes
				return fmt.Errorf("%s appeared during the build: %w", outDir, err)
			}
		} else {
			old := outDir + ".old"
			if err := os.RemoveAll(old); err != nil {
				return err
			}
			if err := os.Rename(outDir, old); err != nil {
				return err
			}
			defer os.RemoveAll(old)
		}
	}
	return os.Rename(tmp, outDir)
}

type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) {
	w.n += int64(len(p))
	return len(p), nil
}

// fileOrder orders file names as dataFiles does, each followed by its
// block sums.
func fileOrder(name string) int {
	base, isBlocks := strings.CutSuffix(name, blocksSuffix)
	i := slices.Index(dataFiles, base)
	if isBlocks {
		return 2*i + 1
	}
	return 2 * i
}

// previousSet finds contributions already held by earlier indexes.
type previousSet struct {
	indexes []*Index
	docs    []map[string]int // id -> contribution, per index
	refs    []PreviousIndex
}

func newPreviousSet(indexes []*Index, name string) (*previousSet, error) {
	p := &previousSet{}
	for _, ix := range indexes {
		if ix.Name() == name {
			return nil, fmt.Errorf("the previous index %s has the name %q of the new one; give the new one another --name", ix.Dir, name)
		}
		docs := make(map[string]int, ix.Documents())
		for d := range ix.Documents() {
			docs[ix.ID(d)] = d
		}
		p.indexes = append(p.indexes, ix)
		p.docs = append(p.docs, docs)
		p.refs = append(p.refs, PreviousIndex{Name: ix.Name(), ManifestSHA256: ix.ManifestSHA256})
	}
	slices.SortFunc(p.refs, func(a, b PreviousIndex) int { return cmp.Compare(a.Name, b.Name) })
	return p, nil
}

// holds reports whether a previous index holds contribution id with the
// normalised text norm; the same id with another text is an error.
func (p *previousSet) holds(id string, norm []byte) (bool, error) {
	for i, ix := range p.indexes {
		d, ok := p.docs[i][id]
		if !ok {
			continue
		}
		start, end := int(ix.docStarts[d]), int(ix.docStarts[d+1])-1
		if string(ix.TextRange(start, end)) != string(norm) {
			return false, fmt.Errorf("id %q is in the previous index %s with another text; a new version cannot change a contribution", id, ix.Name())
		}
		return true, nil
	}
	return false, nil
}
