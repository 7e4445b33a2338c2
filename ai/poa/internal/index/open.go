package index

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"time"
)

// OpenOptions configure Open.
type OpenOptions struct {
	// VerifyWhole hashes every file whole against the manifest before the
	// index is used. Otherwise Open checks the manifest, every file's size,
	// the block-sum files and the small files read at open, and the large
	// files are checked block by block the first time a query touches them.
	VerifyWhole bool
}

// Index is an opened, memory-mapped index directory. It is safe for
// concurrent queries.
type Index struct {
	Dir            string
	Manifest       Manifest
	ManifestSHA256 string
	// OpenTime is how long Open took, hashing included.
	OpenTime time.Duration
	// HashedAtOpen is how many bytes Open hashed.
	HashedAtOpen int64

	text, sa, offsets, windows, terms, postings, meta *blockFile
	docStarts                                         []uint32
	docWindows                                        []uint32 // first window of each contribution, then the count
	ids                                               []string
	prefix, termPrefix                                []uint32
	samples                                           []byte // sampleKeyBytes per sample
	files                                             []*blockFile
}

const maxManifestBytes = 1 << 20

// Open opens the index in dir.
func Open(dir string, opts OpenOptions) (_ *Index, err error) {
	started := time.Now()
	ix := &Index{Dir: dir}
	defer func() {
		if err != nil {
			ix.Close()
		}
	}()
	if err := ix.readManifest(); err != nil {
		return nil, err
	}
	name := ix.Manifest.Name
	listed := map[string]ManifestFile{}
	for _, f := range ix.Manifest.Files {
		listed[f.Name] = f
	}
	if len(listed) != 2*len(dataFiles) {
		return nil, &CorruptError{name, fileManifest, fmt.Sprintf("lists %d files, want %d", len(listed), 2*len(dataFiles))}
	}
	opened := map[string]*blockFile{}
	for _, fname := range dataFiles {
		entry, ok := listed[fname]
		blocksEntry, ok2 := listed[fname+blocksSuffix]
		if !ok || !ok2 {
			return nil, &CorruptError{name, fileManifest, "does not list " + fname + " and its block sums"}
		}
		bf, hashed, err := ix.openFile(entry, blocksEntry, fname == fileText || fname == fileSA || fname == fileTerms || fname == filePostings)
		if err != nil {
			return nil, err
		}
		ix.HashedAtOpen += hashed
		ix.files = append(ix.files, bf)
		opened[fname] = bf
	}
	ix.text, ix.sa, ix.offsets = opened[fileText], opened[fileSA], opened[fileOffsets]
	ix.windows, ix.meta = opened[fileWindows], opened[fileMeta]
	ix.terms, ix.postings = opened[fileTerms], opened[filePostings]

	if opts.VerifyWhole {
		for _, bf := range ix.files {
			if err := bf.verifyWhole(listed[bf.name].SHA256); err != nil {
				return nil, err
			}
			ix.HashedAtOpen += int64(len(bf.data))
		}
	}
	// The small files are read whole now, so check them whole now.
	for _, fname := range []string{fileDocs, fileIDs, filePrefix, fileSamples, fileDocWindow, fileTermPfx} {
		bf := opened[fname]
		if err := bf.verifyAllBlocks(); err != nil {
			return nil, err
		}
		if !opts.VerifyWhole {
			ix.HashedAtOpen += int64(len(bf.data))
		}
	}
	if err := ix.loadTables(opened); err != nil {
		return nil, err
	}
	ix.OpenTime = time.Since(started)
	return ix, nil
}

