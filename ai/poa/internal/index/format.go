package index

// On-disk index format, version 1. All integers are little-endian. An index
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
//	lsh.bin         LSH postings: uint64 band key, uint32 window, sorted
//	lsh_prefix.bin  uint32 x 65537 bucket bounds on the key's top 16 bits
//	*.blocks        SHA-256 of every BlockSize-byte block of the file named
//
// The manifest holds no timestamp: the same input gives the same bytes.

const (
	// FormatName identifies an index manifest.
	FormatName = "openledger-poa-index"
	// FormatVersion changes whenever the bytes of any file change meaning.
	FormatVersion = 1
	// MethodVersion names the attribution method; it changes whenever the
	// same index and text could produce a different answer.
	MethodVersion = "poa-1"

	// BlockSize is the unit of lazy checksum verification: one page.
	BlockSize = 4096

	docSeparator = 0xFF

	// Paraphrase sketch parameters (fixed by MethodVersion).
	windowTokens        = 32 // content tokens per window
	corpusWindowStride  = 16 // corpus windows overlap by half
	MinWindowTokens     = 8  // fewer content tokens carry too little signal, in a corpus or an output window
	minhashPermutations = 32
	LSHBands            = 8 // the queries look corpus windows up by each band
	lshRows             = minhashPermutations / LSHBands

	// Suffix-array samples kept in memory.
	sampleEvery    = 64
	sampleKeyBytes = 16

	prefixTableEntries = 1<<16 + 1
	anchorBytes        = 12
	lshEntryBytes      = 12
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
	fileLSH       = "lsh.bin"
	fileLSHPrefix = "lsh_prefix.bin"
	blocksSuffix  = ".blocks"
)

// dataFiles lists the data files in manifest order.
var dataFiles = []string{fileText, fileDocs, fileIDs, fileMeta, fileOffsets, fileSA, filePrefix, fileSamples, fileWindows, fileDocWindow, fileLSH, fileLSHPrefix}

// Manifest describes an index directory.
type Manifest struct {
	Format        string         `json:"format"`
	FormatVersion int            `json:"format_version"`
	MethodVersion string         `json:"method_version"`
	Name          string         `json:"name"`
	Input         InputSummary   `json:"input"`
	Counts        IndexCounts    `json:"counts"`
	Params        IndexParams    `json:"params"`
	Files         []ManifestFile `json:"files"`
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
	LSHEntries      int64 `json:"lsh_entries"`
	Anchors         int64 `json:"anchors"`
}

// IndexParams are the parameters the index was built with.
type IndexParams struct {
	BlockSize           int `json:"block_size"`
	WindowTokens        int `json:"window_tokens"`
	WindowStride        int `json:"window_stride"`
	MinWindowTokens     int `json:"min_window_tokens"`
	MinhashPermutations int `json:"minhash_permutations"`
	LSHBands            int `json:"lsh_bands"`
	LSHRows             int `json:"lsh_rows"`
	SampleEvery         int `json:"sample_every"`
	SampleKeyBytes      int `json:"sample_key_bytes"`
}

func currentParams() IndexParams {
	return IndexParams{
		BlockSize:           BlockSize,
		WindowTokens:        windowTokens,
		WindowStride:        corpusWindowStride,
		MinWindowTokens:     MinWindowTokens,
		MinhashPermutations: minhashPermutations,
		LSHBands:            LSHBands,
		LSHRows:             lshRows,
		SampleEvery:         sampleEvery,
		SampleKeyBytes:      sampleKeyBytes,
	}
}

// ManifestFile is the size and SHA-256 of one index file.
type ManifestFile struct {
	Name   string `json:"name"`
	Bytes  int64  `json:"bytes"`
	SHA256 string `json:"sha256"`
}
