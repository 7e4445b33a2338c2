package index

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"hash"
	"io"
	"math"
	"os"
	"path/filepath"

	"github.com/openledger/openledger/ai/poa/internal/textnorm"
)

// indexWriter writes index files, computing each file's SHA-256 and the
// SHA-256 of each of its blocks on the way out, and records them for the
// manifest. The first error sticks.
type indexWriter struct {
	dir   string
	files []ManifestFile
	err   error
}

// file writes one data file through fill, then its block sums.
func (w *indexWriter) file(name string, fill func(io.Writer) error) {
	if w.err != nil {
		return
	}
	f, err := os.Create(filepath.Join(w.dir, name))
	if err != nil {
		w.err = err
		return
	}
	defer f.Close()
	bw := bufio.NewWriterSize(f, 1<<20)
	bh := newBlockHasher()
	if err := fill(io.MultiWriter(bw, bh)); err != nil {
		w.err = err
		return
	}
	if err := bw.Flush(); err != nil {
		w.err = err
		return
	}
	if err := f.Sync(); err != nil {
		w.err = err
		return
	}
	w.record(name, bh)
}

// adopt checksums a file that was already written into the directory.
func (w *indexWriter) adopt(name string) {
	if w.err != nil {
		return
	}
	f, err := os.Open(filepath.Join(w.dir, name))
	if err != nil {
		w.err = err
		return
	}
	defer f.Close()
	bh := newBlockHasher()
	if _, err := io.Copy(bh, f); err != nil {
		w.err = err
		return
	}
	w.record(name, bh)
}

func (w *indexWriter) record(name string, bh *blockHasher) {
	sums := bh.finish()
	w.files = append(w.files, ManifestFile{Name: name, Bytes: bh.n, SHA256: hex.EncodeToString(bh.whole.Sum(nil))})
	blocksName := name + blocksSuffix
	if err := os.WriteFile(filepath.Join(w.dir, blocksName), sums, 0o644); err != nil {
		w.err = err
		return
	}
	whole := sha256.Sum256(sums)
	w.files = append(w.files, ManifestFile{Name: blocksName, Bytes: int64(len(sums)), SHA256: hex.EncodeToString(whole[:])})
}

// blockHasher hashes a stream whole and per BlockSize block.
type blockHasher struct {
	whole, block hash.Hash
	inBlock      int
	sums         []byte
	n            int64
}

func newBlockHasher() *blockHasher {
	return &blockHasher{whole: sha256.New(), block: sha256.New()}
}

func (h *blockHasher) Write(p []byte) (int, error) {
	h.whole.Write(p)
	h.n += int64(len(p))
	written := len(p)
	for len(p) > 0 {
		take := min(len(p), BlockSize-h.inBlock)
		h.block.Write(p[:take])
		h.inBlock += take
		p = p[take:]
		if h.inBlock == BlockSize {
			h.sums = h.block.Sum(h.sums)
			h.block.Reset()
			h.inBlock = 0
		}
	}
	return written, nil
}

func (h *blockHasher) finish() []byte {
	if h.inBlock > 0 {
		h.sums = h.block.Sum(h.sums)
		h.inBlock = 0
	}
	return h.sums
}

// writeManifest writes manifest.json and returns its SHA-256, the identity
// of the whole index.
func writeManifest(dir string, m *Manifest) (string, error) {
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return "", err
	}
	data = append(data, '\n')
	f, err := os.Create(filepath.Join(dir, fileManifest))
	if err != nil {
		return "", err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return "", err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return "", err
	}
	if err := f.Close(); err != nil {
		return "", err
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:]), nil
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

const encodeChunk = 1 << 14

func writeUint32s(w io.Writer, values []uint32) error {
	buf := make([]byte, 0, 4*encodeChunk)
	for len(values) > 0 {
		n := min(len(values), encodeChunk)
		buf = buf[:0]
		for _, v := range values[:n] {
			buf = binary.LittleEndian.AppendUint32(buf, v)
		}
		if _, err := w.Write(buf); err != nil {
			return err
		}
		values = values[n:]
	}
	return nil
}

func writeInt32s(w io.Writer, values []int32) error {
	buf := make([]byte, 0, 4*encodeChunk)
	for len(values) > 0 {
		n := min(len(values), encodeChunk)
		buf = buf[:0]
		for _, v := range values[:n] {
			buf = binary.LittleEndian.AppendUint32(buf, uint32(v))
		}
		if _, err := w.Write(buf); err != nil {
			return err
		}
		values = values[n:]
	}
	return nil
}

func writeAnchors(w io.Writer, anchors textnorm.OffsetMap) error {
	buf := make([]byte, 0, anchorBytes*encodeChunk)
	for len(anchors) > 0 {
		n := min(len(anchors), encodeChunk)
		buf = buf[:0]
		for _, a := range anchors[:n] {
			buf = binary.LittleEndian.AppendUint32(buf, a.Norm)
			buf = binary.LittleEndian.AppendUint32(buf, a.Orig)
			buf = binary.LittleEndian.AppendUint32(buf, a.OrigEnd)
		}
		if _, err := w.Write(buf); err != nil {
			return err
		}
		anchors = anchors[n:]
	}
	return nil
}

// writeIDs writes documents+1 uint32 offsets, then the id bytes.
func writeIDs(w io.Writer, ids []string) error {
	offsets := make([]uint32, 0, len(ids)+1)
	total := int64(0)
	for _, id := range ids {
		offsets = append(offsets, uint32(total))
		total += int64(len(id))
		if total > math.MaxUint32 {
			return errors.New("the ids add up to more than 4 GiB; split the input")
		}
	}
	offsets = append(offsets, uint32(total))
	if err := writeUint32s(w, offsets); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	for _, id := range ids {
		if _, err := bw.WriteString(id); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// newBufferedFile buffers writes to f.
func newBufferedFile(f *os.File) *bufio.Writer { return bufio.NewWriterSize(f, 1<<20) }
