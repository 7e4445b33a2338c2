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

	"github.com/openledger/openledger/x/datanet"
	"github.com/openledger/openledger/x/datanet/keeper"
	"github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/banktest"
)

const (
	denom = types.DefaultDenom
	// startHeight is the block height of the test context.
	startHeight = 100
)

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
	ac        address.Codec
	cdc       codec.Codec
	authority string

	owner, alice, bob, carol, stranger account
}

// startBalance is what every test account starts with.
var startBalance = sdk.NewCoins(sdk.NewCoin(denom, math.NewIntWithDecimal(1000, 18)))

func newFixture(t *testing.T) *fixture {
	t.Helper()
	key := storetypes.NewKVStoreKey(types.StoreKey)
	tctx := testutil.DefaultContextWithDB(t, key, storetypes.NewTransientStoreKey("transient_test"))
	ctx := tctx.Ctx.WithBlockHeight(startHeight).WithHeaderInfo(header.Info{Height: startHeight})
	encCfg := moduletestutil.MakeTestEncodingConfig(datanet.NewAppModule(keeper.Keeper{}))
	ac := addresscodec.NewBech32Codec("open")
	authority, err := ac.BytesToString(authtypes.NewModuleAddress("gov"))
	require.NoError(t, err)

	bank := banktest.New(types.ModuleName)
	k := keeper.NewKeeper(encCfg.Codec, runtime.NewKVStoreService(key), runtime.EventService{},
		runtime.ProvideHeaderInfoService(nil), ac, authority, fakeAccountKeeper{}, bank, banktest.CommunityPool{Bank: bank})
	require.NoError(t, k.InitGenesis(ctx, *types.DefaultGenesis()))

	f := &fixture{
		t: t, ctx: ctx, key: key, k: k, bank: bank, ac: ac, cdc: encCfg.Codec, authority: authority,
		msgs: keeper.NewMsgServerImpl(k), queries: keeper.NewQueryServerImpl(k),
	}
	for _, a := range []struct {
		acc  *account
		name string
	}{{&f.owner, "owner"}, {&f.alice, "alice"}, {&f.bob, "bob"}, {&f.carol, "carol"}, {&f.stranger, "stranger"}} {
		addr := sdk.AccAddress(fmt.Sprintf("%-20s", a.name)[:20])
		s, err := ac.BytesToString(addr)
		require.NoError(t, err)
		*a.acc = account{addr: addr, str: s}
		bank.Mint(addr, startBalance)
	}
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

// balance is an account's aopen balance.
func (f *fixture) balance(addr sdk.AccAddress) math.Int {
	return f.bank.Balance(addr).AmountOf(denom)
}

func (f *fixture) moduleBalance() math.Int {
	return f.bank.ModuleBalance(types.ModuleName).AmountOf(denom)
}

func (f *fixture) communityPoolBalance() math.Int {
	return f.bank.ModuleBalance(banktest.CommunityPoolModule).AmountOf(denom)
}

func (f *fixture) params() types.Params {
	p, err := f.k.Params.Get(f.ctx)
	require.NoError(f.t, err)
	return p
}

func (f *fixture) setParams(mutate func(*types.Params)) {
	p := f.params()
	mutate(&p)
	require.NoError(f.t, f.k.Params.Set(f.ctx, p))
}

// createMsg is a valid MsgCreateDatanet.
func (f *fixture) createMsg(owner account) *types.MsgCreateDatanet {
	return &types.MsgCreateDatanet{
		Owner:          owner.str,
		Name:           "Medical Q&A",
		Summary:        "Curated medical questions and answers",
		Description:    "# Medical Q&A\n\nQuestions answered by clinicians.\n",
		Tags:           []string{"medical", "qa"},
		License:        "CC-BY-4.0",
		Visibility:     types.VISIBILITY_PUBLIC,
		CurationPolicy: types.CURATION_POLICY_OWNER_REVIEWS,
	}
}

// createDatanet creates a Datanet owned by f.owner, after mutate.
func (f *fixture) createDatanet(mutate func(*types.MsgCreateDatanet)) uint64 {
	f.t.Helper()
	msg := f.createMsg(f.owner)
	if mutate != nil {
		mutate(msg)
	}
	resp, err := deliver(f, f.msgs.CreateDatanet, msg)
	require.NoError(f.t, err)
	return resp.DatanetId
}

// content returns inline content and its hash.
func content(s string) ([]byte, []byte) {
	sum := sha256.Sum256([]byte(s))
	return []byte(s), sum[:]
}

// submitMsg is a valid inline MsgSubmitContribution.
func submitMsg(from account, datanetID uint64, text string) *types.MsgSubmitContribution {
	data, hash := content(text)
	return &types.MsgSubmitContribution{
		Contributor: from.str, DatanetId: datanetID, ContentHash: hash,
		SizeBytes: uint64(len(data)), MediaType: "text/plain", InlineData: data,
	}
}

func (f *fixture) submit(from account, datanetID uint64, text string) uint64 {
	f.t.Helper()
	resp, err := deliver(f, f.msgs.SubmitContribution, submitMsg(from, datanetID, text))
	require.NoError(f.t, err)
	return resp.ContributionId
}

func (f *fixture) review(reviewer account, datanetID uint64, decisions ...types.ReviewDecision) *types.MsgReviewContributionsResponse {
	f.t.Helper()
	resp, err := deliver(f, f.msgs.ReviewContributions, &types.MsgReviewContributions{
		Reviewer: reviewer.str, DatanetId: datanetID, Decisions: decisions,
	})
	require.NoError(f.t, err)
	return resp
}

func accept(id uint64) types.ReviewDecision {
	return types.ReviewDecision{ContributionId: id, Accept: true}
}

func reject(id uint64, reason string) types.ReviewDecision {
	return types.ReviewDecision{ContributionId: id, Reason: reason}
}

func (f *fixture) datanet(id uint64) types.Datanet {
	d, err := f.k.GetDatanet(f.ctx, id)
	require.NoError(f.t, err)
	return d
}

func (f *fixture) contribution(id uint64) types.Contribution {
	c, err := f.k.GetContribution(f.ctx, id)
	require.NoError(f.t, err)
	return c
}

// events returns the typed events of a type emitted so far.
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
	encCfg := moduletestutil.MakeTestEncodingConfig(datanet.NewAppModule(keeper.Keeper{}))
	ac := addresscodec.NewBech32Codec("open")
	authority, err := ac.BytesToString(authtypes.NewModuleAddress("gov"))
	require.NoError(t, err)
	bank := banktest.New(types.ModuleName)
	var nilBank *banktest.Bank

	cases := []struct {
		name string
		make func()
	}{
		{"Failure - nil store service", func() {
			keeper.NewKeeper(encCfg.Codec, nil, runtime.EventService{}, runtime.ProvideHeaderInfoService(nil), ac, authority, fakeAccountKeeper{}, bank, banktest.CommunityPool{Bank: bank})
		}},
		{"Failure - nil address codec", func() {
			keeper.NewKeeper(encCfg.Codec, runtime.NewKVStoreService(key), runtime.EventService{}, runtime.ProvideHeaderInfoService(nil), nil, authority, fakeAccountKeeper{}, bank, banktest.CommunityPool{Bank: bank})
		}},
		{"Failure - nil bank keeper (typed nil pointer)", func() {
			keeper.NewKeeper(encCfg.Codec, runtime.NewKVStoreService(key), runtime.EventService{}, runtime.ProvideHeaderInfoService(nil), ac, authority, fakeAccountKeeper{}, nilBank, banktest.CommunityPool{Bank: bank})
		}},
		{"Failure - nil community pool keeper", func() {
			keeper.NewKeeper(encCfg.Codec, runtime.NewKVStoreService(key), runtime.EventService{}, runtime.ProvideHeaderInfoService(nil), ac, authority, fakeAccountKeeper{}, bank, nil)
		}},
		{"Failure - module account not registered", func() {
			keeper.NewKeeper(encCfg.Codec, runtime.NewKVStoreService(key), runtime.EventService{}, runtime.ProvideHeaderInfoService(nil), ac, authority, noModuleAccounts{}, bank, banktest.CommunityPool{Bank: bank})
		}},
		{"Failure - invalid authority", func() {
			keeper.NewKeeper(encCfg.Codec, runtime.NewKVStoreService(key), runtime.EventService{}, runtime.ProvideHeaderInfoService(nil), ac, "gov", fakeAccountKeeper{}, bank, banktest.CommunityPool{Bank: bank})
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
