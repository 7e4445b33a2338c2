package modelfactory

import (
	"cmp"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"google.golang.org/grpc"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/openledger/openledger/services/chaintx"
	"github.com/openledger/openledger/services/openlora"
	datanettypes "github.com/openledger/openledger/x/datanet/types"
	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

// Options configure a Factory.
type Options struct {
	// Home holds the jobs and the content-addressed store.
	Home string
	// Conn is a gRPC connection to a chain node (openlora.DialChain's).
	Conn *grpc.ClientConn
	// BaseModels are local base model folders (or GGUF files); a base
	// model registered on chain can be trained when one of them has its
	// SHA-256.
	BaseModels []string
	// Signer publishes models; without one, publishing is refused.
	Signer *chaintx.Signer
	// CheckpointEvery is how many steps pass between checkpoints (default
	// 10); a job also checkpoints when it is cancelled or the service
	// stops.
	CheckpointEvery int
	Logger          *slog.Logger
}

// Factory runs training jobs one at a time and serves the API.
type Factory struct {
	opts     Options
	log      *slog.Logger
	jobs     *jobStore
	cas      *CAS
	models   modelregtypes.QueryClient
	datanets datanettypes.QueryClient
	// localBases maps a base model's SHA-256 (hex) to its local path.
	localBases map[string]string
	events     *broker
	metrics    *metrics

	mu     sync.Mutex // the queue: which job runs, status changes by the user
	wake   chan struct{}
	cancel map[string]context.CancelCauseFunc // the running job's

	baseMu  sync.Mutex // the loaded model and its adapters
	loaded  *loadedBase
	adapter map[string]openlora.LoadedAdapter // by job, for chat
}

// loadedBase is the base model in memory (one at a time: models are large
// and jobs run one after another).
type loadedBase struct {
	sha256  string
	backend *openlora.Embedded
}

// errCancelled is the cause of a job cancelled by its user; any other
// cause (the service stopping) leaves the job queued to resume.
var errCancelled = errors.New("cancelled by the user")

// New opens the factory's home, hashes the local base models and puts jobs
// that were running when the service stopped back in the queue.
func New(opts Options) (*Factory, error) {
	if opts.CheckpointEvery <= 0 {
		opts.CheckpointEvery = 10
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	f := &Factory{
		opts: opts, log: opts.Logger,
		jobs:       &jobStore{dir: filepath.Join(opts.Home, "jobs")},
		cas:        &CAS{Dir: filepath.Join(opts.Home, "cas")},
		models:     modelregtypes.NewQueryClient(opts.Conn),
		datanets:   datanettypes.NewQueryClient(opts.Conn),
		localBases: map[string]string{},
		events:     newBroker(),
		wake:       make(chan struct{}, 1),
		cancel:     map[string]context.CancelCauseFunc{},
		adapter:    map[string]openlora.LoadedAdapter{},
	}
	f.metrics = newMetrics(f)
	if err := os.MkdirAll(f.jobs.dir, 0o755); err != nil {
		return nil, err
	}
	for _, path := range opts.BaseModels {
		sum, err := openlora.BaseModelHash(path)
		if err != nil {
			return nil, fmt.Errorf("base model %s: %w", path, err)
		}
		f.localBases[hex.EncodeToString(sum)] = path
	}
	jobs, err := f.jobs.all()
	if err != nil {
		return nil, err
	}
	for _, j := range jobs {
		if j.Status == StatusRunning || j.Status == StatusEvaluating {
			j.Status = StatusQueued
			if err := f.jobs.save(j); err != nil {
				return nil, err
			}
		}
	}
	return f, nil
}

// CAS is the factory's content-addressed store.
func (f *Factory) CAS() *CAS { return f.cas }

// BaseModel is a base model registered on chain and whether this machine
// has its weights.
type BaseModel struct {
	ID           uint64 `json:"id"`
	Name         string `json:"name"`
	Architecture string `json:"architecture"`
	SHA256       string `json:"sha256"`
	License      string `json:"license"`
	Available    bool   `json:"available"`
	// Reason says why a model cannot be trained here.
	Reason string `json:"reason,omitempty"`
}

// BaseModels lists the active base models on chain, those with local
// weights first.
func (f *Factory) BaseModels(ctx context.Context) ([]BaseModel, error) {
	var out []BaseModel
	var key []byte
	for {
		res, err := f.models.Models(ctx, &modelregtypes.QueryModelsRequest{Pagination: &query.PageRequest{Key: key, Limit: 500}})
		if err != nil {
			return nil, chainError(err)
		}
		for _, m := range res.Models {
			if m.Kind != modelregtypes.MODEL_KIND_BASE || m.Status != modelregtypes.MODEL_STATUS_ACTIVE {
				continue
			}
			b := BaseModel{ID: m.Id, Name: m.Name, Architecture: m.Architecture, SHA256: hex.EncodeToString(m.Artifact.Sha256), License: m.License}
			_, b.Available = f.localBases[b.SHA256]
			if !b.Available {
				b.Reason = "no local folder has these weights (start the service with --base-model pointing at them)"
			}
			out = append(out, b)
		}
		if res.Pagination == nil || len(res.Pagination.NextKey) == 0 {
			break
		}
		key = res.Pagination.NextKey
	}
	slices.SortStableFunc(out, func(a, b BaseModel) int {
		switch {
		case a.Available == b.Available:
			return 0
		case a.Available:
			return -1
		}
		return 1
	})
	return out, nil
}

// Datanet is a Datanet and its versions, as the picker shows them.
type Datanet struct {
	ID          uint64           `json:"id"`
	Name        string           `json:"name"`
	Summary     string           `json:"summary"`
	License     string           `json:"license"`
	Versions    []DatanetVersion `json:"versions"`
	Description string           `json:"description,omitempty"`
}

// DatanetVersion is one version of a Datanet.
type DatanetVersion struct {
	Version       uint64 `json:"version"`
	Root          string `json:"root"`
	Contributions uint64 `json:"contributions"`
	Height        int64  `json:"height"`
}

// Datanets lists the Datanets that have at least one version.
func (f *Factory) Datanets(ctx context.Context) ([]Datanet, error) {
	var out []Datanet
	var key []byte
	for {
		res, err := f.datanets.Datanets(ctx, &datanettypes.QueryDatanetsRequest{Pagination: &query.PageRequest{Key: key, Limit: 200}})
		if err != nil {
			return nil, chainError(err)
		}
		for _, d := range res.Datanets {
			versions, err := f.datanets.Versions(ctx, &datanettypes.QueryVersionsRequest{DatanetId: d.Id, Pagination: &query.PageRequest{Limit: 1000, Reverse: true}})
			if err != nil {
				return nil, chainError(err)
			}
			if len(versions.Versions) == 0 {
				continue
			}
			dn := Datanet{ID: d.Id, Name: d.Name, Summary: d.Summary, License: d.License, Description: d.Description}
			for _, v := range versions.Versions {
				dn.Versions = append(dn.Versions, DatanetVersion{Version: v.Version, Root: hex.EncodeToString(v.Root), Contributions: v.LeafCount, Height: v.Height})
			}
			slices.SortFunc(dn.Versions, func(a, b DatanetVersion) int { return cmp.Compare(b.Version, a.Version) })
			out = append(out, dn)
		}
		if res.Pagination == nil || len(res.Pagination.NextKey) == 0 {
			return out, nil
		}
		key = res.Pagination.NextKey
	}
}

// Preview is a Datanet version's rows under a mapping.
type Preview struct {
	Datanet uint64 `json:"datanet_id"`
	Version uint64 `json:"version"`
	Root    string `json:"root"`
	// Verified is true: the export matched the version's root (an export
	// that does not is an error, not a preview).
	Verified      bool  `json:"verified"`
	Contributions int   `json:"contributions"`
	RowCount      int   `json:"row_count"`
	Rows          []Row `json:"rows"`
}

// PreviewVersion exports and verifies a version and maps its first rows.
func (f *Factory) PreviewVersion(ctx context.Context, ref DatasetRef, m Mapping, limit int) (*Preview, error) {
	m = m.withDefaults()
	if err := m.validate(); err != nil {
		return nil, err
	}
	v, err := exportVersion(ctx, f.datanets, ref)
	if err != nil {
		return nil, err
	}
	rows, err := rowsOf(ctx, v, m)
	if err != nil {
		return nil, err
	}
	p := &Preview{
		Datanet: ref.DatanetID, Version: ref.Version, Root: hex.EncodeToString(v.Root), Verified: true,
		Contributions: len(v.Lines), RowCount: len(rows), Rows: rows[:min(limit, len(rows))],
	}
	return p, nil
}

func (m Mapping) validate() error {
	if m.Format != FormatPromptResponse && m.Format != FormatText {
		return badRequest("invalid_mapping", "mapping.format", "format %q: want %s or %s", m.Format, FormatPromptResponse, FormatText)
	}
	return nil
}

// chainError says that the chain could not be asked.
func chainError(err error) error {
	return &Error{Status: 502, Code: "chain_unavailable", Message: fmt.Sprintf("the chain did not answer: %v", err)}
}

// base loads (or returns the loaded) base model with the given SHA-256.
func (f *Factory) base(sha string) (*openlora.Embedded, error) {
	f.baseMu.Lock()
	defer f.baseMu.Unlock()
	if f.loaded != nil && f.loaded.sha256 == sha {
		return f.loaded.backend, nil
	}
	path, ok := f.localBases[sha]
	if !ok {
		return nil, badRequest("base_model_unavailable", "base_model_id", "no local base model has SHA-256 %s", sha)
	}
	backend, err := openlora.NewEmbedded(path, openlora.EmbeddedOptions{MaxBatch: 4})
	if err != nil {
		return nil, fmt.Errorf("loading base model %s: %w", path, err)
	}
	if f.loaded != nil {
		f.loaded.backend.Close()
		f.adapter = map[string]openlora.LoadedAdapter{}
	}
	f.loaded = &loadedBase{sha256: sha, backend: backend}
	return backend, nil
}

// Close releases the loaded model.
func (f *Factory) Close() {
	f.baseMu.Lock()
	defer f.baseMu.Unlock()
	if f.loaded != nil {
		f.loaded.backend.Close()
		f.loaded = nil
	}
}

func now() time.Time { return time.Now().UTC().Truncate(time.Millisecond) }
