package cli

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/openledger/openledger/x/modelreg/types"
)

// A PEFT folder as peft's save_pretrained writes it (trimmed).
const adapterConfig = `{
  "base_model_name_or_path": "meta-llama/Llama-3.2-1B",
  "peft_type": "LORA",
  "r": 16,
  "lora_alpha": 32,
  "lora_dropout": 0.05,
  "target_modules": ["v_proj", "q_proj"],
  "task_type": "CAUSAL_LM",
  "bias": "none"
}`

func writePEFTFolder(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, peftConfigFile), []byte(adapterConfig), 0o600))
	require.NoError(t, os.WriteFile(filepath.Join(dir, peftWeightsFile), []byte("weights"), 0o600))
	return dir
}

func TestReadPEFTAdapter(t *testing.T) {
	t.Run("Success - fields from adapter_config.json", func(t *testing.T) {
		adapter, err := readPEFTAdapter(writePEFTFolder(t))
		require.NoError(t, err)
		require.Equal(t, "meta-llama/Llama-3.2-1B", adapter.baseModel)
		require.Equal(t, "lora", adapter.method)
		sum := sha256.Sum256([]byte(adapterConfig))
		require.Equal(t, sum[:], adapter.configHash)
		require.Equal(t, []types.KeyValue{
			{Key: "lora_alpha", Value: "32"},
			{Key: "lora_dropout", Value: "0.05"},
			{Key: "r", Value: "16"},
			{Key: "target_modules", Value: "q_proj,v_proj"},
			{Key: "task_type", Value: "CAUSAL_LM"},
		}, adapter.hyperparameters)
		require.NoError(t, types.TrainingRecord{Method: adapter.method, Hyperparameters: adapter.hyperparameters}.Validate())
	})
	t.Run("Failure - weights missing", func(t *testing.T) {
		dir := writePEFTFolder(t)
		require.NoError(t, os.Remove(filepath.Join(dir, peftWeightsFile)))
		_, err := readPEFTAdapter(dir)
		require.ErrorContains(t, err, "not a PEFT adapter folder")
	})
	t.Run("Failure - no peft_type", func(t *testing.T) {
		dir := writePEFTFolder(t)
		require.NoError(t, os.WriteFile(filepath.Join(dir, peftConfigFile), []byte(`{"r": 8}`), 0o600))
		_, err := readPEFTAdapter(dir)
		require.ErrorContains(t, err, "peft_type")
	})
}

func TestFixedDecimal(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"0.9", "0.900000"},
		{"12", "12.000000"},
		{".5", "0.500000"},
		{"-1.25", "-1.250000"},
		{"007.1", "7.100000"},
		{"-0", "0.000000"},
	} {
		got, err := fixedDecimal(c.in)
		require.NoError(t, err, c.in)
		require.Equal(t, c.want, got, c.in)
		require.NoError(t, types.ValidateMetricValue(got), c.in)
	}
	for _, bad := range []string{"0.1234567", "1e3", "abc", "1.2.3"} {
		_, err := fixedDecimal(bad)
		require.Error(t, err, bad)
	}
}

func TestMergeHyperparametersAndDatasets(t *testing.T) {
	merged, err := mergeHyperparameters([]types.KeyValue{{Key: "r", Value: "16"}}, []string{"epochs=3", "r=8"})
	require.NoError(t, err)
	require.Equal(t, []types.KeyValue{{Key: "epochs", Value: "3"}, {Key: "r", Value: "8"}}, merged)
	_, err = mergeHyperparameters(nil, []string{"novalue"})
	require.Error(t, err)

	refs, err := parseDatasets([]string{"2:1", "1:3", "1:2"})
	require.NoError(t, err)
	require.Equal(t, []types.DatasetRef{{DatanetId: 1, Version: 2}, {DatanetId: 1, Version: 3}, {DatanetId: 2, Version: 1}}, refs)
	_, err = parseDatasets([]string{"1"})
	require.Error(t, err)
}

func TestRegistrationRecordsTheManifestHash(t *testing.T) {
	manifest := filepath.Join(t.TempDir(), "manifest.json")
	require.NoError(t, os.WriteFile(manifest, []byte(`{"seed": 7}`), 0o600))
	cmd := RegisterCmd()
	require.NoError(t, cmd.Flags().Set(flagPEFTDir, writePEFTFolder(t)))
	require.NoError(t, cmd.Flags().Set(flagManifest, manifest))
	msg, err := registrationFromFlags(cmd, "adapter")
	require.NoError(t, err)
	sum := sha256.Sum256([]byte(`{"seed": 7}`))
	require.Equal(t, sum[:], msg.Training.ManifestSha256)
	require.NoError(t, msg.Training.Validate())

	require.NoError(t, cmd.Flags().Set(flagManifest, filepath.Join(t.TempDir(), "missing.json")))
	_, err = registrationFromFlags(cmd, "adapter")
	require.ErrorContains(t, err, "missing.json")
}