func (ix *Index) readManifest() error {
	path := filepath.Join(ix.Dir, fileManifest)
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("opening index: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxManifestBytes+1))
	if err != nil {
		return err
	}
	if len(data) > maxManifestBytes {
		return fmt.Errorf("%s: manifest larger than %d bytes", path, maxManifestBytes)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&ix.Manifest); err != nil {
		return fmt.Errorf("%s: unreadable manifest: %w", path, err)
	}
	m := &ix.Manifest
	switch {
	case m.Format != FormatName:
		return fmt.Errorf("%s: not a PoA index manifest (format %q)", path, m.Format)
	case m.FormatVersion != FormatVersion:
		return fmt.Errorf("%s: index format version %d, this poa reads version %d; rebuild the index", path, m.FormatVersion, FormatVersion)
	case m.MethodVersion != MethodVersion:
		return fmt.Errorf("%s: index built for method %s, this poa runs %s; rebuild the index", path, m.MethodVersion, MethodVersion)
	case m.Params != currentParams():
		return fmt.Errorf("%s: index parameters %+v differ from this method's %+v", path, m.Params, currentParams())
	case m.Name == "":
		return fmt.Errorf("%s: manifest has no index name", path)
	}
	sum := sha256.Sum256(data)
	ix.ManifestSHA256 = hex.EncodeToString(sum[:])
	return nil
}

// openFile checks the size of a data file, reads and checks its block sums,
// and maps it. It returns how many bytes it hashed.
func (ix *Index) openFile(entry, blocksEntry ManifestFile, randomAccess bool) (*blockFile, int64, error) {
	name := ix.Manifest.Name
	sums, err := os.ReadFile(filepath.Join(ix.Dir, blocksEntry.Name))
	if err != nil {
		return nil, 0, fmt.Errorf("index %q: %w", name, err)
	}
	sum := sha256.Sum256(sums)
	if int64(len(sums)) != blocksEntry.Bytes || hex.EncodeToString(sum[:]) != blocksEntry.SHA256 {
		return nil, 0, &CorruptError{name, blocksEntry.Name, "does not match the manifest (size or SHA-256)"}
	}
	f, err := os.Open(filepath.Join(ix.Dir, entry.Name))
	if err != nil {
		return nil, 0, fmt.Errorf("index %q: %w", name, err)
	}
	defer f.Close() // the mapping outlives the descriptor
	st, err := f.Stat()
	if err != nil {
		return nil, 0, err
	}
	if st.Size() != entry.Bytes {
		return nil, 0, &CorruptError{name, entry.Name, fmt.Sprintf("%d bytes on disk, the manifest says %d (truncated or extended)", st.Size(), entry.Bytes)}
	}
	data, unmap, err := mapFile(f, st.Size(), randomAccess)
	if err != nil {
		return nil, 0, fmt.Errorf("index %q: mapping %s: %w", name, entry.Name, err)
	}
	bf, err := newBlockFile(name, entry.Name, data, sums, unmap)
	if err != nil {
		if unmapErr := unmap(); unmapErr != nil {
			return nil, 0, errors.Join(err, fmt.Errorf("index %q: unmapping %s: %w", name, entry.Name, unmapErr))
		}
		return nil, 0, err
	}
	return bf, int64(len(sums)), nil
}

// loadTables decodes the small files and checks that all sizes agree.
func (ix *Index) loadTables(opened map[string]*blockFile) error {
	m := &ix.Manifest
	c := m.Counts
	bad := func(file, format string, args ...any) error {
		return &CorruptError{m.Name, file, fmt.Sprintf(format, args...)}
	}
	if int64(len(ix.text.data)) != c.NormalizedBytes {
		return bad(fileText, "%d bytes, manifest counts %d", len(ix.text.data), c.NormalizedBytes)
	}
	if int64(ix.sa.entries(4)) != c.WordPositions || len(ix.sa.data)%4 != 0 {
		return bad(fileSA, "%d bytes for %d word positions", len(ix.sa.data), c.WordPositions)
	}
	if int64(ix.windows.entries(8)) != c.Windows || len(ix.windows.data)%8 != 0 {
		return bad(fileWindows, "%d bytes for %d windows", len(ix.windows.data), c.Windows)
	}
	if int64(ix.terms.entries(termEntryBytes)) != c.Terms || len(ix.terms.data)%termEntryBytes != 0 {
		return bad(fileTerms, "%d bytes for %d terms", len(ix.terms.data), c.Terms)
	}
	if c.TermWindows < 0 || c.TermWindows > c.Windows || c.Postings < c.Terms || int64(len(ix.postings.data)) < c.Postings {
		return bad(filePostings, "%d bytes for %d postings of %d terms over %d windows", len(ix.postings.data), c.Postings, c.Terms, c.TermWindows)
	}
	if int64(ix.offsets.entries(anchorBytes)) != c.Anchors || len(ix.offsets.data)%anchorBytes != 0 {
		return bad(fileOffsets, "%d bytes for %d anchors", len(ix.offsets.data), c.Anchors)
	}

	ix.docStarts = decodeUint32s(opened[fileDocs].data)
	if len(ix.docStarts) != c.Documents+1 || c.Documents < 1 {
		return bad(fileDocs, "%d entries for %d documents", len(ix.docStarts), c.Documents)
	}
	if ix.docStarts[0] != 0 || int64(ix.docStarts[c.Documents]) != c.NormalizedBytes {
		return bad(fileDocs, "does not span text.bin")
	}
	for i := 1; i < len(ix.docStarts); i++ {
		if ix.docStarts[i] < ix.docStarts[i-1]+2 { // one byte of text and the separator at least
			return bad(fileDocs, "document %d is empty or out of order", i-1)
		}
	}

	idData := opened[fileIDs].data
	if len(idData) < 4*(c.Documents+1) {
		return bad(fileIDs, "too short")
	}
	idOffsets := decodeUint32s(idData[:4*(c.Documents+1)])
	idBytes := idData[4*(c.Documents+1):]
	if idOffsets[0] != 0 || int(idOffsets[c.Documents]) != len(idBytes) {
		return bad(fileIDs, "offsets do not span the id bytes")
	}
	ix.ids = make([]string, c.Documents)
	for i := range ix.ids {
		if idOffsets[i+1] <= idOffsets[i] {
			return bad(fileIDs, "id %d is empty or out of order", i)
		}
		ix.ids[i] = string(idBytes[idOffsets[i]:idOffsets[i+1]])
	}

	ix.docWindows = decodeUint32s(opened[fileDocWindow].data)
	if len(ix.docWindows) != c.Documents+1 || ix.docWindows[0] != 0 || int64(ix.docWindows[c.Documents]) != c.Windows ||
		!sort.SliceIsSorted(ix.docWindows, func(i, j int) bool { return ix.docWindows[i] < ix.docWindows[j] }) {
		return bad(fileDocWindow, "does not map every contribution to its windows")
	}

	var err error
	if ix.prefix, err = decodePrefixTable(opened[filePrefix].data, c.WordPositions); err != nil {
		return bad(filePrefix, "%v", err)
	}
	ix.samples = slices.Clone(opened[fileSamples].data)
	if int64(len(ix.samples)) != sampleCount(c.WordPositions)*sampleKeyBytes {
		return bad(fileSamples, "%d bytes for %d samples", len(ix.samples), sampleCount(c.WordPositions))
	}
	if ix.termPrefix, err = decodePrefixTable(opened[fileTermPfx].data, c.Terms); err != nil {
		return bad(fileTermPfx, "%v", err)
	}
	return nil
}

func decodeUint32s(data []byte) []uint32 {
	out := make([]uint32, len(data)/4)
	for i := range out {
		out[i] = binary.LittleEndian.Uint32(data[4*i:])
	}
	return out
}

func decodePrefixTable(data []byte, total int64) ([]uint32, error) {
	if len(data) != 4*prefixTableEntries {
		return nil, fmt.Errorf("%d bytes, want %d", len(data), 4*prefixTableEntries)
	}
	table := decodeUint32s(data)
	if !sort.SliceIsSorted(table, func(i, j int) bool { return table[i] < table[j] }) || table[0] != 0 || int64(table[len(table)-1]) != total {
		return nil, errors.New("bucket bounds are not monotonic or do not span the table")
	}
	return table, nil
}

// BlocksVerified is the number of BlockSize blocks checked against their
// sums so far, which is also how many distinct blocks queries have read
// (a measure of a query's footprint on a cold cache).
func (ix *Index) BlocksVerified() int64 {
	var n int64
	for _, bf := range ix.files {
		n += bf.verifiedBlocks()
	}
	return n
}

// Name is the index's name.
func (ix *Index) Name() string { return ix.Manifest.Name }

// Documents is the number of contributions in the index.
func (ix *Index) Documents() int { return len(ix.ids) }

// ID returns the id of contribution doc.
func (ix *Index) ID(doc int) string { return ix.ids[doc] }

// DocAt returns the contribution holding text position pos.
func (ix *Index) DocAt(pos int) int {
	return sort.Search(len(ix.docStarts), func(i int) bool { return int(ix.docStarts[i]) > pos }) - 1
}

// Close unmaps the index files.
func (ix *Index) Close() error {
	var first error
	for _, bf := range ix.files {
		if err := bf.close(); err != nil && first == nil {
			first = err
		}
	}
	ix.files = nil
	return first
}
