package keeper_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/core/address"
	"cosmossdk.io/core/header"
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"
	"github.com/cosmos/cosmos-sdk/runtime"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	"github.com/cosmos/cosmos-sdk/testutil"
	sdk "github.com/cosmos/cosmos-sdk/types"
	moduletestutil "github.com/cosmos/cosmos-sdk/types/module/testutil"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	datanettypes "github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/banktest"
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

// noModuleAccounts is an account keeper whose app registered no module accounts.
type noModuleAccounts struct{}

func (noModuleAccounts) GetModuleAddress(string) sdk.AccAddress { return nil }

type fakeAccountKeeper struct{}

func (fakeAccountKeeper) GetModuleAddress(name string) sdk.AccAddress {
	return authtypes.NewModuleAddress(name)
}

// account is a test account: its address and its canonical string.
type account struct {
	addr sdk.AccAddress
	str  string
}

type fixture struct {
	t         *testing.T
	ctx       sdk.Context
	key       *storetypes.KVStoreKey
	k         keeper.Keeper
	msgs      types.MsgServer
	queries   types.QueryServer
	bank      *banktest.Bank
	datanets  *fakeDatanets
	ac        address.Codec
	cdc       codec.Codec
	authority string

	owner, alice, bob account
	// ds1 and ds2 are two stored Datanet versions.
	ds1, ds2 types.DatasetRef
}

// startBalance is what every test account starts with.
var startBalance = sdk.NewCoins(sdk.NewCoin(denom, math.NewIntWithDecimal(1000, 18)))

func newFixture(t *testing.T) *fixture {
	t.Helper()
	key := storetypes.NewKVStoreKey(types.StoreKey)
	tctx := testutil.DefaultContextWithDB(t, key, storetypes.NewTransientStoreKey("transient_test"))
	ctx := tctx.Ctx.WithBlockHeight(startHeight).WithHeaderInfo(header.Info{Height: startHeight})
	encCfg := moduletestutil.MakeTestEncodingConfig(modelreg.NewAppModule(keeper.Keeper{}))
	ac := addresscodec.NewBech32Codec("open")
	authority, err := ac.BytesToString(authtypes.NewModuleAddress("gov"))
	require.NoError(t, err)

	bank := banktest.New(types.ModuleName)
	datanets := &fakeDatanets{}
	k := keeper.NewKeeper(encCfg.Codec, runtime.NewKVStoreService(key), runtime.EventService{},
		runtime.ProvideHeaderInfoService(nil), ac, authority, fakeAccountKeeper{}, bank, banktest.CommunityPool{Bank: bank}, datanets)
	require.NoError(t, k.InitGenesis(ctx, *types.DefaultGenesis()))

	f := &fixture{
		t: t, ctx: ctx, key: key, k: k, bank: bank, datanets: datanets, ac: ac, cdc: encCfg.Codec, authority: authority,
		msgs: keeper.NewMsgServerImpl(k), queries: keeper.NewQueryServerImpl(k),
	}
	for _, a := range []struct {
		acc  *account
		name string
	}{{&f.owner, "owner"}, {&f.alice, "alice"}, {&f.bob, "bob"}} {
		addr := sdk.AccAddress(fmt.Sprintf("%-20s", a.name)[:20])
		s, err := ac.BytesToString(addr)
		require.NoError(t, err)
		*a.acc = account{addr: addr, str: s}
		bank.Mint(addr, startBalance)
	}
	f.ds1 = datanets.add(1, 1)
	f.ds2 = datanets.add(2, 3)
	return f
}

// deliver runs a message the way a transaction does: in a cached context
// written back only on success. It then checks the module's invariants and
// that the bank's balances add up to its supply.
func deliver[Req, Resp any](f *fixture, handler func(context.Context, Req) (Resp, error), msg Req) (Resp, error) {
	f.t.Helper()
	cacheCtx, write := f.ctx.CacheContext()
	bankBefore := f.bank.Clone()
	resp, err := handler(cacheCtx, msg)
	if err != nil {
		*f.bank = *bankBefore
		return resp, err
	}
	write()
	f.checkInvariants()
	return resp, nil
}

func (f *fixture) checkInvariants() {
	f.t.Helper()
	msg, broken := keeper.AllInvariants(f.k)(f.ctx)
	require.False(f.t, broken, msg)
	require.True(f.t, f.bank.Total().Equal(f.bank.Supply()), "balances %s, supply %s", f.bank.Total(), f.bank.Supply())
	require.True(f.t, f.moduleBalance().IsZero(), "the module account keeps nothing")
}

// state is everything a message could change: the module's raw store and
// every balance and the supply.
type state struct {
	kv       [][2][]byte
	balances [][2]string // address, coins; sorted by address
	supply   string
}

