package types

// Limits on what a model may carry, so that one model stays a small
// transaction and a small state entry.
const (
	// MaxNameLength bounds a model name, in bytes.
	MaxNameLength = 64
	// MaxArchitectureLength bounds an architecture, in bytes.
	MaxArchitectureLength = 64
	// MaxLicenseLength bounds a license expression, in bytes.
	MaxLicenseLength = 64
	// MaxURILength bounds an artifact URI, in bytes.
	MaxURILength = 512
	// HashLength is the length of every SHA-256 hash and Merkle root.
	HashLength = 32
	// MaxDatasets bounds the Datanet versions of one training record.
	MaxDatasets = 32
	// MaxMethodLength bounds a training method, in bytes.
	MaxMethodLength = 32
	// MaxHyperparameters bounds the hyperparameters of one training record.
	MaxHyperparameters = 64
	// MaxKeyLength bounds a hyperparameter key or a metric name, in bytes.
	MaxKeyLength = 64
	// MaxValueLength bounds a hyperparameter value, in bytes.
	MaxValueLength = 128
	// MaxTrainerLength bounds a trainer, in bytes.
	MaxTrainerLength = 128
	// MaxMetrics bounds the eval metrics of one model.
	MaxMetrics = 32
	// MetricFractionDigits is the exact number of fraction digits of a metric value.
	MetricFractionDigits = 6
	// MaxMetricIntegerDigits bounds the integer part of a metric value.
	MaxMetricIntegerDigits = 18
	// MaxReasonLength bounds a revocation reason, in bytes.
	MaxReasonLength = 280
	// MaxLineageDepth bounds how many generations of ancestors (previous
	// versions and base models) a model may have, so a lineage walk is bounded.
	MaxLineageDepth = 64
)
