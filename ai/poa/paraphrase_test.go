package poa

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/require"
)

// pairsForTest reads the first n real-paraphrase pairs of the evaluation
// slice: the same passage in two renderings written by people.
func pairsForTest(t *testing.T, n int) (jsonl []byte, sources, renderings []string, refs []string) {
	t.Helper()
	f, err := os.Open("eval/paired/testdata/pairs.jsonl")
	require.NoError(t, err)
	defer f.Close()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	sc := bufio.NewScanner(f)
	for len(refs) < n && sc.Scan() {
		var p struct{ Ref, Source, Rendering string }
		require.NoError(t, json.Unmarshal(sc.Bytes(), &p))
		require.NoError(t, enc.Encode(map[string]string{"id": p.Ref, "text": p.Source}))
		refs, sources, renderings = append(refs, p.Ref), append(sources, p.Source), append(renderings, p.Rendering)
	}
	return buf.Bytes(), sources, renderings, refs
}

// TestParaphraseEvidenceIsExactAndVerifiable: a reworded passage with no
// exact span is credited to its source by the paraphrase evidence alone;
// two indexes built apart from the same input answer byte for byte alike;
// the answer verifies, and a claim that moves weight does not.
func TestParaphraseEvidenceIsExactAndVerifiable(t *testing.T) {
	input, _, renderings, refs := pairsForTest(t, 240)
	a := openEngine(t, buildIndex(t, "bible", input))
	b := openEngine(t, buildIndex(t, "bible", input))
	found := 0
	for i, text := range renderings {
		res, err := a.Attribute([]byte(text), Options{})
		require.NoError(t, err)
		if len(res.Exact) > 0 || len(res.Paraphrase) == 0 {
			continue
		}
		found++
		ja, jb := mustJSON(t, res), mustJSON(t, must(b.Attribute([]byte(text), Options{})))
		require.Equal(t, ja, jb, "two builds of one input answer differently")
		require.Equal(t, refs[i], res.Attributions[0].ID, "paraphrase credited another passage: %s", ja)
		v, err := b.VerifyClaim([]byte(text), []byte(ja))
		require.NoError(t, err)
		require.True(t, v.OK(), "own answer does not verify: %v", v.Differences)

		var claim map[string]any
		require.NoError(t, json.Unmarshal([]byte(ja), &claim))
		atts := claim["attributions"].([]any)
		atts[0].(map[string]any)["weight_ppm"] = atts[0].(map[string]any)["weight_ppm"].(float64) - 1
		para := claim["paraphrase"].([]any)
		para[0].(map[string]any)["score_ppm"] = para[0].(map[string]any)["score_ppm"].(float64) + 1
		changed, _ := json.Marshal(claim)
		v, err = b.VerifyClaim([]byte(text), changed)
		require.NoError(t, err)
		require.False(t, v.OK(), "a claim with moved weight verified")
		require.GreaterOrEqual(t, len(v.Differences), 2, "%v", v.Differences)
	}
	// Most of these renderings share no six-word run with their source;
	// the paraphrase evidence alone must carry a good share of them.
	require.GreaterOrEqual(t, found, 15, "paraphrase-only answers")
}

func must(res *Result, err error) *Result {
	if err != nil {
		panic(err)
	}
	return res
}
