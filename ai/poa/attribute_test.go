package poa

import (
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/openledger/openledger/ai/poa/internal/poatest"
)

// TestEqualHoldersSplitByLargestRemainder: three contributions holding the
// same text share a fully attributed output; 1,000,000 does not divide by
// three, and the unit left goes to the smallest id.
func TestEqualHoldersSplitByLargestRemainder(t *testing.T) {
	text := "Contributors are paid when model outputs are attributed to their data in the ledger."
	e := openEngine(t, buildIndex(t, "same", poatest.JSONL(t,
		map[string]any{"id": "carol", "text": text},
		map[string]any{"id": "alice", "text": text},
		map[string]any{"id": "bob", "text": text},
	)))
	res, err := e.Attribute([]byte(text), Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := mustJSON(t, res.Attributions)
	want := `[{"id":"alice","weight_ppm":333334,"spans":[{"start":0,"end":83}]},` +
		`{"id":"bob","weight_ppm":333333,"spans":[{"start":0,"end":83}]},` +
		`{"id":"carol","weight_ppm":333333,"spans":[{"start":0,"end":83}]}]`
	if res.AttributedPPM != 1_000_000 || got != want {
		t.Fatalf("attributed %d, attributions %s", res.AttributedPPM, got)
	}
}

// TestRarerSpansWeighMore: an output made of a span found once and a span
// of the same length found in three contributions gives the unique
// span's holder more than a third of the credit of the common one.
func TestRarerSpansWeighMore(t *testing.T) {
	common := "the ledger settles every reward at the end of each epoch"
	docs := []map[string]any{
		{"id": "unique", "text": "only this contribution explains how attribution proofs are verified by validators"},
		{"id": "c1", "text": "First. " + common + "."},
		{"id": "c2", "text": "Second. " + common + "."},
		{"id": "c3", "text": "Third. " + common + "."},
	}
	e := openEngine(t, buildIndex(t, "rarity", poatest.JSONL(t, docs...)))
	out := "only this contribution explains how attribution proofs are verified by validators; " + common
	res, err := e.Attribute([]byte(out), Options{})
	if err != nil {
		t.Fatal(err)
	}
	weights := map[string]int64{}
	for _, a := range res.Attributions {
		weights[a.ID] = a.WeightPPM
	}
	if weights["unique"] <= 3*weights["c1"] || weights["c1"] != weights["c2"] || weights["c2"] != weights["c3"] {
		t.Fatalf("weights %v", weights)
	}
	if len(res.Exact) != 2 || res.Exact[0].Rarity <= res.Exact[1].Rarity {
		t.Fatalf("exact %s", mustJSON(t, res.Exact))
	}
}

// TestAttributeIsDeterministic: the same query gives byte-identical JSON
// repeatedly, concurrently (blocks are verified lazily by whoever touches
// them first), and whatever order the indexes are given in.
func TestAttributeIsDeterministic(t *testing.T) {
	docs := poatest.SampleDocs(8, 150)
	v1 := buildIndex(t, "v1", poatest.JSONL(t, docs[:100]...))
	v2 := buildIndex(t, "v2", poatest.JSONL(t, docs[50:]...))
	var query strings.Builder
	for _, i := range []int{3, 60, 120, 149} {
		query.WriteString(docs[i]["text"].(string))
		query.WriteString(" and then some words nobody wrote before. ")
	}
	want := ""
	for _, e := range []*Engine{openEngine(t, v1, v2), openEngine(t, v2, v1)} {
		var wg sync.WaitGroup
		results := make([]string, 8)
		for g := range results {
			wg.Add(1)
			go func() {
				defer wg.Done()
				res, err := e.Attribute([]byte(query.String()), Options{})
				if err != nil {
					t.Error(err)
					return
				}
				data, _ := json.Marshal(res)
				results[g] = string(data)
			}()
		}
		wg.Wait()
		for _, r := range results {
			if want == "" {
				want = r
			}
			if r != want {
				t.Fatalf("answers differ:\n%s\n%s", r, want)
			}
		}
	}
	var res Result
	require.NoError(t, json.Unmarshal([]byte(want), &res))
	var sum int64
	for i, a := range res.Attributions {
		sum += a.WeightPPM
		if i > 0 && (a.WeightPPM > res.Attributions[i-1].WeightPPM ||
			a.WeightPPM == res.Attributions[i-1].WeightPPM && a.ID < res.Attributions[i-1].ID) {
			t.Fatal("attributions not sorted by weight then id")
		}
	}
	if sum != res.AttributedPPM || len(res.Indexes) != 2 || res.Indexes[0].Name != "v1" {
		t.Fatalf("answer %s", want)
	}
}

func TestAttributeRejectsBadText(t *testing.T) {
	e := openEngine(t, buildIndex(t, "x", poatest.JSONL(t, poatest.SampleDocs(1, 5)...)))
	if _, err := e.Attribute([]byte("ok \xc3\x28 bad"), Options{}); err == nil || !strings.Contains(err.Error(), "offset 3") {
		t.Errorf("invalid UTF-8: %v", err)
	}
	if _, err := e.Attribute([]byte(" \u00a0\n"), Options{}); !errors.Is(err, ErrEmptyText) {
		t.Errorf("empty: %v", err)
	}
	if _, err := e.Attribute([]byte("fine"), Options{MinSpanWords: -1}); err == nil {
		t.Error("negative min span accepted")
	}
	res, err := e.Attribute([]byte("!!! ??? ..."), Options{})
	if err != nil || res.OutputWords != 0 || res.AttributedPPM != 0 {
		t.Errorf("no words: %v %+v", err, res)
	}
	if _, err := e.Select([]string{"nope"}); err == nil {
		t.Error("unknown index selected")
	}
}

func TestVerifyClaimReportsDifferences(t *testing.T) {
	docs := poatest.SampleDocs(9, 20)
	e := openEngine(t, buildIndex(t, "v", poatest.JSONL(t, docs...)))
	text := []byte(docs[4]["text"].(string))
	res, err := e.Attribute(text, Options{MinSpanWords: 4})
	if err != nil {
		t.Fatal(err)
	}
	claim, _ := json.Marshal(res)
	v, err := e.VerifyClaim(text, claim)
	if err != nil || !v.OK() {
		t.Fatalf("own answer does not verify: %v %v", err, v.Differences)
	}
	var doc map[string]any
	require.NoError(t, json.Unmarshal(claim, &doc))
	doc["attributed_ppm"] = 7
	doc["extra"] = true
	delete(doc, "method")
	changed, _ := json.Marshal(doc)
	v, err = e.VerifyClaim(text, changed)
	if err != nil || v.OK() {
		t.Fatalf("changed claim verified: %v", err)
	}
	joined := strings.Join(v.Differences, "\n")
	for _, want := range []string{"attributed_ppm: claim 7, recomputed", "extra: not part of an answer", "method: missing from the claim"} {
		if !strings.Contains(joined, want) {
			t.Errorf("differences lack %q:\n%s", want, joined)
		}
	}
	if _, err := e.VerifyClaim(text, []byte("[1]")); err == nil {
		t.Error("non-object claim accepted")
	}
}
