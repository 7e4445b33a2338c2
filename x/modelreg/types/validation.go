package types

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"cosmossdk.io/core/address"
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/internal/modulekit"
)

// ValidateName checks a model name (1 to MaxNameLength bytes).
func ValidateName(name string) error {
	return modulekit.Text{Err: ErrInvalidName, Field: "name", Max: MaxNameLength, Required: true, Trimmed: true}.Check(name)
}

// ValidateArchitecture checks an architecture (1 to MaxArchitectureLength bytes).
func ValidateArchitecture(arch string) error {
	return modulekit.Text{Err: ErrInvalidArchitecture, Field: "architecture", Max: MaxArchitectureLength, Required: true, Trimmed: true}.Check(arch)
}

// ValidateLicense checks a license expression (1 to MaxLicenseLength bytes).
func ValidateLicense(license string) error {
	return modulekit.Text{Err: ErrInvalidLicense, Field: "license", Max: MaxLicenseLength, Required: true, Trimmed: true}.Check(license)
}

// ValidateReason checks a revocation reason (empty or at most MaxReasonLength bytes).
func ValidateReason(reason string) error {
	return modulekit.Text{Err: ErrInvalidReason, Field: "reason", Max: MaxReasonLength, Trimmed: true}.Check(reason)
}

// ValidateHash checks a SHA-256 hash or Merkle root.
func ValidateHash(field string, h []byte) error {
	if len(h) != HashLength {
		return errorsmod.Wrapf(ErrInvalidHashLength, "%s has %d bytes, want %d", field, len(h), HashLength)
	}
	return nil
}

// ValidateKind checks a kind and its base model reference: a base model has
// no base, a fine-tune or adapter has one.
func ValidateKind(kind ModelKind, baseModelID uint64) error {
	switch kind {
	case MODEL_KIND_BASE:
		if baseModelID != 0 {
			return errorsmod.Wrapf(ErrInvalidBaseModel, "a base model has no base model, got %d", baseModelID)
		}
	case MODEL_KIND_FULL_FINE_TUNE, MODEL_KIND_LORA_ADAPTER:
		if baseModelID == 0 {
			return errorsmod.Wrapf(ErrInvalidBaseModel, "a %s needs a base model", kind)
		}
	default:
		return errorsmod.Wrapf(ErrInvalidKind, "kind %s", kind)
	}
	return nil
}

