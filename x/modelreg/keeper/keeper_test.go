package keeper_test

import (
	"context"
	"crypto/sha256"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/header"
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	datanettypes "github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/banktest"
	"github.com/openledger/openledger/x/internal/keepertest"
	"github.com/openledger/openledger/x/internal/modulekit"
	"github.com/openledger/openledger/x/modelreg"
	"github.com/openledger/openledger/x/modelreg/keeper"
	"github.com/openledger/openledger/x/modelreg/types"
)

const (
	denom = types.DefaultDenom
	// startHeight is the block height of the test context.
	startHeight = 100
)

// fakeDatanets is a DatanetKeeper holding versions in a slice, answering
// like x/datanet's keeper.
type fakeDatanets struct{ versions []datanettypes.Version }

func (d *fakeDatanets) GetVersion(_ context.Context, datanetID, version uint64) (datanettypes.Version, error) {
	for _, v := range d.versions {
		if v.DatanetId == datanetID && v.Version == version {
			return v, nil
		}
	}
	return datanettypes.Version{}, errorsmod.Wrapf(datanettypes.ErrVersionNotFound, "datanet %d version %d", datanetID, version)
}

// add stores a version with a root derived from its key and returns its ref.
func (d *fakeDatanets) add(datanetID, version uint64) types.DatasetRef {
	root := hash(fmt.Sprintf("datanet %d version %d", datanetID, version))
	d.versions = append(d.versions, datanettypes.Version{DatanetId: datanetID, Version: version, Root: root, LeafCount: 1, Height: 1})
	return types.DatasetRef{DatanetId: datanetID, Version: version, Root: root}
}

// account is a test account.
type account = keepertest.Account

type fixture struct {
	*keepertest.Fixture[keeper.Keeper, types.MsgServer, types.QueryServer]
	bank     *banktest.Bank
	datanets *fakeDatanets

	owner, alice, bob account
	// ds1 and ds2 are two stored Datanet versions.
	ds1, ds2 types.DatasetRef
}

// startBalance is what every test account starts with.
var startBalance = sdk.NewCoins(sdk.NewCoin(denom, math.NewIntWithDecimal(1000, 18)))

func newFixture(t testing.TB) *fixture {
	t.Helper()
	store := keepertest.NewStore(t, types.StoreKey, modelreg.NewAppModule(keeper.Keeper{}), startHeight, time.Time{})
	bank := banktest.New(types.ModuleName)
	datanets := &fakeDatanets{}
	k := keeper.NewKeeper(store.KeeperEnv(), keepertest.AccountKeeper{}, bank, banktest.CommunityPool{Bank: bank}, datanets)
	require.NoError(t, k.InitGenesis(store.Ctx, *types.DefaultGenesis()))

	f := &fixture{
		Fixture: keepertest.NewFixture(t, store, k, keeper.NewMsgServerImpl(k), keeper.NewQueryServerImpl(k), bank, keeper.AllInvariants),
		bank:    bank, datanets: datanets,
	}
	accs := keepertest.FundedAccounts(bank, startBalance, keepertest.Named(t, store.AddressCodec), "owner", "alice", "bob")
	f.owner, f.alice, f.bob = accs[0], accs[1], accs[2]
	f.ds1 = datanets.add(1, 1)
	f.ds2 = datanets.add(2, 3)
	return f
}

func (f *fixture) balance(addr sdk.AccAddress) math.Int {
	return f.bank.Balance(addr).AmountOf(denom)
}

func (f *fixture) communityPoolBalance() math.Int {
	return f.bank.ModuleBalance(banktest.CommunityPoolModule).AmountOf(denom)
}

func hash(s string) []byte {
	sum := sha256.Sum256([]byte(s))
	return sum[:]
}

func oneOPEN() math.Int { return math.NewIntWithDecimal(1, 18) }

