package types_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/openledger/openledger/x/modelreg/types"
)

func TestValidateMetricValue(t *testing.T) {
	for _, v := range []string{"0.000000", "0.873400", "12.500000", "-3.250000", "123456789012345678.000001"} {
		require.NoError(t, types.ValidateMetricValue(v), v)
	}
	for _, v := range []string{"", "1", "0.87", "0.8734000", "01.000000", "-0.000000", "1e3", "1.5e-01", " 0.100000", "+1.000000", "NaN", "1234567890123456789.000000"} {
		require.ErrorIs(t, types.ValidateMetricValue(v), types.ErrInvalidMetrics, v)
	}
}

func TestValidateKind(t *testing.T) {
	require.NoError(t, types.ValidateKind(types.MODEL_KIND_BASE, 0))
	require.NoError(t, types.ValidateKind(types.MODEL_KIND_LORA_ADAPTER, 1))
	require.ErrorIs(t, types.ValidateKind(types.MODEL_KIND_BASE, 1), types.ErrInvalidBaseModel)
	require.ErrorIs(t, types.ValidateKind(types.MODEL_KIND_FULL_FINE_TUNE, 0), types.ErrInvalidBaseModel)
	require.ErrorIs(t, types.ValidateKind(types.MODEL_KIND_UNSPECIFIED, 0), types.ErrInvalidKind)
}

func TestValidateNameAndHash(t *testing.T) {
	require.ErrorIs(t, types.ValidateName(""), types.ErrInvalidName)
	require.ErrorIs(t, types.ValidateName(" padded"), types.ErrInvalidName)
	require.ErrorIs(t, types.ValidateName("tab\there"), types.ErrInvalidName)
	require.NoError(t, types.ValidateName("Llama 3 8B — medical"))
	require.ErrorIs(t, types.ValidateHash("h", make([]byte, 31)), types.ErrInvalidHashLength)
	require.NoError(t, types.ValidateHash("h", make([]byte, 32)))
}

func TestTrainingRecordHashes(t *testing.T) {
	require.NoError(t, types.TrainingRecord{}.Validate(), "both hashes are optional")
	require.NoError(t, types.TrainingRecord{ConfigHash: make([]byte, 32), ManifestSha256: make([]byte, 32)}.Validate())
	require.ErrorIs(t, types.TrainingRecord{ManifestSha256: make([]byte, 20)}.Validate(), types.ErrInvalidHashLength)
	require.ErrorIs(t, types.TrainingRecord{ConfigHash: make([]byte, 33)}.Validate(), types.ErrInvalidHashLength)
}
