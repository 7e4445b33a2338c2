package system_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"
)

// TestModelRegistryLineage registers, on the real binary, a base model, a
// LoRA adapter trained on a Datanet version (from a PEFT folder the test
// writes) and a new version of that adapter, then reads the lineage back,
// deprecates the first adapter and checks that a non-owner cannot act.
func TestModelRegistryLineage(t *testing.T) {
	owner, contributor := "dev4", "dev3"
	ownerAddr := localnet.address(t, owner)

	// A Datanet version to train on.
	datanetTx(t, owner, "create-datanet", "Support tickets", "CC0-1.0", "public", "owner-reviews")
	var datanets struct {
		Datanets []struct {
			ID string `json:"id"`
		} `json:"datanets"`
	}
	queryJSON(t, &datanets, "query", "datanet", "datanets", "--owner", ownerAddr)
	datanetID := datanets.Datanets[len(datanets.Datanets)-1].ID
	row := filepath.Join(t.TempDir(), "ticket.txt")
	require.NoError(t, os.WriteFile(row, []byte("Ticket: the export button does nothing. Fix: clear the browser cache."), 0o600))
	datanetTx(t, contributor, "contribute-file", datanetID, row)
	id := contributions(t, datanetID)[0].ID
	datanetTx(t, owner, "review-contributions", datanetID, decision(id, true, "useful"))
	var version struct {
		Version struct {
			Root []byte `json:"root"`
		} `json:"version"`
	}
	queryJSON(t, &version, "query", "datanet", "version", datanetID, "1")

	var params struct {
		Params struct {
			RegistrationFee struct {
				Amount string `json:"amount"`
			} `json:"registration_fee"`
			FeeDestination string `json:"fee_destination"`
		} `json:"params"`
	}
	queryJSON(t, &params, "query", "modelreg", "params")
	require.Equal(t, "FEE_DESTINATION_BURN", params.Params.FeeDestination)

	// The base model, from a weights file.
	dir := t.TempDir()
	weights := filepath.Join(dir, "model.safetensors")
	require.NoError(t, os.WriteFile(weights, []byte("base model weights"), 0o600))
	before, supplyBefore := mustInt(t, localnet.balance(t, ownerAddr)), totalSupply(t)
	modelTx(t, owner, "register", "support-base", "--kind", "base", "--artifact", weights,
		"--uri", "hf://openledger/support-base", "--architecture", "llama", "--license", "apache-2.0")
	registrationFee := mustInt(t, params.Params.RegistrationFee.Amount)
	require.Equal(t, before.Sub(registrationFee).Sub(mustInt(t, datanetTxFee)).String(), localnet.balance(t, ownerAddr))
	require.Equal(t, supplyBefore.Sub(registrationFee).String(), totalSupply(t).String(), "the registration fee is burned")
	baseID := newestModel(t, ownerAddr)

	// A LoRA adapter on that version, and a second version of it.
	adapterV1 := modelFromPEFT(t, owner, baseID, datanetID, "8", "")
	adapterV2 := modelFromPEFT(t, owner, baseID, datanetID, "16", adapterV1)

	var lineage struct {
		Ancestors []struct {
			ID   string `json:"id"`
			Kind string `json:"kind"`
		} `json:"ancestors"`
		Datasets []struct {
			DatanetID string `json:"datanet_id"`
			Version   string `json:"version"`
			Root      []byte `json:"root"`
		} `json:"datasets"`
	}
	queryJSON(t, &lineage, "query", "modelreg", "lineage", adapterV2)
	ancestorIDs := []string{}
	for _, a := range lineage.Ancestors {
		ancestorIDs = append(ancestorIDs, a.ID)
	}
	require.Contains(t, ancestorIDs, adapterV1)
	require.Contains(t, ancestorIDs, baseID)
	require.Len(t, lineage.Datasets, 1)
	require.Equal(t, datanetID, lineage.Datasets[0].DatanetID)
	require.Equal(t, "1", lineage.Datasets[0].Version)
	require.Equal(t, version.Version.Root, lineage.Datasets[0].Root)

	var adapters struct {
		Models []struct {
			ID string `json:"id"`
		} `json:"models"`
	}
	queryJSON(t, &adapters, "query", "modelreg", "models-by-base", baseID)
	require.Len(t, adapters.Models, 2)

	modelTx(t, owner, "deprecate-model", adapterV1)
	var model struct {
		Model struct {
			Status string `json:"status"`
		} `json:"model"`
	}
	queryJSON(t, &model, "query", "modelreg", "model", adapterV1)
	require.Equal(t, "MODEL_STATUS_DEPRECATED", model.Model.Status)

	// Someone else can neither update nor deprecate the owner's model: the
	// simulation says so and nothing is broadcast.
	for _, args := range [][]string{
		{"update-model", adapterV2, "hijacked", "llama", "apache-2.0", `{"per_call":"1","per_1k_tokens":"0"}`},
		{"deprecate-model", adapterV2},
	} {
		args = append([]string{"modelreg"}, args...)
		_, err := localnet.tx(t, append(args, "--from", contributor, "--gas", "auto", "--gas-prices", gasPrice)...)
		require.Error(t, err)
		require.Contains(t, err.Error(), "owner")
	}
	var unchanged struct {
		Model struct {
			Name   string `json:"name"`
			Status string `json:"status"`
		} `json:"model"`
	}
	queryJSON(t, &unchanged, "query", "modelreg", "model", adapterV2)
	require.Equal(t, "support-lora", unchanged.Model.Name)
	require.Equal(t, "MODEL_STATUS_ACTIVE", unchanged.Model.Status)
}

// modelFromPEFT writes a PEFT adapter folder with LoRA rank r and registers it.
func modelFromPEFT(t *testing.T, owner, baseID, datanetID, r, previous string) string {
	t.Helper()
	dir := t.TempDir()
	config := `{"base_model_name_or_path": "openledger/support-base", "peft_type": "LORA", "r": ` + r +
		`, "lora_alpha": 32, "lora_dropout": 0.05, "target_modules": ["q_proj", "v_proj"], "task_type": "CAUSAL_LM"}`
	require.NoError(t, os.WriteFile(filepath.Join(dir, "adapter_config.json"), []byte(config), 0o600))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "adapter_model.safetensors"), []byte("adapter weights r="+r), 0o600))
	args := []string{
		"register", "support-lora", "--peft-dir", dir, "--base-model", baseID,
		"--dataset", datanetID + ":1", "--uri", "ipfs://adapter-r" + r, "--license", "apache-2.0",
		"--metric", "accuracy=0.91", "--price-per-call", math.NewInt(1_000_000_000_000_000).String(),
	}
	if previous != "" {
		args = append(args, "--previous-version", previous)
	}
	modelTx(t, owner, args...)
	return newestModel(t, localnet.address(t, owner))
}

func modelTx(t *testing.T, from string, args ...string) {
	t.Helper()
	moduleTx(t, from, "modelreg", args...)
}

// newestModel is the id of the owner's most recently registered model.
func newestModel(t *testing.T, owner string) string {
	t.Helper()
	var models struct {
		Models []struct {
			ID string `json:"id"`
		} `json:"models"`
	}
	queryJSON(t, &models, "query", "modelreg", "models", "--owner", owner)
	require.NotEmpty(t, models.Models)
	newest := models.Models[0].ID
	for _, m := range models.Models {
		if mustInt(t, m.ID).GT(mustInt(t, newest)) {
			newest = m.ID
		}
	}
	return newest
}
