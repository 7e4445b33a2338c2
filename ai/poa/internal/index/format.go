package index

// On-disk index format, version 2. All integers are little-endian. An index
// is a directory:
//
//	manifest.json   what is below, with sizes and SHA-256 of every file
//	text.bin        normalised contributions, each followed by 0xFF (a byte
//	                valid UTF-8 never contains, so no match crosses it)
//	docs.bin        uint32 start of every contribution in text.bin, plus the
//	                length of text.bin
//	ids.bin         uint32 offsets (documents+1) then the id bytes
//	meta.jsonl      one JSON object per contribution: its metadata fields
//	offsets.bin     offset-map anchors (norm uint32 global, orig uint32 and
//	                orig_end uint32 relative to the contribution's original
//	                text, 0xFFFFFFFF orig_end = linear run)
//	sa.bin          int32 suffix array restricted to suffixes that start a
//	                word, in byte order
//	prefix.bin      uint32 x 65537: SA entries whose first two bytes are p
//	                are sa[prefix[p]:prefix[p+1]]
//	sa_samples.bin  the first sampleKeyBytes bytes of the suffix at every
//	                sampleEvery-th SA entry (zero-padded), read at open so
//	                a search narrows to one gap without touching the disk
//	windows.bin     uint32 start, end (in text.bin) of each paraphrase window
//	doc_windows.bin uint32 first window of every contribution, plus the
//	                window count
//	terms.bin       BM25 term table, sorted by key: uint64 term key (the
//	                content token's hash), uint32 end of its postings in
//	                postings.bin (they start where the previous term's end),
//	                uint32 number of covered windows holding it
//	terms_prefix.bin uint32 x 65537 bucket bounds on the key's top 16 bits
//	postings.bin    per term, ascending windows as uvarints of
//	                (window − previous window) << 4 | min(tf, 15)
//	*.blocks        SHA-256 of every BlockSize-byte block of the file named
//
// The manifest holds no timestamp: the same input gives the same bytes.

const (
	// FormatName identifies an index manifest.
	FormatName = "openledger-poa-index"
	// FormatVersion changes whenever the bytes of any file change meaning.
	FormatVersion = 2
	// MethodVersion names the attribution method; it changes whenever the
	// same index and text could produce a different answer.
	MethodVersion = "poa-4"

	// BlockSize is the unit of lazy checksum verification: one page.
	BlockSize = 4096

	docSeparator = 0xFF

	// Paraphrase parameters (fixed by MethodVersion).
	windowTokens       = 32 // content tokens per window
	corpusWindowStride = 16 // corpus windows overlap by half
	MinWindowTokens    = 8  // fewer content tokens carry too little signal, in a corpus or an output window
	tfBits             = 4  // term frequency bits of a posting
	maxTF              = 1<<tfBits - 1

	// Suffix-array samples kept in memory.
	sampleEvery    = 64
	sampleKeyBytes = 16

	prefixTableEntries = 1<<16 + 1
	anchorBytes        = 12
	termEntryBytes     = 16
)

// Index file names.
const (
	fileManifest  = "manifest.json"
	fileText      = "text.bin"
	fileDocs      = "docs.bin"
	fileIDs       = "ids.bin"
	fileMeta      = "meta.jsonl"
	fileOffsets   = "offsets.bin"
	fileSA        = "sa.bin"
	filePrefix    = "prefix.bin"
	fileSamples   = "sa_samples.bin"
	fileWindows   = "windows.bin"
	fileDocWindow = "doc_windows.bin"
	fileTerms     = "terms.bin"
	fileTermPfx   = "terms_prefix.bin"
	filePostings  = "postings.bin"
	blocksSuffix  = ".blocks"
)

// dataFiles lists the data files in manifest order.
var dataFiles = []string{fileText, fileDocs, fileIDs, fileMeta, fileOffsets, fileSA, filePrefix, fileSamples, fileWindows, fileDocWindow, fileTerms, fileTermPfx, filePostings}

// Manifest describes an index directory.
type Manifest struct {
	Format        string       `json:"format"`
	FormatVersion int          `json:"format_version"`
	MethodVersion string       `json:"method_version"`
	Name          string       `json:"name"`
	Input         InputSummary `json:"input"`
	Counts        IndexCounts  `json:"counts"`
	Params        IndexParams  `json:"params"`
	// Previous names the indexes of earlier versions whose contributions
	// this one leaves out (an incremental build); empty for a full one.
	Previous []PreviousIndex `json:"previous,omitempty"`
	Files    []ManifestFile  `json:"files"`
}

// PreviousIndex identifies an index an incremental build left contributions
// to.
type PreviousIndex struct {
	Name           string `json:"name"`
	ManifestSHA256 string `json:"manifest_sha256"`
}

// InputSummary identifies the JSONL input the index was built from.
type InputSummary struct {
	SHA256 string `json:"sha256"`
	Bytes  int64  `json:"bytes"`
	Lines  int    `json:"lines"`
}

// IndexCounts are the sizes of the index's parts.
type IndexCounts struct {
	Documents       int   `json:"documents"`
	NormalizedBytes int64 `json:"normalized_bytes"`
	WordPositions   int64 `json:"word_positions"`
	Windows         int64 `json:"windows"`
	TermWindows     int64 `json:"term_windows"`
	Terms           int64 `json:"terms"`
	Postings        int64 `json:"postings"`
	Anchors         int64 `json:"anchors"`
}

// IndexParams are the parameters the index was built with.
type IndexParams struct {
	BlockSize       int `json:"block_size"`
	WindowTokens    int `json:"window_tokens"`
	WindowStride    int `json:"window_stride"`
	MinWindowTokens int `json:"min_window_tokens"`
	MaxTF           int `json:"max_tf"`
	SampleEvery     int `json:"sample_every"`
	SampleKeyBytes  int `json:"sample_key_bytes"`
}

func currentParams() IndexParams {
	return IndexParams{
		BlockSize:       BlockSize,
		WindowTokens:    windowTokens,
		WindowStride:    corpusWindowStride,
		MinWindowTokens: MinWindowTokens,
		MaxTF:           maxTF,
		SampleEvery:     sampleEvery,
		SampleKeyBytes:  sampleKeyBytes,
	}
}

// ManifestFile is the size and SHA-256 of one index file.
type ManifestFile struct {
	Name   string `json:"name"`
	Bytes  int64  `json:"bytes"`
	SHA256 string `json:"sha256"`
}
