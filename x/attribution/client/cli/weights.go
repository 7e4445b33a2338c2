package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"slices"

	"github.com/openledger/openledger/x/attribution/types"
)

// weightEntry reads either spelling of one weight: the chain's
// {"contribution_id","ppm"} or the PoA engine's {"id","weight_ppm"}. Other
// fields (the engine's "spans") are ignored.
type weightEntry struct {
	ContributionID *Uint64 `json:"contribution_id"`
	PPM            *Uint64 `json:"ppm"`
	ID             *Uint64 `json:"id"`
	WeightPPM      *Uint64 `json:"weight_ppm"`
}

// poaResult is the part of `poa attribute --json` output (attributions) or
// `poa gradient --json` output (weights) that matters here.
type poaResult struct {
	Attributions *[]weightEntry `json:"attributions"`
	Weights      *[]weightEntry `json:"weights"`
}

// ParseRecomputedWeights reads recomputed weights: a JSON array of
// {"contribution_id","ppm"} or {"id","weight_ppm"} entries, or a whole
// `poa attribute --json` result (its "attributions") or `poa gradient
// --json` result (its "weights"). The engine sorts by
// weight and the chain wants ascending contribution ids, so the weights are
// sorted here; duplicates and values the chain would refuse are errors.
func ParseRecomputedWeights(bz []byte) ([]types.ContributionWeight, error) {
	var entries []weightEntry
	switch trimmed := bytes.TrimSpace(bz); {
	case len(trimmed) > 0 && trimmed[0] == '[':
		if err := json.Unmarshal(trimmed, &entries); err != nil {
			return nil, err
		}
	case len(trimmed) > 0 && trimmed[0] == '{':
		var res poaResult
		if err := json.Unmarshal(trimmed, &res); err != nil {
			return nil, err
		}
		switch {
		case res.Attributions != nil && res.Weights == nil:
			entries = *res.Attributions
		case res.Weights != nil && res.Attributions == nil:
			entries = *res.Weights
		default:
			return nil, fmt.Errorf(`an object must be "poa attribute --json" output, with "attributions", or "poa gradient --json" output, with "weights"`)
		}
	default:
		return nil, fmt.Errorf("want a JSON array of weights or a poa attribute --json result")
	}
	return entriesToWeights(entries)
}

// entriesToWeights converts, sorts and checks weight entries.
func entriesToWeights(entries []weightEntry) ([]types.ContributionWeight, error) {
	ws := make([]types.ContributionWeight, len(entries))
	for i, e := range entries {
		w, err := e.weight()
		if err != nil {
			return nil, fmt.Errorf("weight %d: %w", i, err)
		}
		ws[i] = w
	}
	slices.SortFunc(ws, func(a, b types.ContributionWeight) int {
		switch {
		case a.ContributionId < b.ContributionId:
			return -1
		case a.ContributionId > b.ContributionId:
			return 1
		}
		return 0
	})
	for i := 1; i < len(ws); i++ {
		if ws[i].ContributionId == ws[i-1].ContributionId {
			return nil, fmt.Errorf("contribution %d is listed twice", ws[i].ContributionId)
		}
	}
	if err := types.ValidateWeights(ws, math.MaxUint32); err != nil {
		return nil, err
	}
	return ws, nil
}

// weight picks the one spelling the entry uses. A PoA id must be a Datanet
// contribution id (a decimal number) for the chain to know it.
func (e weightEntry) weight() (types.ContributionWeight, error) {
	chain := e.ContributionID != nil || e.PPM != nil
	poa := e.ID != nil || e.WeightPPM != nil
	var id, ppm *Uint64
	switch {
	case chain && poa:
		return types.ContributionWeight{}, fmt.Errorf(`mixes "contribution_id"/"ppm" with "id"/"weight_ppm"`)
	case chain:
		id, ppm = e.ContributionID, e.PPM
	case poa:
		id, ppm = e.ID, e.WeightPPM
	}
	if id == nil || ppm == nil {
		return types.ContributionWeight{}, fmt.Errorf(`want {"contribution_id","ppm"} or {"id","weight_ppm"}`)
	}
	if uint64(*ppm) > types.PPMTotal {
		return types.ContributionWeight{}, fmt.Errorf("contribution %d: %d ppm, at most %d", *id, *ppm, types.PPMTotal)
	}
	return types.ContributionWeight{ContributionId: uint64(*id), Ppm: uint32(*ppm)}, nil
}

// ReadRecomputedWeightsFile reads the recomputed weights file at path.
func ReadRecomputedWeightsFile(path string) ([]types.ContributionWeight, error) {
	bz, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	ws, err := ParseRecomputedWeights(bz)
	if err != nil {
		return nil, fmt.Errorf("reading recomputed weights %s: %w", path, err)
	}
	return ws, nil
}
