package modelfactory

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
)

// Job statuses.
const (
	StatusQueued     = "queued"
	StatusRunning    = "running"
	StatusEvaluating = "evaluating"
	StatusCancelled  = "cancelled"
	StatusFailed     = "failed"
	StatusSucceeded  = "succeeded"
)

// JobSpec is what a user asks for.
type JobSpec struct {
	// Name is the name the adapter will be published under.
	Name            string          `json:"name"`
	BaseModelID     uint64          `json:"base_model_id"`
	Datasets        []DatasetRef    `json:"datasets"`
	Mapping         Mapping         `json:"mapping"`
	Hyperparameters Hyperparameters `json:"hyperparameters"`
}

// Job is a training job and where it stands.
type Job struct {
	ID      string    `json:"id"`
	Spec    JobSpec   `json:"spec"`
	Status  string    `json:"status"`
	Error   string    `json:"error,omitempty"`
	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`

	// BaseSHA256 and Datasets are what the job was checked against when
	// it was created.
	BaseSHA256 string            `json:"base_sha256"`
	Datasets   []ManifestDataset `json:"datasets"`
	TrainRows  int               `json:"train_rows"`
	Holdout    int               `json:"holdout_rows"`

	Progress Progress `json:"progress"`
	// BaseLoss is the held-out loss before training (the base model).
	BaseLoss   *float64          `json:"base_loss,omitempty"`
	Evaluation *Evaluation       `json:"evaluation,omitempty"`
	Adapter    *ManifestArtifact `json:"adapter,omitempty"`
	// Gradients are the recorded row gradients, once the run has them.
	Gradients *ManifestGradients `json:"gradients,omitempty"`
	Published *Publication       `json:"published,omitempty"`
}

// Progress is a job's training progress.
type Progress struct {
	Step            int     `json:"step"`
	Steps           int     `json:"steps"`
	Loss            float64 `json:"loss"`
	LearningRate    float64 `json:"learning_rate"`
	TokensPerSecond float64 `json:"tokens_per_second"`
	ETASeconds      float64 `json:"eta_seconds"`
	// TrainSeconds is the time spent training, over every run of the job.
	TrainSeconds float64 `json:"train_seconds"`
	Tokens       int64   `json:"tokens"`
}

// LossPoint is one step of the loss curve.
type LossPoint struct {
	Step         int     `json:"step"`
	Loss         float64 `json:"loss"`
	LearningRate float64 `json:"learning_rate"`
}

// Evaluation compares the base model and the adapter on held-out rows.
type Evaluation struct {
	// On is "holdout", or "training" when no row was held out.
	On                string       `json:"on"`
	Rows              int          `json:"rows"`
	BaseLoss          float64      `json:"base_loss"`
	AdapterLoss       float64      `json:"adapter_loss"`
	BasePerplexity    float64      `json:"base_perplexity"`
	AdapterPerplexity float64      `json:"adapter_perplexity"`
	Samples           []EvalSample `json:"samples"`
}

// EvalSample is one prompt answered by the base model and the adapter.
type EvalSample struct {
	Prompt    string `json:"prompt"`
	Reference string `json:"reference"`
	Base      string `json:"base"`
	Adapter   string `json:"adapter"`
}

// Publication is where a job's adapter went.
type Publication struct {
	ModelID        uint64 `json:"model_id"`
	Name           string `json:"name"`
	URI            string `json:"uri"`
	ManifestSHA256 string `json:"manifest_sha256"`
	ManifestURI    string `json:"manifest_uri"`
	TxHash         string `json:"tx_hash"`
	Height         int64  `json:"height"`
}

// jobStore keeps every job in a folder of its own under dir:
// job.json (the Job), rows.json (the verified rows), losses.jsonl (the
// curve), checkpoint/, adapter/ and manifest.json.
type jobStore struct {
	dir string
	mu  sync.Mutex
}

func (s *jobStore) jobDir(id string) string { return filepath.Join(s.dir, id) }

// save writes job.json atomically.
func (s *jobStore) save(j *Job) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return writeJSONFile(filepath.Join(s.jobDir(j.ID), "job.json"), j)
}

func (s *jobStore) load(id string) (*Job, error) {
	var j Job
	if err := readJSONFile(filepath.Join(s.jobDir(id), "job.json"), &j); err != nil {
		return nil, err
	}
	return &j, nil
}

// all lists the jobs, oldest first.
func (s *jobStore) all() ([]*Job, error) {
	entries, err := os.ReadDir(s.dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var jobs []*Job
	for _, e := range entries {
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		j, err := s.load(e.Name())
		if errors.Is(err, os.ErrNotExist) {
			continue // a job folder still being created
		}
		if err != nil {
			return nil, fmt.Errorf("job %s: %w", e.Name(), err)
		}
		jobs = append(jobs, j)
	}
	slices.SortFunc(jobs, func(a, b *Job) int { return strings.Compare(a.ID, b.ID) })
	return jobs, nil
}

// appendLoss adds a point to the job's loss curve.
func (s *jobStore) appendLoss(id string, p LossPoint) error {
	f, err := os.OpenFile(filepath.Join(s.jobDir(id), "losses.jsonl"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	bz, _ := json.Marshal(p)
	_, err = f.Write(append(bz, '\n'))
	if closeErr := f.Close(); err == nil {
		err = closeErr
	}
	return err
}

// losses reads the loss curve, keeping the first upTo steps (all when
// upTo < 0) and rewriting the file when it had more: points written after
// the last checkpoint are taken again when the job resumes.
func (s *jobStore) losses(id string, upTo int) ([]LossPoint, error) {
	path := filepath.Join(s.jobDir(id), "losses.jsonl")
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var points []LossPoint
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var p LossPoint
		if json.Unmarshal(sc.Bytes(), &p) != nil {
			break // a line cut short by a crash ends the curve
		}
		points = append(points, p)
	}
	f.Close()
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if upTo < 0 || len(points) <= upTo {
		return points, nil
	}
	points = points[:upTo]
	var b strings.Builder
	for _, p := range points {
		bz, _ := json.Marshal(p)
		b.Write(bz)
		b.WriteByte('\n')
	}
	return points, writeFileAtomic(path, []byte(b.String()))
}

func writeJSONFile(path string, v any) error {
	bz, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return writeFileAtomic(path, append(bz, '\n'))
}

func readJSONFile(path string, v any) error {
	bz, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return json.Unmarshal(bz, v)
}

// writeFileAtomic writes a file under a temporary name, syncs it and
// renames it into place.
func writeFileAtomic(path string, data []byte) error {
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if closeErr := f.Close(); err == nil {
		err = closeErr
	}
	if err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
