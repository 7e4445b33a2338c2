package modelreg_test

import (
	"crypto/sha256"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	ethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/core/header"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/precompiles/datanet"
	"github.com/openledger/openledger/precompiles/modelreg"
	"github.com/openledger/openledger/precompiles/precompilekit"
	"github.com/openledger/openledger/testutil"
	datanetkeeper "github.com/openledger/openledger/x/datanet/keeper"
	modelregkeeper "github.com/openledger/openledger/x/modelreg/keeper"
	"github.com/openledger/openledger/x/modelreg/types"
)

type logs []*ethtypes.Log

func (l *logs) AddLog(log *ethtypes.Log) { *l = append(*l, log) }

// caller runs one precompile's methods as accounts of a real in-process
// chain, on a context that keeps its writes.
type caller struct {
	t    *testing.T
	ctx  sdk.Context
	p    *precompilekit.Precompile
	logs logs
}

func (c *caller) call(from common.Address, method string, args ...any) ([]any, error) {
	c.t.Helper()
	input, err := c.p.Pack(method, args...)
	require.NoError(c.t, err)
	out, err := c.p.Invoke(c.ctx, from, input, &c.logs)
	if err != nil {
		return nil, err
	}
	values, err := c.p.Methods[method].Outputs.Unpack(out)
	require.NoError(c.t, err)
	return values, nil
}

func (c *caller) mustCall(from common.Address, method string, args ...any) []any {
	c.t.Helper()
	out, err := c.call(from, method, args...)
	require.NoError(c.t, err)
	return out
}

// Solidity structs as go-ethereum's ABI encoder takes them.
type (
	artifact struct {
		Uri       string   `json:"uri"` //nolint:revive // as the ABI names it
		Sha256    [32]byte `json:"sha256"`
		SizeBytes uint64   `json:"sizeBytes"`
		Format    uint8    `json:"format"`
	}
	datasetRef struct {
		DatanetId uint64   `json:"datanetId"` //nolint:revive // as the ABI names it
		Version   uint64   `json:"version"`
		Root      [32]byte `json:"root"`
	}
	keyValue struct {
		Key   string `json:"key"`
		Value string `json:"value"`
	}
	training struct {
		Datasets        []datasetRef `json:"datasets"`
		Method          string       `json:"method"`
		Hyperparameters []keyValue   `json:"hyperparameters"`
		ConfigHash      [32]byte     `json:"configHash"`
		Trainer         string       `json:"trainer"`
		ManifestSha256  [32]byte     `json:"manifestSha256"`
	}
	metric struct {
		Name  string `json:"name"`
		Value string `json:"value"`
	}
	price struct {
		PerCall     *big.Int `json:"perCall"`
		Per1kTokens *big.Int `json:"per1kTokens"`
	}
	registration struct {
		Name              string   `json:"name"`
		Kind              uint8    `json:"kind"`
		BaseModelId       uint64   `json:"baseModelId"` //nolint:revive // as the ABI names it
		Architecture      string   `json:"architecture"`
		Artifact          artifact `json:"artifact"`
		Training          training `json:"training"`
		EvalMetrics       []metric `json:"evalMetrics"`
		License           string   `json:"license"`
		Price             price    `json:"price"`
		PreviousVersionId uint64   `json:"previousVersionId"` //nolint:revive // as the ABI names it
	}
)