func (f *fixture) snapshot() state {
	f.t.Helper()
	s := state{supply: f.bank.Supply().String()}
	it := f.ctx.KVStore(f.key).Iterator(nil, nil)
	defer it.Close()
	for ; it.Valid(); it.Next() {
		s.kv = append(s.kv, [2][]byte{bytes.Clone(it.Key()), bytes.Clone(it.Value())})
	}
	for _, b := range f.bank.Balances() {
		s.balances = append(s.balances, [2]string{string(b.Address), b.Coins.String()})
	}
	return s
}

// requireFailsUnchanged runs a message directly on the test context (no
// cache, unlike a transaction) and checks that it fails with want and
// leaves the store and every balance exactly as they were.
func requireFailsUnchanged[Req, Resp any](f *fixture, handler func(context.Context, Req) (Resp, error), msg Req, want *errorsmod.Error) {
	f.t.Helper()
	before := f.snapshot()
	_, err := handler(f.ctx, msg)
	require.Error(f.t, err)
	require.ErrorIs(f.t, err, want, "got %v", err)
	require.Equal(f.t, before, f.snapshot(), "a failed message changed state")
}

func (f *fixture) balance(addr sdk.AccAddress) math.Int {
	return f.bank.Balance(addr).AmountOf(denom)
}

func (f *fixture) moduleBalance() math.Int {
	return f.bank.ModuleBalance(types.ModuleName).AmountOf(denom)
}

func (f *fixture) communityPoolBalance() math.Int {
	return f.bank.ModuleBalance(banktest.CommunityPoolModule).AmountOf(denom)
}

func (f *fixture) setParams(mutate func(*types.Params)) {
	p, err := f.k.Params.Get(f.ctx)
	require.NoError(f.t, err)
	mutate(&p)
	require.NoError(f.t, f.k.Params.Set(f.ctx, p))
}

func hash(s string) []byte {
	sum := sha256.Sum256([]byte(s))
	return sum[:]
}

func oneOPEN() math.Int { return math.NewIntWithDecimal(1, 18) }

// baseMsg is a valid MsgRegisterModel for a base model.
func baseMsg(owner account) *types.MsgRegisterModel {
	return &types.MsgRegisterModel{
		Owner:        owner.str,
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
	f.t.Helper()
	resp, err := deliver(f, f.msgs.RegisterModel, msg)
	require.NoError(f.t, err)
	return resp.ModelId
}

func (f *fixture) model(id uint64) types.Model {
	m, err := f.k.GetModel(f.ctx, id)
	require.NoError(f.t, err)
	return m
}

func (f *fixture) setStatus(id uint64, s types.ModelStatus) {
	m := f.model(id)
	m.Status = s
	require.NoError(f.t, f.k.Models.Set(f.ctx, id, m))
}

// eventsOfType returns the typed events of a type emitted so far.
func eventsOfType(ctx sdk.Context, typ string) []sdk.Event {
	var out []sdk.Event
	for _, e := range ctx.EventManager().Events() {
		if e.Type == typ {
			out = append(out, e)
		}
	}
	return out
}

func TestNewKeeperPanicsOnMissingDependencies(t *testing.T) {
	key := storetypes.NewKVStoreKey(types.StoreKey)
	encCfg := moduletestutil.MakeTestEncodingConfig(modelreg.NewAppModule(keeper.Keeper{}))
	ac := addresscodec.NewBech32Codec("open")
	authority, err := ac.BytesToString(authtypes.NewModuleAddress("gov"))
	require.NoError(t, err)
	bank := banktest.New(types.ModuleName)
	store := runtime.NewKVStoreService(key)
	hs := runtime.ProvideHeaderInfoService(nil)
	var nilDatanets *fakeDatanets

	cases := []struct {
		name string
		make func()
	}{
		{"Failure - nil store service", func() {
			keeper.NewKeeper(encCfg.Codec, nil, runtime.EventService{}, hs, ac, authority, fakeAccountKeeper{}, bank, banktest.CommunityPool{Bank: bank}, &fakeDatanets{})
		}},
		{"Failure - nil datanet keeper (typed nil pointer)", func() {
			keeper.NewKeeper(encCfg.Codec, store, runtime.EventService{}, hs, ac, authority, fakeAccountKeeper{}, bank, banktest.CommunityPool{Bank: bank}, nilDatanets)
		}},
		{"Failure - nil community pool keeper", func() {
			keeper.NewKeeper(encCfg.Codec, store, runtime.EventService{}, hs, ac, authority, fakeAccountKeeper{}, bank, nil, &fakeDatanets{})
		}},
		{"Failure - module account not registered", func() {
			keeper.NewKeeper(encCfg.Codec, store, runtime.EventService{}, hs, ac, authority, noModuleAccounts{}, bank, banktest.CommunityPool{Bank: bank}, &fakeDatanets{})
		}},
		{"Failure - invalid authority", func() {
			keeper.NewKeeper(encCfg.Codec, store, runtime.EventService{}, hs, ac, "gov", fakeAccountKeeper{}, bank, banktest.CommunityPool{Bank: bank}, &fakeDatanets{})
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			require.Panics(t, tc.make)
		})
	}
}

// headerAt is the header info of a block height.
func headerAt(height int64) header.Info { return header.Info{Height: height} }
