package openlora

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"github.com/openledger/openledger/ai/llm/influence"
	"github.com/openledger/openledger/ai/llm/train"
	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

// ReceiptAttribution is an answer's attribution by one more method than
// the receipt's own (Receipt.Method): on chain it is a leaf of its own.
type ReceiptAttribution struct {
	Method  string          `json:"method"`
	Weights []ReceiptWeight `json:"weights"`
}

// maxObjectBytes bounds a store object of unknown size (a training
// manifest, whose hash alone is on chain).
const maxObjectBytes = 64 << 20

// GradientRun returns the recorded row gradients that a model's training
// manifest names, fetched by their hashes from the content-addressed store
// and kept on disk, or nil when the model records no manifest or its run
// recorded no gradients of the method this node computes.
func (a *Artifacts) GradientRun(ctx context.Context, m *modelregtypes.Model) (*influence.Run, error) {
	if len(m.Training.ManifestSha256) != sha256.Size {
		return nil, nil
	}
	raw, err := a.object(ctx, m.Training.ManifestSha256, 0, "manifests")
	if err != nil {
		return nil, &ArtifactError{ModelID: m.Id, Msg: "training manifest: " + err.Error()}
	}
	var manifest struct {
		Gradients *struct {
			Method    string `json:"method"`
			SHA256    string `json:"sha256"`
			SizeBytes uint64 `json:"size_bytes"`
		} `json:"gradients"`
	}
	if err := json.Unmarshal(raw, &manifest); err != nil {
		return nil, &ArtifactError{ModelID: m.Id, Msg: "training manifest: " + err.Error()}
	}
	g := manifest.Gradients
	if g == nil || g.Method != influence.Method {
		return nil, nil
	}
	sum, err := hex.DecodeString(g.SHA256)
	if err != nil || len(sum) != sha256.Size {
		return nil, &ArtifactError{ModelID: m.Id, Msg: fmt.Sprintf("the manifest's gradients hash %q is not a SHA-256", g.SHA256)}
	}
	bz, err := a.object(ctx, sum, g.SizeBytes, "gradients")
	if err != nil {
		return nil, &ArtifactError{ModelID: m.Id, Msg: "recorded gradients: " + err.Error()}
	}
	run, err := influence.ReadRun(bytes.NewReader(bz))
	if err != nil {
		return nil, &ArtifactError{ModelID: m.Id, Msg: err.Error()}
	}
	return run, nil
}

// object returns a store object by hash (and size, when known), from the
// disk cache under kind or fetched and verified into it.
func (a *Artifacts) object(ctx context.Context, sum []byte, size uint64, kind string) ([]byte, error) {
	key := hex.EncodeToString(sum)
	dst := filepath.Join(a.Dir, kind, key)
	if bz, err := os.ReadFile(dst); err == nil {
		return bz, nil
	}
	r, err := a.fetch(ctx, "cas://"+key)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	limit := uint64(maxObjectBytes)
	if size > 0 {
		limit = size
	}
	bz, err := io.ReadAll(io.LimitReader(r, int64(limit)+1))
	if err != nil {
		return nil, err
	}
	switch {
	case uint64(len(bz)) > limit:
		return nil, fmt.Errorf("cas://%s: more than %d bytes", key, limit)
	case size > 0 && uint64(len(bz)) != size:
		return nil, fmt.Errorf("cas://%s: %d bytes, the manifest records %d", key, len(bz), size)
	}
	if got := sha256.Sum256(bz); !bytes.Equal(got[:], sum) {
		return nil, fmt.Errorf("cas://%s: the object's sha256 is %x", key, got)
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return nil, err
	}
	if err := os.WriteFile(dst+".fetch", bz, 0o644); err != nil {
		return nil, err
	}
	return bz, os.Rename(dst+".fetch", dst)
}

// GradientAttributor attributes chat answers of adapters whose training
// recorded row gradients, by gradients (package influence), on the base
// model this node serves.
type GradientAttributor struct {
	Artifacts *Artifacts
	Base      *Embedded

	mu      sync.Mutex
	grads   *train.GradientModel // the base's weights for every adapter
	byModel map[uint64]*influence.Attributor
	none    map[uint64]bool
}

// attributor returns a model's attributor, nil when it has no gradients
// or this node has no content-addressed store to fetch them from (the
// manifest is reachable only by its hash there).
func (g *GradientAttributor) attributor(ctx context.Context, m *modelregtypes.Model) (*influence.Attributor, error) {
	if g.Artifacts == nil || g.Artifacts.StoreBase == "" {
		return nil, nil
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if a, ok := g.byModel[m.Id]; ok {
		return a, nil
	}
	if g.none[m.Id] {
		return nil, nil
	}
	run, err := g.Artifacts.GradientRun(ctx, m)
	if err != nil {
		return nil, err
	}
	if g.byModel == nil {
		g.byModel, g.none = map[uint64]*influence.Attributor{}, map[uint64]bool{}
	}
	if run == nil {
		g.none[m.Id] = true
		return nil, nil
	}
	if g.grads == nil {
		if g.grads, err = train.NewGradientModel(g.Base.Model(), run.LoRA); err != nil {
			return nil, err
		}
	}
	a, err := influence.NewAttributorOn(g.grads, run)
	if err != nil {
		return nil, &ArtifactError{ModelID: m.Id, Msg: err.Error()}
	}
	g.byModel[m.Id] = a
	return a, nil
}

// errNoGradientAnswer marks answers gradient attribution does not score:
// text completions (only conversations become training rows) and empty
// answers.
var errNoGradientAnswer = errors.New("not a chat answer")

// Attribute scores a chat answer against the adapter's training rows; it
// returns nil for models without recorded gradients and for answers it
// does not score.
func (g *GradientAttributor) Attribute(ctx context.Context, m *ServedModel, messages []ChatMessage, answer string) (*ReceiptAttribution, error) {
	if g == nil || m.OnChain == nil || m.IsBase || len(messages) == 0 || answer == "" {
		return nil, nil
	}
	a, err := g.attributor(ctx, m.OnChain)
	if err != nil || a == nil {
		return nil, err
	}
	example, err := g.Base.ChatExample(messages, answer)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", errNoGradientAnswer, err)
	}
	weights, err := a.Attribute(example)
	if errors.Is(err, influence.ErrNoInfluence) {
		return &ReceiptAttribution{Method: influence.Method, Weights: []ReceiptWeight{}}, nil
	}
	if err != nil {
		return nil, err
	}
	out := &ReceiptAttribution{Method: influence.Method}
	for _, w := range weights {
		out.Weights = append(out.Weights, ReceiptWeight{ContributionID: w.ContributionID, Ppm: w.Ppm})
	}
	slices.SortFunc(out.Weights, func(x, y ReceiptWeight) int { return cmp.Compare(x.ContributionID, y.ContributionID) })
	return out, nil
}
