package openlora

import (
	"cmp"
	"context"
	"encoding/hex"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/openledger/openledger/ai/poa"
	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

// Attributor attributes answers with the PoA engine over the Datanet
// versions a model was trained on. A version is indexed from chain state
// (every contribution re-hashed and the list checked against the version's
// Merkle root by datanetclient.ExportVersionFrom) as a chain of segments
// kept on disk (index_segments.go): a later version adds a segment of the
// contributions accepted since, and a restarted node reopens them.
type Attributor struct {
	Chain *Chain
	Dir   string
	// Log receives build progress (nil: silent).
	Log io.Writer

	mu      sync.Mutex
	opened  map[string]*poa.Index  // by segment name
	engines map[string]*poa.Engine // by the model's dataset key
	build   sync.Mutex             // one index build at a time
}

// Attribution is an answer's attribution.
type Attribution struct {
	Method   string
	Weights  []ReceiptWeight
	Datasets []ReceiptDataset
}

// latestVersions keeps, per Datanet, the newest version a model names:
// a version's root covers every contribution accepted before it, so the
// newest covers the older ones too.
func latestVersions(refs []modelregtypes.DatasetRef) []modelregtypes.DatasetRef {
	var out []modelregtypes.DatasetRef
	for _, r := range refs {
		i := slices.IndexFunc(out, func(o modelregtypes.DatasetRef) bool { return o.DatanetId == r.DatanetId })
		switch {
		case i < 0:
			out = append(out, r)
		case r.Version > out[i].Version:
			out[i] = r
		}
	}
	slices.SortFunc(out, func(a, b modelregtypes.DatasetRef) int { return cmp.Compare(a.DatanetId, b.DatanetId) })
	return out
}

// Attribute attributes text for model m. A model trained on no Datanet
// gets an empty attribution.
func (a *Attributor) Attribute(ctx context.Context, m *ServedModel, text string) (*Attribution, error) {
	if m.OnChain == nil || len(m.OnChain.Training.Datasets) == 0 || a == nil {
		return &Attribution{Weights: []ReceiptWeight{}, Datasets: []ReceiptDataset{}}, nil
	}
	refs := latestVersions(m.OnChain.Training.Datasets)
	engine, err := a.engine(ctx, refs)
	if err != nil {
		return nil, err
	}
	out := &Attribution{Method: poa.Method, Weights: []ReceiptWeight{}}
	for _, r := range refs {
		out.Datasets = append(out.Datasets, ReceiptDataset{DatanetID: r.DatanetId, Version: r.Version, Root: hex.EncodeToString(r.Root)})
	}
	if strings.TrimSpace(text) == "" {
		return out, nil
	}
	res, err := engine.Attribute([]byte(text), poa.Options{})
	if err != nil {
		return nil, fmt.Errorf("attributing the answer: %w", err)
	}
	for _, at := range res.Attributions {
		id, err := strconv.ParseUint(at.ID, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("index contribution id %q: %w", at.ID, err)
		}
		out.Weights = append(out.Weights, ReceiptWeight{ContributionID: id, Ppm: uint32(at.WeightPPM)})
	}
	slices.SortFunc(out.Weights, func(x, y ReceiptWeight) int { return cmp.Compare(x.ContributionID, y.ContributionID) })
	return out, nil
}

// Prepare builds or opens the indexes of a model ahead of its first
// answer.
func (a *Attributor) Prepare(ctx context.Context, m *ServedModel) error {
	if m.OnChain == nil || len(m.OnChain.Training.Datasets) == 0 {
		return nil
	}
	_, err := a.engine(ctx, latestVersions(m.OnChain.Training.Datasets))
	return err
}

func (a *Attributor) engine(ctx context.Context, refs []modelregtypes.DatasetRef) (*poa.Engine, error) {
	var key strings.Builder
	for _, r := range refs {
		fmt.Fprintf(&key, "%d/%d/%x;", r.DatanetId, r.Version, r.Root)
	}
	a.mu.Lock()
	if e, ok := a.engines[key.String()]; ok {
		a.mu.Unlock()
		return e, nil
	}
	a.mu.Unlock()
	var indexes []*poa.Index
	for _, r := range refs {
		ixs, err := a.indexes(ctx, r)
		if err != nil {
			return nil, err
		}
		indexes = append(indexes, ixs...)
	}
	e, err := poa.NewEngine(indexes)
	if err != nil {
		return nil, err
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.engines == nil {
		a.engines = map[string]*poa.Engine{}
	}
	a.engines[key.String()] = e
	return e, nil
}

// indexes opens the segments that index one version, building the
// segment of what was accepted since the newest stored one if needed.
func (a *Attributor) indexes(ctx context.Context, r modelregtypes.DatasetRef) ([]*poa.Index, error) {
	a.build.Lock()
	chain, err := a.segmentChain(ctx, r)
	a.build.Unlock()
	if err != nil {
		return nil, fmt.Errorf("indexing datanet %d version %d: %w", r.DatanetId, r.Version, err)
	}
	out := make([]*poa.Index, len(chain))
	for i, s := range chain {
		a.mu.Lock()
		ix, ok := a.opened[s.name]
		a.mu.Unlock()
		if !ok {
			if ix, err = poa.Open(filepath.Join(a.Dir, "indexes", s.name), poa.OpenOptions{}); err != nil {
				return nil, err
			}
			a.mu.Lock()
			if a.opened == nil {
				a.opened = map[string]*poa.Index{}
			}
			a.opened[s.name] = ix
			a.mu.Unlock()
		}
		out[i] = ix
	}
	return out, nil
}
