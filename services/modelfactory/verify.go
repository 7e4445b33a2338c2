package modelfactory

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"time"

	"github.com/openledger/openledger/ai/llm/train"
	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

// VerifyReport is the outcome of re-running a registered model's training.
type VerifyReport struct {
	ModelID uint64 `json:"model_id"`
	// Reproduced is true when the re-run adapter's bytes equal the
	// registered artifact and its config, and the losses equal the
	// manifest's.
	Reproduced     bool    `json:"reproduced"`
	ChainSHA256    string  `json:"chain_sha256"`
	RerunSHA256    string  `json:"rerun_sha256"`
	ConfigMatches  bool    `json:"config_matches"`
	LossesMatch    bool    `json:"losses_match"`
	Steps          int     `json:"steps"`
	Rows           int     `json:"rows"`
	Seconds        float64 `json:"seconds"`
	ManifestSHA256 string  `json:"manifest_sha256"`
	// GradientsSHA256 is the re-recorded row gradients' hash, when the
	// manifest names recorded gradients; they must match too.
	GradientsSHA256 string `json:"gradients_sha256,omitempty"`
	GradientsMatch  bool   `json:"gradients_match,omitempty"`
}

// Verify re-runs the training of a registered adapter from its manifest:
// it fetches the manifest by the hash on chain from store (a folder or an
// http(s) base URL of a content-addressed store), checks that the base
// model, the Datanet roots and every row (exported again from the chain
// and verified) are the ones the manifest names, trains again and compares
// the adapter's bytes with the artifact the chain records. progress, when
// set, receives every step.
func (f *Factory) Verify(ctx context.Context, modelID uint64, store string, progress func(step, steps int, loss float64)) (*VerifyReport, error) {
	started := time.Now()
	res, err := f.models.Model(ctx, &modelregtypes.QueryModelRequest{ModelId: modelID})
	if err != nil {
		return nil, fmt.Errorf("model %d: %w", modelID, err)
	}
	m := res.Model
	if len(m.Training.ManifestSha256) != sha256.Size {
		return nil, fmt.Errorf("model %d records no training manifest: it cannot be re-run", modelID)
	}
	report := &VerifyReport{ModelID: modelID, ChainSHA256: hex.EncodeToString(m.Artifact.Sha256), ManifestSHA256: hex.EncodeToString(m.Training.ManifestSha256)}
	raw, err := fetchObject(ctx, store, report.ManifestSHA256)
	if err != nil {
		return nil, fmt.Errorf("the training manifest: %w", err)
	}
	var man Manifest
	if err := json.Unmarshal(raw, &man); err != nil {
		return nil, fmt.Errorf("the training manifest: %w", err)
	}
	if man.Format != ManifestFormat {
		return nil, fmt.Errorf("the manifest's format is %q; this verifier reads %q", man.Format, ManifestFormat)
	}
	if man.Engine != EngineVersion {
		return nil, fmt.Errorf("the run was made by engine %q and this one is %q: byte-identical results are only promised on the same engine", man.Engine, EngineVersion)
	}
	if man.BaseModel.ModelID != m.BaseModelId {
		return nil, fmt.Errorf("the manifest names base model %d, the chain %d", man.BaseModel.ModelID, m.BaseModelId)
	}
	baseRes, err := f.models.Model(ctx, &modelregtypes.QueryModelRequest{ModelId: m.BaseModelId})
	if err != nil {
		return nil, fmt.Errorf("base model %d: %w", m.BaseModelId, err)
	}
	if hex.EncodeToString(baseRes.Model.Artifact.Sha256) != man.BaseModel.SHA256 {
		return nil, fmt.Errorf("the manifest's base model hash differs from base model %d's on chain", m.BaseModelId)
	}
	if err := sameDatasets(m.Training.Datasets, man.Datasets); err != nil {
		return nil, err
	}
	base, err := f.base(man.BaseModel.SHA256)
	if err != nil {
		return nil, err
	}
	refs := make([]DatasetRef, len(man.Datasets))
	for i, d := range man.Datasets {
		refs[i] = DatasetRef{DatanetID: d.DatanetID, Version: d.Version}
	}
	rows, exported, err := f.exportRows(ctx, refs, man.Mapping)
	if err != nil {
		return nil, err
	}
	if !slices.Equal(exported, man.Datasets) {
		return nil, fmt.Errorf("the Datanet versions exported now have roots %v, the manifest %v", exported, man.Datasets)
	}
	h := man.Hyperparameters
	trainRows, held := holdout(rows, h.HoldoutPercent, h.Seed)
	if diff := sameRows(man.Rows, manifestRows(trainRows)); diff != "" {
		return nil, fmt.Errorf("training rows differ from the manifest's: %s", diff)
	}
	if diff := sameRows(man.Holdout, manifestRows(held)); diff != "" {
		return nil, fmt.Errorf("held-out rows differ from the manifest's: %s", diff)
	}
	if err := h.validate(&base.Model().Config); err != nil {
		return nil, err
	}
	data, err := examples(base, trainRows, man.Mapping.Format, h.MaxSeqLength)
	if err != nil {
		return nil, err
	}
	steps := h.steps(len(data))
	if steps != man.Steps {
		return nil, fmt.Errorf("the manifest says %d steps and its settings give %d", man.Steps, steps)
	}
	tr, err := train.New(base.Model(), data, trainOptions(h, steps, man.BaseModel.ModelID))
	if err != nil {
		return nil, err
	}
	grads, err := newGradientRecording(base.Model(), tr, h, data, trainRows, steps)
	if err != nil {
		return nil, err
	}
	if (grads != nil) != (man.Gradients != nil) {
		return nil, fmt.Errorf("the manifest's settings and its gradients entry disagree (attribution_checkpoints %d)", h.AttributionCheckpoints)
	}
	losses := make([]float64, 0, steps)
	for tr.StepsDone() < steps {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		p := tr.Step()
		losses = append(losses, p.Loss)
		if grads != nil && grads.due(p.Step) {
			if err := grads.record(p, tr); err != nil {
				return nil, err
			}
		}
		if progress != nil {
			progress(p.Step, steps, p.Loss)
		}
	}
	dir, err := os.MkdirTemp("", "modelfactory-verify-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	if err := tr.SaveAdapter(dir); err != nil {
		return nil, err
	}
	art, err := adapterArtifact(dir)
	if err != nil {
		return nil, err
	}
	report.RerunSHA256 = art.WeightsSHA256
	report.ConfigMatches = art.ConfigSHA256 == hex.EncodeToString(m.Training.ConfigHash)
	report.LossesMatch = lossDigest(losses) == man.LossDigest
	report.Steps, report.Rows = steps, len(data)
	report.Reproduced = report.RerunSHA256 == report.ChainSHA256 && report.ConfigMatches && report.LossesMatch &&
		art.SizeBytes == m.Artifact.SizeBytes
	if grads != nil {
		_, entry, err := grads.finish()
		if err != nil {
			return nil, err
		}
		report.GradientsSHA256 = entry.SHA256
		report.GradientsMatch = entry.SHA256 == man.Gradients.SHA256 && entry.SizeBytes == man.Gradients.SizeBytes
		report.Reproduced = report.Reproduced && report.GradientsMatch
	}
	report.Seconds = time.Since(started).Seconds()
	return report, nil
}

// sameDatasets checks the manifest's Datanet versions against the chain's
// training record.
func sameDatasets(chain []modelregtypes.DatasetRef, manifest []ManifestDataset) error {
	if len(chain) != len(manifest) {
		return fmt.Errorf("the chain records %d Datanet versions, the manifest %d", len(chain), len(manifest))
	}
	for i, d := range chain {
		root, _ := hex.DecodeString(manifest[i].Root)
		if d.DatanetId != manifest[i].DatanetID || d.Version != manifest[i].Version || !bytes.Equal(d.Root, root) {
			return fmt.Errorf("dataset %d: the chain records datanet %d version %d root %X, the manifest datanet %d version %d root %s",
				i, d.DatanetId, d.Version, d.Root, manifest[i].DatanetID, manifest[i].Version, manifest[i].Root)
		}
	}
	return nil
}
