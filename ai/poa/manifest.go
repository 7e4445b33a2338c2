package poa

import "github.com/openledger/openledger/ai/poa/internal/index"

// Manifest describes an index directory: what manifest.json says.
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

// ManifestFile is the size and SHA-256 of one index file.
type ManifestFile struct {
	Name   string `json:"name"`
	Bytes  int64  `json:"bytes"`
	SHA256 string `json:"sha256"`
}

// publicManifest copies the manifest the index package read or wrote. The
// conversions of its parts stop compiling if their fields ever differ; a
// field added to the manifest itself must be copied here too.
func publicManifest(m *index.Manifest) Manifest {
	files := make([]ManifestFile, len(m.Files))
	for i, f := range m.Files {
		files[i] = ManifestFile(f)
	}
	var previous []PreviousIndex
	for _, p := range m.Previous {
		previous = append(previous, PreviousIndex(p))
	}
	return Manifest{
		Format: m.Format, FormatVersion: m.FormatVersion, MethodVersion: m.MethodVersion, Name: m.Name,
		Input: InputSummary(m.Input), Counts: IndexCounts(m.Counts), Params: IndexParams(m.Params), Previous: previous, Files: files,
	}
}
