package poa

import (
	"io"
	"time"

	"github.com/openledger/openledger/ai/poa/internal/index"
)

// Format and method identities, and the limits of one index (README.md,
// "Index format").
const (
	// FormatName identifies an index manifest.
	FormatName = index.FormatName
	// FormatVersion changes whenever the bytes of any index file change
	// meaning.
	FormatVersion = index.FormatVersion
	// MethodVersion names the attribution method; it changes whenever the
	// same index and text could produce a different answer. Indexes record
	// it and are refused by an engine running another.
	MethodVersion = index.MethodVersion
	// BlockSize is the unit of lazy checksum verification: one page.
	BlockSize = index.BlockSize
	// MaxShardBytes is the largest normalised corpus one index holds;
	// bigger Datanets are split into several indexes queried together.
	MaxShardBytes = index.MaxShardBytes
	// MaxLineBytes bounds one JSONL input line (one contribution).
	MaxLineBytes = index.MaxLineBytes
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
	// Previous are open indexes of earlier versions of the same Datanet:
	// the contributions they hold (same id, same text) are left out, so
	// the new index holds what the version adds and is queried together
	// with them (an incremental build). An id found there with another
	// text is a bad line.
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

// Build reads JSONL contributions from input (README.md, "Input") and
// writes an index directory at outDir. The directory appears only when the
// index is complete. Bad input lines are reported together, as an
// *InputError.
func Build(input io.Reader, outDir string, opts BuildOptions) (*BuildStats, error) {
	var previous []*index.Index
	for _, ix := range opts.Previous {
		previous = append(previous, ix.ix)
	}
	s, err := index.Build(input, outDir, index.BuildOptions{
		Name: opts.Name, Progress: opts.Progress, Replace: opts.Replace, SizeHint: opts.SizeHint, Previous: previous,
	})
	if err != nil {
		return nil, publicError(err)
	}
	m := publicManifest(s.Manifest)
	return &BuildStats{
		Manifest: &m, ReadTime: s.ReadTime, SuffixTime: s.SuffixTime, SketchTime: s.SketchTime,
		WriteTime: s.WriteTime, TotalTime: s.TotalTime, IndexBytes: s.IndexBytes,
		ManifestSHA256: s.ManifestSHA256, PeakMemoryBytes: s.PeakMemoryBytes, Carried: s.Carried,
	}, nil
}

// VerifyMode chooses how much of an index is hashed when it is opened.
type VerifyMode int

const (
	// VerifyBlocks checks the manifest, every file's size, the block-sum
	// files and the small files read at open; the large files are checked
	// block by block the first time a query touches them.
	VerifyBlocks VerifyMode = iota
	// VerifyFull also hashes every file whole against the manifest before
	// the index is used.
	VerifyFull
)

// OpenOptions configure Open.
type OpenOptions struct {
	Verify VerifyMode
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

	ix *index.Index
}

// Open opens the index in dir. An index built for another format or method
// version, or whose bytes fail their checks, is refused.
func Open(dir string, opts OpenOptions) (*Index, error) {
	ix, err := index.Open(dir, index.OpenOptions{VerifyWhole: opts.Verify == VerifyFull})
	if err != nil {
		return nil, publicError(err)
	}
	return &Index{
		Dir: ix.Dir, Manifest: publicManifest(&ix.Manifest), ManifestSHA256: ix.ManifestSHA256,
		OpenTime: ix.OpenTime, HashedAtOpen: ix.HashedAtOpen, ix: ix,
	}, nil
}

// Verify hashes every file of the index against the manifest (what
// `poa check` runs).
func Verify(dir string) (*Index, error) {
	return Open(dir, OpenOptions{Verify: VerifyFull})
}

// Name is the index's name.
func (ix *Index) Name() string { return ix.Manifest.Name }

// Documents is the number of contributions in the index.
func (ix *Index) Documents() int { return ix.ix.Documents() }

// ID returns the id of contribution doc.
func (ix *Index) ID(doc int) string { return ix.ix.ID(doc) }

// BlocksVerified is the number of BlockSize blocks checked against their
// sums so far, which is also how many distinct blocks queries have read
// (a measure of a query's footprint on a cold cache).
func (ix *Index) BlocksVerified() int64 { return ix.ix.BlocksVerified() }

// Close unmaps the index files.
func (ix *Index) Close() error { return ix.ix.Close() }