func TestModelregPrecompileRegistersWithLineage(t *testing.T) {
	chain := testutil.NewChain(t, 1000, 1000, 1000, 1_000_000)
	a := chain.App
	codec := a.AccountKeeper.AddressCodec()
	ctx := chain.Context().WithHeaderInfo(header.Info{Height: 50})
	owner := common.BytesToAddress(chain.Accounts[0].Address)
	stranger := common.BytesToAddress(chain.Accounts[1].Address)

	dn, err := datanet.NewPrecompile(datanetkeeper.NewMsgServerImpl(a.DatanetKeeper), datanetkeeper.NewQueryServerImpl(a.DatanetKeeper), codec, a.BankKeeper)
	require.NoError(t, err)
	mr, err := modelreg.NewPrecompile(modelregkeeper.NewMsgServerImpl(a.ModelregKeeper), modelregkeeper.NewQueryServerImpl(a.ModelregKeeper), codec, a.BankKeeper)
	require.NoError(t, err)
	datanets := &caller{t: t, ctx: ctx, p: dn}
	models := &caller{t: t, ctx: ctx, p: mr}

	// A Datanet version to train on, made through the Datanet precompile.
	datanetID := datanets.mustCall(owner, "createDatanet", "corpus", "", "", []string{}, "MIT", uint8(1), uint8(1))[0].(uint64)
	text := []byte("the data an adapter was trained on")
	contributionID := datanets.mustCall(owner, "submitContribution", datanetID, sha256.Sum256(text), uint64(len(text)), "text/plain", text, "")[0].(uint64)
	decisions := []struct {
		ContributionId uint64 `json:"contributionId"` //nolint:revive // as the ABI names it
		Accept         bool   `json:"accept"`
		Reason         string `json:"reason"`
	}{{ContributionId: contributionID, Accept: true}}
	root := datanets.mustCall(owner, "reviewContributions", datanetID, decisions)[3].([32]byte)

	balanceBefore := a.BankKeeper.GetBalance(ctx, owner.Bytes(), "aopen").Amount
	params, err := a.ModelregKeeper.Params.Get(ctx)
	require.NoError(t, err)
	zero := price{PerCall: new(big.Int), Per1kTokens: new(big.Int)}
	base := registration{
		Name: "base", Kind: uint8(types.MODEL_KIND_BASE), Architecture: "llama",
		Artifact: artifact{Uri: "ipfs://base", Sha256: sha256.Sum256([]byte("base")), SizeBytes: 1000, Format: uint8(types.ARTIFACT_FORMAT_SAFETENSORS)},
		License:  "MIT", Price: zero,
	}
	baseID := models.mustCall(owner, "registerModel", base)[0].(uint64)
	log := models.logs[len(models.logs)-1]
	require.Equal(t, mr.Events["ModelRegistered"].ID, log.Topics[0])
	require.Equal(t, common.BytesToHash(owner.Bytes()), log.Topics[2])
	require.Equal(t, balanceBefore.Sub(params.RegistrationFee.Amount), a.BankKeeper.GetBalance(ctx, owner.Bytes(), "aopen").Amount)

	adapter := registration{
		Name: "adapter", Kind: uint8(types.MODEL_KIND_LORA_ADAPTER), BaseModelId: baseID, Architecture: "llama",
		Artifact: artifact{Uri: "ipfs://adapter", Sha256: sha256.Sum256([]byte("adapter")), SizeBytes: 10, Format: uint8(types.ARTIFACT_FORMAT_PEFT_ADAPTER)},
		Training: training{
			Datasets: []datasetRef{{DatanetId: datanetID, Version: 1, Root: root}}, Method: "lora",
			Hyperparameters: []keyValue{{Key: "lr", Value: "0.0002"}, {Key: "r", Value: "8"}},
		},
		EvalMetrics: []metric{{Name: "loss", Value: "1.250000"}},
		License:     "MIT", Price: price{PerCall: big.NewInt(1000), Per1kTokens: big.NewInt(7)},
	}
	adapterID := models.mustCall(owner, "registerModel", adapter)[0].(uint64)

	stored, err := a.ModelregKeeper.GetModel(ctx, adapterID)
	require.NoError(t, err)
	require.Equal(t, baseID, stored.BaseModelId)
	require.Equal(t, root[:], stored.Training.Datasets[0].Root)
	require.Empty(t, stored.Training.ConfigHash, "a zero bytes32 is no hash")
	require.Equal(t, "7", stored.Price.Per_1KTokens.String())

	lineage := models.mustCall(stranger, "getLineage", adapterID)
	ancestors := lineage[0].([]struct {
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
	})
	require.Len(t, ancestors, 1)
	require.Equal(t, baseID, ancestors[0].Id)
	require.Equal(t, owner, ancestors[0].Owner)
	datasets := lineage[1].([]struct {
		DatanetId uint64   `json:"datanetId"` //nolint:revive // as the ABI decoder names it
		Version   uint64   `json:"version"`
		Root      [32]byte `json:"root"`
	})
	require.Len(t, datasets, 1)
	require.Equal(t, root, datasets[0].Root)

	// A wrong root for the cited version is the module's own error.
	adapter.Name = "mislabelled"
	adapter.Training.Datasets[0].Root = sha256.Sum256([]byte("another root"))
	_, err = models.call(owner, "registerModel", adapter)
	requireCosmosError(t, mr.ABI, err, types.ModuleName)

	// Only the owner changes or hands over a model.
	_, err = models.call(stranger, "deprecateModel", adapterID)
	requireCosmosError(t, mr.ABI, err, types.ModuleName)
	models.mustCall(owner, "updateModel", adapterID, "adapter v1", "llama", []metric{{Name: "loss", Value: "1.200000"}}, "MIT", zero)
	models.mustCall(owner, "transferOwnership", adapterID, stranger)
	models.mustCall(stranger, "deprecateModel", adapterID)
	stored, err = a.ModelregKeeper.GetModel(ctx, adapterID)
	require.NoError(t, err)
	strangerStr, err := codec.BytesToString(stranger.Bytes())
	require.NoError(t, err)
	require.Equal(t, strangerStr, stored.Owner)
	require.Equal(t, "adapter v1", stored.Name)
	require.Equal(t, types.MODEL_STATUS_DEPRECATED, stored.Status)
	require.Equal(t, mr.Events["ModelDeprecated"].ID, models.logs[len(models.logs)-1].Topics[0])
}

func requireCosmosError(t *testing.T, parsed abi.ABI, err error, codespace string) {
	t.Helper()
	require.Error(t, err)
	data, packErr := precompilekit.RevertData(parsed, err)
	require.NoError(t, packErr)
	values, unpackErr := parsed.Errors[precompilekit.RevertErrorName].Inputs.Unpack(data[4:])
	require.NoError(t, unpackErr)
	require.Equal(t, codespace, values[0], "%v", err)
	require.NotZero(t, values[1])
}
