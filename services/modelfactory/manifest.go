package modelfactory

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// ManifestFormat names the manifest's layout.
const ManifestFormat = "openledger-training-manifest/1"

// EngineVersion names the training engine's numerics: a run reproduces
// byte for byte only on the engine version that made it.
const EngineVersion = "openledger-ai-llm-train/2"

// Manifest is everything needed to re-run a training and check that it
// reproduces the adapter: stored content-addressed beside the adapter,
// with its SHA-256 in the model's x/modelreg training record.
type Manifest struct {
	Format string `json:"format"`
	Engine string `json:"engine"`
	// BaseModel is the x/modelreg base model and its weights' SHA-256.
	BaseModel ManifestBase `json:"base_model"`
	// Datasets are the Datanet versions with the roots they were
	// verified against.
	Datasets []ManifestDataset `json:"datasets"`
	Mapping  Mapping           `json:"mapping"`
	// Rows are the training rows in the order given to the trainer
	// (which shuffles them each epoch with the seed); Holdout the rows
	// kept out for evaluation.
	Rows            []ManifestRow   `json:"rows"`
	Holdout         []ManifestRow   `json:"holdout"`
	Hyperparameters Hyperparameters `json:"hyperparameters"`
	Steps           int             `json:"steps"`
	// Losses are the per-step training losses; LossDigest is the SHA-256
	// of lossDigestText(Losses).
	Losses     []float64        `json:"losses"`
	LossDigest string           `json:"loss_digest"`
	Adapter    ManifestArtifact `json:"adapter"`
	// Gradients are the rows' recorded gradients, when the run recorded
	// them (hyperparameter attribution_checkpoints).
	Gradients *ManifestGradients `json:"gradients,omitempty"`
}

// ManifestBase names the base model.
type ManifestBase struct {
	ModelID uint64 `json:"model_id"`
	SHA256  string `json:"sha256"`
}

// ManifestDataset is one Datanet version and its root.
type ManifestDataset struct {
	DatanetID uint64 `json:"datanet_id"`
	Version   uint64 `json:"version"`
	Root      string `json:"root"`
}

// ManifestRow names one row by its source and hash.
type ManifestRow struct {
	DatanetID      uint64 `json:"datanet_id"`
	ContributionID uint64 `json:"contribution_id"`
	Line           int    `json:"line"`
	SHA256         string `json:"sha256"`
}

// ManifestArtifact is the adapter the run produced.
type ManifestArtifact struct {
	WeightsSHA256 string `json:"weights_sha256"`
	ConfigSHA256  string `json:"config_sha256"`
	SizeBytes     uint64 `json:"size_bytes"`
}

func manifestRows(rows []Row) []ManifestRow {
	out := make([]ManifestRow, len(rows))
	for i, r := range rows {
		out[i] = ManifestRow{DatanetID: r.DatanetID, ContributionID: r.ContributionID, Line: r.Line, SHA256: r.SHA256}
	}
	return out
}

// lossDigestText is one "step loss" line per step, each loss in the
// shortest decimal that reads back as the same float64.
func lossDigestText(losses []float64) string {
	var b strings.Builder
	for i, l := range losses {
		fmt.Fprintf(&b, "%d %s\n", i+1, strconv.FormatFloat(l, 'g', -1, 64))
	}
	return b.String()
}

func lossDigest(losses []float64) string {
	sum := sha256.Sum256([]byte(lossDigestText(losses)))
	return hex.EncodeToString(sum[:])
}

// encode is the manifest's stored bytes (indented JSON), whose SHA-256
// the chain records.
func (m *Manifest) encode() ([]byte, error) {
	bz, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(bz, '\n'), nil
}

// sameRows reports the first place two row lists differ, or "".
func sameRows(want, got []ManifestRow) string {
	if len(want) != len(got) {
		return fmt.Sprintf("%d rows in the manifest, %d exported now", len(want), len(got))
	}
	for i := range want {
		if want[i] != got[i] {
			return fmt.Sprintf("row %d: the manifest has contribution %d line %d (%s), the export contribution %d line %d (%s)",
				i, want[i].ContributionID, want[i].Line, want[i].SHA256, got[i].ContributionID, got[i].Line, got[i].SHA256)
		}
	}
	return ""
}