// Validate checks an artifact.
func (a Artifact) Validate() error {
	if a.Uri == "" || len(a.Uri) > MaxURILength || !utf8.ValidString(a.Uri) ||
		strings.IndexFunc(a.Uri, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0 ||
		!strings.Contains(a.Uri, "://") {
		return errorsmod.Wrapf(ErrInvalidArtifact, "uri %q must be scheme://... without spaces, at most %d bytes", a.Uri, MaxURILength)
	}
	if err := ValidateHash("artifact sha256", a.Sha256); err != nil {
		return err
	}
	if a.SizeBytes == 0 {
		return errorsmod.Wrap(ErrInvalidArtifact, "size_bytes must be positive")
	}
	switch a.Format {
	case ARTIFACT_FORMAT_SAFETENSORS, ARTIFACT_FORMAT_PEFT_ADAPTER, ARTIFACT_FORMAT_GGUF:
	default:
		return errorsmod.Wrapf(ErrInvalidArtifact, "format %s", a.Format)
	}
	return nil
}

// isKeyChar is the alphabet of hyperparameter keys, metric names and methods.
func isKeyChar(r rune) bool {
	return (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') || r == '_' || r == '.' || r == '-'
}

func validKey(s string, max int) bool {
	return s != "" && len(s) <= max && strings.IndexFunc(s, func(r rune) bool { return !isKeyChar(r) }) < 0
}

// lessRef orders dataset references by (datanet id, version).
func lessRef(a, b DatasetRef) bool {
	return a.DatanetId < b.DatanetId || (a.DatanetId == b.DatanetId && a.Version < b.Version)
}

// CompareRefs orders dataset references by (datanet id, version).
func CompareRefs(a, b DatasetRef) int {
	switch {
	case lessRef(a, b):
		return -1
	case lessRef(b, a):
		return 1
	}
	return 0
}

// Validate checks a training record.
func (t TrainingRecord) Validate() error {
	if len(t.Datasets) > MaxDatasets {
		return errorsmod.Wrapf(ErrInvalidTraining, "%d datasets, at most %d", len(t.Datasets), MaxDatasets)
	}
	for i, d := range t.Datasets {
		if d.DatanetId == 0 || d.Version == 0 {
			return errorsmod.Wrapf(ErrInvalidTraining, "dataset %d: datanet %d version %d (both from 1)", i, d.DatanetId, d.Version)
		}
		if err := ValidateHash("dataset root", d.Root); err != nil {
			return errorsmod.Wrapf(err, "datanet %d version %d", d.DatanetId, d.Version)
		}
		if i > 0 && !lessRef(t.Datasets[i-1], d) {
			return errorsmod.Wrapf(ErrInvalidTraining, "datasets must be in ascending (datanet, version) order without duplicates: datanet %d version %d",
				d.DatanetId, d.Version)
		}
	}
	if t.Method != "" && !validKey(t.Method, MaxMethodLength) {
		return errorsmod.Wrapf(ErrInvalidTraining, "method %q must be [a-z0-9_.-], at most %d bytes", t.Method, MaxMethodLength)
	}
	if len(t.Hyperparameters) > MaxHyperparameters {
		return errorsmod.Wrapf(ErrInvalidTraining, "%d hyperparameters, at most %d", len(t.Hyperparameters), MaxHyperparameters)
	}
	for i, kv := range t.Hyperparameters {
		if !validKey(kv.Key, MaxKeyLength) {
			return errorsmod.Wrapf(ErrInvalidTraining, "hyperparameter key %q must be [a-z0-9_.-], at most %d bytes", kv.Key, MaxKeyLength)
		}
		if i > 0 && t.Hyperparameters[i-1].Key >= kv.Key {
			return errorsmod.Wrapf(ErrInvalidTraining, "hyperparameter keys must be sorted and unique: %q", kv.Key)
		}
		value := modulekit.Text{Err: ErrInvalidTraining, Field: "hyperparameter " + kv.Key, Max: MaxValueLength, Required: true, Trimmed: true}
		if err := value.Check(kv.Value); err != nil {
			return err
		}
	}
	if len(t.ConfigHash) != 0 {
		if err := ValidateHash("config_hash", t.ConfigHash); err != nil {
			return err
		}
	}
	if len(t.ManifestSha256) != 0 {
		if err := ValidateHash("manifest_sha256", t.ManifestSha256); err != nil {
			return err
		}
	}
	return modulekit.Text{Err: ErrInvalidTraining, Field: "trainer", Max: MaxTrainerLength, Trimmed: true}.Check(t.Trainer)
}

// ValidateMetricValue checks the fixed-point format of a metric value: an
// optional minus, 1 to MaxMetricIntegerDigits integer digits without leading
// zeros, a point and exactly MetricFractionDigits fraction digits.
func ValidateMetricValue(v string) error {
	s := strings.TrimPrefix(v, "-")
	intPart, frac, ok := strings.Cut(s, ".")
	digits := func(x string) bool {
		return x != "" && strings.IndexFunc(x, func(r rune) bool { return r < '0' || r > '9' }) < 0
	}
	if !ok || !digits(intPart) || !digits(frac) || len(intPart) > MaxMetricIntegerDigits ||
		(len(intPart) > 1 && intPart[0] == '0') || len(frac) != MetricFractionDigits || v == "-0.000000" {
		return errorsmod.Wrapf(ErrInvalidMetrics, "value %q must be a decimal with exactly %d fraction digits, e.g. 0.873400", v, MetricFractionDigits)
	}
	return nil
}

// ValidateMetrics checks eval metrics: at most MaxMetrics, names sorted and unique.
func ValidateMetrics(ms []Metric) error {
	if len(ms) > MaxMetrics {
		return errorsmod.Wrapf(ErrInvalidMetrics, "%d metrics, at most %d", len(ms), MaxMetrics)
	}
	for i, m := range ms {
		if !validKey(m.Name, MaxKeyLength) {
			return errorsmod.Wrapf(ErrInvalidMetrics, "name %q must be [a-z0-9_.-], at most %d bytes", m.Name, MaxKeyLength)
		}
		if i > 0 && ms[i-1].Name >= m.Name {
			return errorsmod.Wrapf(ErrInvalidMetrics, "names must be sorted and unique: %q", m.Name)
		}
		if err := ValidateMetricValue(m.Value); err != nil {
			return errorsmod.Wrapf(err, "metric %q", m.Name)
		}
	}
	return nil
}

// validatePriceComponent checks one price component against the cap.
func validatePriceComponent(field string, v, maxPrice math.Int) error {
	if v.IsNil() || v.IsNegative() {
		return errorsmod.Wrapf(ErrInvalidPrice, "%s %s must be zero or positive", field, v)
	}
	if v.GT(maxPrice) {
		return errorsmod.Wrapf(ErrInvalidPrice, "%s %s exceeds max_price %s", field, v, maxPrice)
	}
	return nil
}

// Validate checks a price against the max_price param.
func (p Price) Validate(maxPrice math.Int) error {
	if err := validatePriceComponent("per_call", p.PerCall, maxPrice); err != nil {
		return err
	}
	return validatePriceComponent("per_1k_tokens", p.Per_1KTokens, maxPrice)
}

// ValidateMetadata checks the fields MsgUpdateModel may change.
func ValidateMetadata(name, arch, license string, metrics []Metric, price Price, maxPrice math.Int) error {
	if err := ValidateName(name); err != nil {
		return err
	}
	if err := ValidateArchitecture(arch); err != nil {
		return err
	}
	if err := ValidateLicense(license); err != nil {
		return err
	}
	if err := ValidateMetrics(metrics); err != nil {
		return err
	}
	return price.Validate(maxPrice)
}

// Validate checks everything about a model that needs no other state: used
// for genesis, and for registration before the lineage checks.
func (m Model) Validate(ac address.Codec, maxPrice math.Int) error {
	if m.Id == 0 {
		return errorsmod.Wrap(ErrInvalidGenesis, "model id 0")
	}
	if _, canonical, err := ParseAddress(ac, "owner", m.Owner); err != nil {
		return err
	} else if canonical != m.Owner {
		return errorsmod.Wrapf(ErrInvalidAddress, "owner %q is not in canonical form %q", m.Owner, canonical)
	}
	if err := ValidateKind(m.Kind, m.BaseModelId); err != nil {
		return err
	}
	if err := ValidateMetadata(m.Name, m.Architecture, m.License, m.EvalMetrics, m.Price, maxPrice); err != nil {
		return err
	}
	if err := m.Artifact.Validate(); err != nil {
		return err
	}
	if err := m.Training.Validate(); err != nil {
		return err
	}
	switch m.Status {
	case MODEL_STATUS_ACTIVE, MODEL_STATUS_DEPRECATED, MODEL_STATUS_REVOKED:
	default:
		return errorsmod.Wrapf(ErrInvalidGenesis, "model %d status %s", m.Id, m.Status)
	}
	return nil
}

// DatanetIDs returns the distinct Datanet ids of a training record, ascending
// (the datasets are sorted by Datanet id already).
func (t TrainingRecord) DatanetIDs() []uint64 {
	var ids []uint64
	for _, d := range t.Datasets {
		if len(ids) == 0 || ids[len(ids)-1] != d.DatanetId {
			ids = append(ids, d.DatanetId)
		}
	}
	return ids
}

// SameRoot reports whether two roots are equal.
func SameRoot(a, b []byte) bool { return bytes.Equal(a, b) }

// ParseAddress decodes an account address with the chain's address codec and
// returns it with its canonical string form, the one stored in state.
func ParseAddress(ac address.Codec, field, s string) (sdk.AccAddress, string, error) {
	return modulekit.ParseAddress(ac, ErrInvalidAddress, field, s)
}
