package poa

// Result is the answer to "which contributions shaped this output, and by
// how much". Every list is sorted and every number is an integer, so the
// JSON encoding of a Result is byte-identical wherever it is computed.
type Result struct {
	Method string `json:"method"`
	// AttributedPPM is the share of the output's words backed by
	// evidence, in parts per million.
	AttributedPPM int64 `json:"attributed_ppm"`
	// Attributions split AttributedPPM among contributions: sorted by
	// weight (descending) then id; weights sum to AttributedPPM.
	Attributions []Attribution        `json:"attributions"`
	Exact        []ExactEvidence      `json:"exact"`
	Paraphrase   []ParaphraseEvidence `json:"paraphrase"`
	// MinSpan is the minimum exact span length used, in words.
	MinSpan int `json:"min_span"`
	// OutputWords is the number of words in the output.
	OutputWords int `json:"output_words"`
	// Indexes identify the exact index contents the answer was computed
	// from (a manifest's SHA-256 covers every file's SHA-256).
	Indexes []IndexRef `json:"indexes"`
}

// Attribution is one contribution's share of the output.
type Attribution struct {
	ID        string `json:"id"`
	WeightPPM int64  `json:"weight_ppm"`
	// Spans are the parts of the original output credited to it, as byte
	// offsets, in order.
	Spans []Span `json:"spans"`
}

// ExactEvidence is one maximal span of the output found verbatim.
type ExactEvidence struct {
	Start int `json:"start"` // byte offsets in the original output
	End   int `json:"end"`
	Words int `json:"words"`
	// Occurrences counts every occurrence at a word start in every index.
	Occurrences int64 `json:"occurrences"`
	// Rarity is the span's integer weight per word (see README).
	Rarity int64 `json:"rarity"`
	// Sources lists up to maxListedSources contributions holding the
	// span, by id, with the span's byte offsets in the contribution's
	// original text; SourcesTotal counts them all.
	Sources      []Source `json:"sources"`
	SourcesTotal int      `json:"sources_total"`
}

// Source locates a span inside a contribution.
type Source struct {
	ID    string `json:"id"`
	Index string `json:"index"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// ParaphraseEvidence is a contribution credited for reworded content.
type ParaphraseEvidence struct {
	ID       string `json:"id"`
	ScorePPM int64  `json:"score_ppm"`
	Spans    []Span `json:"spans"`
}

// IndexRef identifies an index by name and manifest digest.
type IndexRef struct {
	Name           string `json:"name"`
	ManifestSHA256 string `json:"manifest_sha256"`
}

const maxListedSources = 16

// Span is a half-open byte range [Start, End) of an original text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}
