package openlora

import (
	"bytes"
	"cmp"
	"context"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/openledger/openledger/ai/poa"
	datanetclient "github.com/openledger/openledger/x/datanet/client"
	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

// Attributor attributes answers with the PoA engine over the Datanet
// versions a model was trained on. Each version's index is built once from
// chain state (every contribution re-hashed and the list checked against
// the version's Merkle root by datanetclient.ExportVersion) and kept on
// disk under its root, so a restarted node reopens it.
type Attributor struct {
	Chain *Chain
	Dir   string
	// Log receives build progress (nil: silent).
	Log io.Writer

	mu      sync.Mutex
	indexes map[string]*poa.Index  // by root hex
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
	indexes := make([]*poa.Index, len(refs))
	for i, r := range refs {
		ix, err := a.index(ctx, r)
		if err != nil {
			return nil, err
		}
		indexes[i] = ix
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

// index opens (building first if needed) the index of one version.
func (a *Attributor) index(ctx context.Context, r modelregtypes.DatasetRef) (*poa.Index, error) {
	root := hex.EncodeToString(r.Root)
	a.mu.Lock()
	if ix, ok := a.indexes[root]; ok {
		a.mu.Unlock()
		return ix, nil
	}
	a.mu.Unlock()
	a.build.Lock()
	defer a.build.Unlock()
	dir := filepath.Join(a.Dir, "indexes", fmt.Sprintf("datanet-%d-v%d-%s", r.DatanetId, r.Version, root[:16]))
	if _, err := os.Stat(filepath.Join(dir, "manifest.json")); err != nil {
		if err := a.buildIndex(ctx, r, dir); err != nil {
			return nil, fmt.Errorf("indexing datanet %d version %d: %w", r.DatanetId, r.Version, err)
		}
	}
	ix, err := poa.Open(dir, poa.OpenOptions{})
	if err != nil {
		return nil, err
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.indexes == nil {
		a.indexes = map[string]*poa.Index{}
	}
	a.indexes[root] = ix
	return ix, nil
}

func (a *Attributor) buildIndex(ctx context.Context, r modelregtypes.DatasetRef, dir string) error {
	var jsonl bytes.Buffer
	progress := a.Log
	if progress == nil {
		progress = io.Discard
	}
	_, root, err := datanetclient.ExportVersion(ctx, a.Chain.Datanets(), r.DatanetId, r.Version, 500, &jsonl, progress)
	if err != nil {
		return err
	}
	if !bytes.Equal(root, r.Root) {
		return fmt.Errorf("the version's root is %x, the model's training record says %x", root, r.Root)
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return err
	}
	_, err = poa.Build(&jsonl, dir, poa.BuildOptions{
		Name: fmt.Sprintf("datanet-%d-v%d", r.DatanetId, r.Version), Progress: a.Log, Replace: true, SizeHint: int64(jsonl.Len()),
	})
	return err
}