// baseMsg is a valid MsgRegisterModel for a base model.
func baseMsg(owner account) *types.MsgRegisterModel {
	return &types.MsgRegisterModel{
		Owner:        owner.Str,
		Name:         "Llama 3 8B",
		Kind:         types.MODEL_KIND_BASE,
		Architecture: "llama-3-8b",
		Artifact: types.Artifact{
			Uri: "ipfs://bafybase", Sha256: hash("base weights"), SizeBytes: 16_000_000_000,
			Format: types.ARTIFACT_FORMAT_SAFETENSORS,
		},
		EvalMetrics: []types.Metric{{Name: "mmlu", Value: "0.664000"}},
		License:     "Apache-2.0",
		Price:       types.Price{PerCall: math.NewInt(1000), Per_1KTokens: math.NewInt(50)},
	}
}

// adapterMsg is a valid MsgRegisterModel for a LoRA adapter of base trained
// on the given datasets.
func adapterMsg(owner account, base uint64, datasets ...types.DatasetRef) *types.MsgRegisterModel {
	m := baseMsg(owner)
	m.Name = "Medical LoRA"
	m.Kind = types.MODEL_KIND_LORA_ADAPTER
	m.BaseModelId = base
	m.Artifact = types.Artifact{
		Uri: "ipfs://bafyadapter", Sha256: hash("adapter weights"), SizeBytes: 64_000_000,
		Format: types.ARTIFACT_FORMAT_PEFT_ADAPTER,
	}
	m.Training = types.TrainingRecord{
		Datasets: datasets,
		Method:   "lora",
		Hyperparameters: []types.KeyValue{
			{Key: "alpha", Value: "32"}, {Key: "learning_rate", Value: "0.0002"}, {Key: "rank", Value: "16"},
		},
		ConfigHash: hash("config"),
		Trainer:    "modelfactory",
	}
	return m
}

func (f *fixture) register(msg *types.MsgRegisterModel) uint64 {
	f.T.Helper()
	resp, err := keepertest.Deliver(f.Chain(), f.Msgs.RegisterModel, msg)
	require.NoError(f.T, err)
	return resp.ModelId
}

func (f *fixture) model(id uint64) types.Model {
	m, err := f.K.GetModel(f.Ctx, id)
	require.NoError(f.T, err)
	return m
}

func (f *fixture) setStatus(id uint64, s types.ModelStatus) {
	m := f.model(id)
	m.Status = s
	require.NoError(f.T, f.K.Models.Set(f.Ctx, id, m))
}

func TestNewKeeperPanicsOnMissingDependencies(t *testing.T) {
	store := keepertest.NewStore(t, types.StoreKey, modelreg.NewAppModule(keeper.Keeper{}), startHeight, time.Time{})
	bank := banktest.New(types.ModuleName)
	var nilDatanets *fakeDatanets
	build := func(pool types.CommunityPoolKeeper, datanets types.DatanetKeeper) func(keeper.KeeperEnv, modulekit.ModuleAccounts) {
		return func(env keeper.KeeperEnv, ak modulekit.ModuleAccounts) {
			keeper.NewKeeper(env, ak, bank, pool, datanets)
		}
	}
	env, pool := store.KeeperEnv(), banktest.CommunityPool{Bank: bank}

	keepertest.RequireKeeperPanics(t, store, build(pool, &fakeDatanets{}), keepertest.PanicCases{
		{"Failure - nil datanet keeper (typed nil pointer)", func() { build(pool, nilDatanets)(env, keepertest.AccountKeeper{}) }},
		{"Failure - nil community pool keeper", func() { build(nil, &fakeDatanets{})(env, keepertest.AccountKeeper{}) }},
	})
}

// headerAt is the header info of a block height.
func headerAt(height int64) header.Info { return header.Info{Height: height} }

// StoredParams is where the module keeps its params.
func (f *fixture) StoredParams() collections.Item[types.Params] { return f.K.Params }

// baseModelID is the id of the base model withBaseModel registers.
const baseModelID uint64 = 1

// withBaseModel is a fresh fixture where the owner has registered model
// baseModelID, a base model.
func withBaseModel(t testing.TB) *fixture {
	f := newFixture(t)
	f.register(baseMsg(f.owner))
	return f
}
