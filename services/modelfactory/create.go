package modelfactory

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

// jobRows are a job's verified rows, fixed when the job is created.
type jobRows struct {
	Train   []Row `json:"train"`
	Holdout []Row `json:"holdout"`
}

// CreateJob checks a request (whose hyperparameters start from
// DefaultHyperparameters) completely — the base model, every Datanet
// version (exported and verified against its root), the mapping of every
// row, row lengths and the hyperparameters — and queues the job.
func (f *Factory) CreateJob(ctx context.Context, spec JobSpec) (*Job, error) {
	if err := modelregtypes.ValidateName(spec.Name); err != nil {
		return nil, badRequest("invalid_name", "name", "name %q: a model name is 1 to 128 printable characters without leading or trailing spaces", spec.Name)
	}
	if spec.BaseModelID == 0 {
		return nil, badRequest("base_model_required", "base_model_id", "choose a base model")
	}
	res, err := f.models.Model(ctx, &modelregtypes.QueryModelRequest{ModelId: spec.BaseModelID})
	if err != nil {
		return nil, badRequest("unknown_base_model", "base_model_id", "base model %d is not registered on chain", spec.BaseModelID)
	}
	m := res.Model
	if m.Kind != modelregtypes.MODEL_KIND_BASE || m.Status != modelregtypes.MODEL_STATUS_ACTIVE {
		return nil, badRequest("not_a_base_model", "base_model_id", "model %d is not an active base model", m.Id)
	}
	sha := hex.EncodeToString(m.Artifact.Sha256)
	base, err := f.base(sha)
	if err != nil {
		return nil, err
	}
	spec.Mapping = spec.Mapping.withDefaults()
	if err := spec.Mapping.validate(); err != nil {
		return nil, err
	}
	if err := spec.Hyperparameters.validate(&base.Model().Config); err != nil {
		return nil, err
	}
	if len(spec.Datasets) == 0 {
		return nil, badRequest("datasets_required", "datasets", "choose at least one Datanet version")
	}
	spec.Datasets = slices.Clone(spec.Datasets)
	slices.SortFunc(spec.Datasets, compareRefs)
	for i := 1; i < len(spec.Datasets); i++ {
		if ref := spec.Datasets[i]; compareRefs(spec.Datasets[i-1], ref) == 0 {
			return nil, badRequest("duplicate_dataset", "datasets", "datanet %d version %d is chosen twice", ref.DatanetID, ref.Version)
		}
	}
	rows, datasets, err := f.exportRows(ctx, spec.Datasets, spec.Mapping)
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, badRequest("no_rows", "datasets", "the chosen Datanet versions hold no rows to train on")
	}
	train, held := holdout(rows, spec.Hyperparameters.HoldoutPercent, spec.Hyperparameters.Seed)
	h := spec.Hyperparameters
	if _, err := examples(base, train, spec.Mapping.Format, h.MaxSeqLength); err != nil {
		return nil, err
	}
	if _, err := examples(base, held, spec.Mapping.Format, h.MaxSeqLength); err != nil {
		return nil, err
	}

	created := now()
	var suffix [3]byte
	_, _ = rand.Read(suffix[:])
	j := &Job{
		ID: fmt.Sprintf("%s-%x", created.Format("20060102-150405"), suffix), Spec: spec, Status: StatusQueued,
		Created: created, Updated: created, BaseSHA256: sha, Datasets: datasets, TrainRows: len(train), Holdout: len(held),
		Progress: Progress{Steps: h.steps(len(train))},
	}
	dir := f.jobs.jobDir(j.ID)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	if err := writeJSONFile(filepath.Join(dir, "rows.json"), jobRows{Train: train, Holdout: held}); err != nil {
		return nil, err
	}
	if err := f.jobs.save(j); err != nil {
		return nil, err
	}
	f.log.Info("job queued", "job", j.ID, "base", m.Id, "rows", len(train), "holdout", len(held), "steps", j.Progress.Steps)
	f.events.publish(j.ID, Event{Type: "job", Job: j})
	f.poke()
	return j, nil
}

func compareRefs(a, b DatasetRef) int {
	if a.DatanetID != b.DatanetID {
		if a.DatanetID < b.DatanetID {
			return -1
		}
		return 1
	}
	switch {
	case a.Version < b.Version:
		return -1
	case a.Version > b.Version:
		return 1
	}
	return 0
}

// Job returns a job.
func (f *Factory) Job(id string) (*Job, error) {
	if !validJobID(id) {
		return nil, notFound("job_not_found", "no job %q", id)
	}
	j, err := f.jobs.load(id)
	if err != nil {
		return nil, notFound("job_not_found", "no job %q", id)
	}
	return j, nil
}

// validJobID keeps job ids to the characters they are made of, so an id
// from a URL never names a path outside the jobs folder.
func validJobID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for _, c := range id {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') && c != '-' {
			return false
		}
	}
	return true
}

// Jobs lists every job, newest first.
func (f *Factory) Jobs() ([]*Job, error) {
	jobs, err := f.jobs.all()
	slices.Reverse(jobs)
	return jobs, err
}

// Losses is a job's loss curve.
func (f *Factory) Losses(id string) ([]LossPoint, error) {
	if _, err := f.Job(id); err != nil {
		return nil, err
	}
	return f.jobs.losses(id, -1)
}
