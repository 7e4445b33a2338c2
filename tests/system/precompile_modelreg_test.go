package system_test

import (
	"context"
	"crypto/sha256"
	"math/big"
	"strconv"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/openledger/openledger/precompiles/modelreg"
)

// A wallet registers a base model and its LoRA adapter through the model
// registry precompile; the chain records the wallet as owner and the adapter's
// lineage.
func TestModelregPrecompileFromAWallet(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	m := newPrecompileEVM(t, ctx, modelreg.ABIJSON, modelreg.Address)
	key := exportEthKey(t, "dev3")

	type artifact struct {
		Uri       string //nolint:revive // as the ABI names it
		Sha256    [32]byte
		SizeBytes uint64
		Format    uint8
	}
	type training struct {
		Datasets []struct {
			DatanetId uint64 //nolint:revive // as the ABI names it
			Version   uint64
			Root      [32]byte
		}
		Method          string
		Hyperparameters []struct{ Key, Value string }
		ConfigHash      [32]byte
		Trainer         string
		ManifestSha256  [32]byte
	}
	type price struct{ PerCall, Per1kTokens *big.Int }
	type registration struct {
		Name              string
		Kind              uint8
		BaseModelId       uint64 //nolint:revive // as the ABI names it
		Architecture      string
		Artifact          artifact
		Training          training
		EvalMetrics       []struct{ Name, Value string }
		License           string
		Price             price
		PreviousVersionId uint64 //nolint:revive // as the ABI names it
	}
	register := func(r registration) uint64 {
		receipt := m.send(key, "registerModel", r)
		return new(big.Int).SetBytes(m.event(receipt, "ModelRegistered").Topics[1].Bytes()).Uint64()
	}
	free := price{PerCall: new(big.Int), Per1kTokens: new(big.Int)}
	baseID := register(registration{
		Name: "evm-base", Kind: 1, Architecture: "llama", License: "MIT", Price: free,
		Artifact: artifact{Uri: "ipfs://evm-base", Sha256: sha256.Sum256([]byte("evm-base")), SizeBytes: 1 << 20, Format: 1},
	})
	adapterID := register(registration{
		Name: "evm-adapter", Kind: 3, BaseModelId: baseID, Architecture: "llama", License: "MIT",
		Price:    price{PerCall: big.NewInt(1_000_000_000), Per1kTokens: new(big.Int)},
		Artifact: artifact{Uri: "ipfs://evm-adapter", Sha256: sha256.Sum256([]byte("evm-adapter")), SizeBytes: 4096, Format: 2},
		Training: training{Method: "lora"},
	})

	var model struct {
		Model struct {
			Owner       string `json:"owner"`
			BaseModelID string `json:"base_model_id"`
		} `json:"model"`
	}
	queryJSON(t, &model, "query", "modelreg", "model", strconv.FormatUint(adapterID, 10))
	require.Equal(t, localnet.address(t, "dev3"), model.Model.Owner)
	require.Equal(t, strconv.FormatUint(baseID, 10), model.Model.BaseModelID)

	ancestors := m.view("getLineage", adapterID)[0]
	require.Equal(t, 1, len(ancestors.([]struct {
		Id           uint64         `json:"id"` //nolint:revive // as the ABI decoder names it
		Owner        common.Address `json:"owner"`
		Name         string         `json:"name"`
		Kind         uint8          `json:"kind"`
		BaseModelId  uint64         `json:"baseModelId"` //nolint:revive // as the ABI decoder names it
		Architecture string         `json:"architecture"`
		Artifact     struct {
			Uri       string   `json:"uri"` //nolint:revive // as the ABI decoder names it
			Sha256    [32]byte `json:"sha256"`
			SizeBytes uint64   `json:"sizeBytes"`
			Format    uint8    `json:"format"`
		} `json:"artifact"`
		Training struct {
			Datasets []struct {
				DatanetId uint64   `json:"datanetId"` //nolint:revive // as the ABI decoder names it
				Version   uint64   `json:"version"`
				Root      [32]byte `json:"root"`
			} `json:"datasets"`
			Method          string `json:"method"`
			Hyperparameters []struct {
				Key   string `json:"key"`
				Value string `json:"value"`
			} `json:"hyperparameters"`
			ConfigHash     [32]byte `json:"configHash"`
			Trainer        string   `json:"trainer"`
			ManifestSha256 [32]byte `json:"manifestSha256"`
		} `json:"training"`
		EvalMetrics []struct {
			Name  string `json:"name"`
			Value string `json:"value"`
		} `json:"evalMetrics"`
		License string `json:"license"`
		Price   struct {
			PerCall     *big.Int `json:"perCall"`
			Per1kTokens *big.Int `json:"per1kTokens"`
		} `json:"price"`
		Status            uint8  `json:"status"`
		PreviousVersionId uint64 `json:"previousVersionId"` //nolint:revive // as the ABI decoder names it
		CreatedHeight     int64  `json:"createdHeight"`
		UpdatedHeight     int64  `json:"updatedHeight"`
	})))

	// Someone else cannot deprecate it.
	stranger := crypto.PubkeyToAddress(exportEthKey(t, "dev4").PublicKey)
	codespace, _, message := m.revert(stranger, m.address, m.pack("deprecateModel", adapterID))
	require.Equal(t, "modelreg", codespace)
	require.Contains(t, message, "owner")
}
