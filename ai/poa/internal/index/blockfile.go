package index

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"math/bits"
	"sync/atomic"
)

// CorruptError reports index bytes that do not match their checksums
// or cannot be right (an offset past the end of a file).
type CorruptError struct {
	Index  string
	File   string
	Detail string
}

func (e *CorruptError) Error() string {
	return fmt.Sprintf("index %q is corrupt: %s: %s", e.Index, e.File, e.Detail)
}

// blockFile is a memory-mapped index file whose BlockSize blocks are
// checked against their SHA-256 the first time any byte in them is used.
// Opening costs nothing per byte; a query pays for hashing only the pages
// it touches, once per process; and no answer is ever computed from a
// byte that failed its check.
type blockFile struct {
	index, name string
	data        []byte
	sums        []byte // 32 bytes per block, verified at open
	verified    []atomic.Uint64
	unmap       func() error
}

func newBlockFile(index, name string, data, sums []byte, unmap func() error) (*blockFile, error) {
	blocks := (len(data) + BlockSize - 1) / BlockSize
	if len(sums) != blocks*sha256.Size {
		return nil, &CorruptError{index, name + blocksSuffix, fmt.Sprintf("%d bytes of block sums for %d blocks", len(sums), blocks)}
	}
	return &blockFile{
		index: index, name: name, data: data, sums: sums,
		verified: make([]atomic.Uint64, (blocks+63)/64),
		unmap:    unmap,
	}, nil
}

func (f *blockFile) corrupt(format string, args ...any) *CorruptError {
	return &CorruptError{f.index, f.name, fmt.Sprintf(format, args...)}
}

// ensure verifies the blocks holding [off, off+n); it panics with a
// *CorruptError (recovered at the query boundary, see
// CatchCorruption) when one does not match or the range is outside the file.
func (f *blockFile) ensure(off, n int) {
	if off < 0 || n < 0 || off+n > len(f.data) {
		panic(f.corrupt("range [%d, %d) outside the file (%d bytes)", off, off+n, len(f.data)))
	}
	if n == 0 {
		return
	}
	for b := off / BlockSize; b <= (off+n-1)/BlockSize; b++ {
		if f.verified[b>>6].Load()>>(uint(b)&63)&1 == 0 {
			f.verifyBlock(b)
		}
	}
}

func (f *blockFile) verifyBlock(b int) {
	start := b * BlockSize
	end := min(start+BlockSize, len(f.data))
	sum := sha256.Sum256(f.data[start:end])
	if !bytes.Equal(sum[:], f.sums[b*sha256.Size:(b+1)*sha256.Size]) {
		panic(f.corrupt("block %d (bytes %d-%d) fails its SHA-256 check", b, start, end))
	}
	// Two goroutines may verify the same block at once; both agree.
	f.verified[b>>6].Or(1 << (uint(b) & 63))
}

// verifyWhole hashes the whole file against the manifest's SHA-256 and, if
// it matches, marks every block verified.
func (f *blockFile) verifyWhole(wantHex string) error {
	sum := sha256.Sum256(f.data)
	if hex.EncodeToString(sum[:]) != wantHex {
		return f.corrupt("SHA-256 of the file does not match the manifest")
	}
	for i := range f.verified {
		f.verified[i].Store(^uint64(0))
	}
	return nil
}

// verifyAllBlocks checks every block against its sum (used for the small
// files that are read whole at open).
func (f *blockFile) verifyAllBlocks() (err error) {
	defer CatchCorruption(&err)
	f.ensure(0, len(f.data))
	return nil
}

// chunk returns the verified bytes from off to the end of off's block.
func (f *blockFile) chunk(off int) []byte {
	f.ensure(off, 1)
	end := min((off/BlockSize+1)*BlockSize, len(f.data))
	return f.data[off:end]
}

// u32 returns the i-th little-endian uint32 of the file.
func (f *blockFile) u32(i int) uint32 {
	f.ensure(4*i, 4)
	return binary.LittleEndian.Uint32(f.data[4*i:])
}

// verifiedBlocks counts the blocks checked so far.
func (f *blockFile) verifiedBlocks() int64 {
	var n int64
	for i := range f.verified {
		n += int64(bits.OnesCount64(f.verified[i].Load()))
	}
	return n
}

// entries returns the number of fixed-size entries in the file.
func (f *blockFile) entries(size int) int { return len(f.data) / size }

func (f *blockFile) close() error {
	if f.unmap == nil {
		return nil
	}
	err := f.unmap()
	f.unmap, f.data = nil, nil
	return err
}

// CatchCorruption turns a *CorruptError panic into the returned
// error; any other panic goes on.
func CatchCorruption(err *error) {
	if r := recover(); r != nil {
		if ce, ok := r.(*CorruptError); ok {
			*err = ce
			return
		}
		panic(r)
	}
}
