package cli

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/openledger/openledger/x/modelreg/types"
)

// The files of a PEFT adapter folder, as Hugging Face's peft library writes
// them with save_pretrained.
const (
	peftConfigFile  = "adapter_config.json"
	peftWeightsFile = "adapter_model.safetensors"
)

// peftAdapter is what a PEFT adapter folder tells about a model.
type peftAdapter struct {
	// baseModel is base_model_name_or_path, e.g. "meta-llama/Llama-3.2-1B".
	baseModel       string
	method          string
	hyperparameters []types.KeyValue
	configHash      []byte
	weightsPath     string
}

// peftHyperparameters are the adapter_config.json fields recorded on chain.
var peftHyperparameters = []string{"lora_alpha", "lora_dropout", "r", "target_modules", "task_type"}

// readPEFTAdapter reads adapter_config.json and locates the weights of a PEFT
// adapter folder. Numbers are kept as written (no floating point).
func readPEFTAdapter(dir string) (peftAdapter, error) {
	raw, err := os.ReadFile(filepath.Join(dir, peftConfigFile))
	if err != nil {
		return peftAdapter{}, fmt.Errorf("not a PEFT adapter folder: %w", err)
	}
	weights := filepath.Join(dir, peftWeightsFile)
	if _, err := os.Stat(weights); err != nil {
		return peftAdapter{}, fmt.Errorf("not a PEFT adapter folder: %w", err)
	}
	decoder := json.NewDecoder(bytes.NewReader(raw))
	decoder.UseNumber()
	var config map[string]any
	if err := decoder.Decode(&config); err != nil {
		return peftAdapter{}, fmt.Errorf("%s: %w", peftConfigFile, err)
	}

	adapter := peftAdapter{weightsPath: weights}
	sum := sha256.Sum256(raw)
	adapter.configHash = sum[:]
	adapter.baseModel, _ = config["base_model_name_or_path"].(string)
	peftType, _ := config["peft_type"].(string)
	if peftType == "" {
		return peftAdapter{}, fmt.Errorf("%s has no peft_type", peftConfigFile)
	}
	adapter.method = strings.ToLower(peftType)
	for _, key := range peftHyperparameters { // already sorted, as the chain requires
		value, ok := config[key]
		if !ok || value == nil {
			continue
		}
		text, err := hyperparameterText(value)
		if err != nil {
			return peftAdapter{}, fmt.Errorf("%s: %s: %w", peftConfigFile, key, err)
		}
		adapter.hyperparameters = append(adapter.hyperparameters, types.KeyValue{Key: key, Value: text})
	}
	return adapter, nil
}

// hyperparameterText renders a JSON value of adapter_config.json as text:
// numbers as written, lists (target_modules) sorted and comma-separated.
func hyperparameterText(value any) (string, error) {
	switch v := value.(type) {
	case string:
		return v, nil
	case json.Number:
		return v.String(), nil
	case bool:
		return fmt.Sprint(v), nil
	case []any:
		items := make([]string, 0, len(v))
		for _, item := range v {
			s, ok := item.(string)
			if !ok {
				return "", fmt.Errorf("list of %T, want strings", item)
			}
			items = append(items, s)
		}
		slices.Sort(items)
		return strings.Join(items, ","), nil
	}
	return "", fmt.Errorf("unsupported value %T", value)
}
