package keeper_test

import (
	"crypto/sha256"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/address"
	"cosmossdk.io/core/header"
	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/runtime"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/datanet"
	"github.com/openledger/openledger/x/datanet/keeper"
	"github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/banktest"
	"github.com/openledger/openledger/x/internal/keepertest"
)

const (
	denom = types.DefaultDenom
	// startHeight is the block height of the test context.
	startHeight = 100
)

// account is a test account.
type account = keepertest.Account

type fixture struct {
	chain     *keepertest.Chain
	t         testing.TB
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

func newFixture(t testing.TB) *fixture {
	t.Helper()
	store := keepertest.NewStore(t, types.StoreKey, datanet.NewAppModule(keeper.Keeper{}), startHeight, time.Time{})
	key, ctx, ac, authority := store.Key, store.Ctx, store.AddressCodec, store.Authority

	bank := banktest.New(types.ModuleName)
	k := keeper.NewKeeper(store.Codec, runtime.NewKVStoreService(key), runtime.EventService{},
		runtime.ProvideHeaderInfoService(nil), ac, authority, keepertest.AccountKeeper{}, bank, banktest.CommunityPool{Bank: bank})
	require.NoError(t, k.InitGenesis(ctx, *types.DefaultGenesis()))

	f := &fixture{
		t: t, ctx: ctx, key: key, k: k, bank: bank, ac: ac, cdc: store.Codec, authority: authority,
		msgs: keeper.NewMsgServerImpl(k), queries: keeper.NewQueryServerImpl(k),
	}
	f.chain = &keepertest.Chain{T: t, Ctx: &f.ctx, Key: key, Bank: bank, Check: f.checkInvariants}
	accs := keepertest.FundedAccounts(bank, startBalance, keepertest.Named(t, ac), "owner", "alice", "bob", "carol", "stranger")
	f.owner, f.alice, f.bob, f.carol, f.stranger = accs[0], accs[1], accs[2], accs[3], accs[4]
	return f
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

// createMsg is a valid MsgCreateDatanet.
func (f *fixture) createMsg(owner account) *types.MsgCreateDatanet {
	return &types.MsgCreateDatanet{
		Owner:          owner.Str,
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
	resp, err := keepertest.Deliver(f.chain, f.msgs.CreateDatanet, msg)
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
		Contributor: from.Str, DatanetId: datanetID, ContentHash: hash,
		SizeBytes: uint64(len(data)), MediaType: "text/plain", InlineData: data,
	}
}

func (f *fixture) submit(from account, datanetID uint64, text string) uint64 {
	f.t.Helper()
	resp, err := keepertest.Deliver(f.chain, f.msgs.SubmitContribution, submitMsg(from, datanetID, text))
	require.NoError(f.t, err)
	return resp.ContributionId
}

func (f *fixture) review(reviewer account, datanetID uint64, decisions ...types.ReviewDecision) *types.MsgReviewContributionsResponse {
	f.t.Helper()
	resp, err := keepertest.Deliver(f.chain, f.msgs.ReviewContributions, &types.MsgReviewContributions{
		Reviewer: reviewer.Str, DatanetId: datanetID, Decisions: decisions,
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

func TestNewKeeperPanicsOnMissingDependencies(t *testing.T) {
	test := keepertest.NewStore(t, types.StoreKey, datanet.NewAppModule(keeper.Keeper{}), startHeight, time.Time{})
	key, cdc, ac, authority := test.Key, test.Codec, test.AddressCodec, test.Authority
	bank := banktest.New(types.ModuleName)
	var nilBank *banktest.Bank

	keepertest.RequirePanics(t, keepertest.PanicCases{
		{"Failure - nil store service", func() {
			keeper.NewKeeper(cdc, nil, runtime.EventService{}, runtime.ProvideHeaderInfoService(nil), ac, authority, keepertest.AccountKeeper{}, bank, banktest.CommunityPool{Bank: bank})
		}},
		{"Failure - nil address codec", func() {
			keeper.NewKeeper(cdc, runtime.NewKVStoreService(key), runtime.EventService{}, runtime.ProvideHeaderInfoService(nil), nil, authority, keepertest.AccountKeeper{}, bank, banktest.CommunityPool{Bank: bank})
		}},
		{"Failure - nil bank keeper (typed nil pointer)", func() {
			keeper.NewKeeper(cdc, runtime.NewKVStoreService(key), runtime.EventService{}, runtime.ProvideHeaderInfoService(nil), ac, authority, keepertest.AccountKeeper{}, nilBank, banktest.CommunityPool{Bank: bank})
		}},
		{"Failure - nil community pool keeper", func() {
			keeper.NewKeeper(cdc, runtime.NewKVStoreService(key), runtime.EventService{}, runtime.ProvideHeaderInfoService(nil), ac, authority, keepertest.AccountKeeper{}, bank, nil)
		}},
		{"Failure - module account not registered", func() {
			keeper.NewKeeper(cdc, runtime.NewKVStoreService(key), runtime.EventService{}, runtime.ProvideHeaderInfoService(nil), ac, authority, keepertest.NoModuleAccounts{}, bank, banktest.CommunityPool{Bank: bank})
		}},
		{"Failure - invalid authority", func() {
			keeper.NewKeeper(cdc, runtime.NewKVStoreService(key), runtime.EventService{}, runtime.ProvideHeaderInfoService(nil), ac, "gov", keepertest.AccountKeeper{}, bank, banktest.CommunityPool{Bank: bank})
		}},
	})
}

// headerAt is the header info of a block height.
func headerAt(height int64) header.Info { return header.Info{Height: height} }

// Chain is the chain the fixture's messages run on.
func (f *fixture) Chain() *keepertest.Chain { return f.chain }

// MsgServer is the module's Msg service on the fixture's keeper.
func (f *fixture) MsgServer() types.MsgServer { return f.msgs }

func (f *fixture) checkInvariants() { f.chain.RequireInvariants(keeper.AllInvariants(f.k)) }

// StoredParams is where the module keeps its params.
func (f *fixture) StoredParams() collections.Item[types.Params] { return f.k.Params }
