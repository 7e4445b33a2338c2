package keeper_test

import (
	"crypto/sha256"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/header"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/datanet"
	"github.com/openledger/openledger/x/datanet/keeper"
	"github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/banktest"
	"github.com/openledger/openledger/x/internal/keepertest"
	"github.com/openledger/openledger/x/internal/modulekit"
)

const (
	denom = types.DefaultDenom
	// startHeight is the block height of the test context.
	startHeight = 100
)

// account is a test account.
type account = keepertest.Account

type fixture struct {
	*keepertest.Fixture[keeper.Keeper, types.MsgServer, types.QueryServer]
	bank *banktest.Bank

	owner, alice, bob, carol, stranger account
}

// startBalance is what every test account starts with.
var startBalance = sdk.NewCoins(sdk.NewCoin(denom, math.NewIntWithDecimal(1000, 18)))

func newFixture(t testing.TB) *fixture {
	t.Helper()
	store := keepertest.NewStore(t, types.StoreKey, datanet.NewAppModule(keeper.Keeper{}), startHeight, time.Time{})
	bank := banktest.New(types.ModuleName)
	k := keeper.NewKeeper(store.KeeperEnv(), keepertest.AccountKeeper{}, bank, banktest.CommunityPool{Bank: bank})
	require.NoError(t, k.InitGenesis(store.Ctx, *types.DefaultGenesis()))

	f := &fixture{
		Fixture: keepertest.NewFixture(t, store, k, keeper.NewMsgServerImpl(k), keeper.NewQueryServerImpl(k), bank, keeper.AllInvariants),
		bank:    bank,
	}
	accs := keepertest.FundedAccounts(bank, startBalance, keepertest.Named(t, store.AddressCodec), "owner", "alice", "bob", "carol", "stranger")
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
	p, err := f.K.Params.Get(f.Ctx)
	require.NoError(f.T, err)
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
	f.T.Helper()
	msg := f.createMsg(f.owner)
	if mutate != nil {
		mutate(msg)
	}
	resp, err := keepertest.Deliver(f.Chain(), f.Msgs.CreateDatanet, msg)
	require.NoError(f.T, err)
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
	f.T.Helper()
	resp, err := keepertest.Deliver(f.Chain(), f.Msgs.SubmitContribution, submitMsg(from, datanetID, text))
	require.NoError(f.T, err)
	return resp.ContributionId
}

func (f *fixture) review(reviewer account, datanetID uint64, decisions ...types.ReviewDecision) *types.MsgReviewContributionsResponse {
	f.T.Helper()
	resp, err := keepertest.Deliver(f.Chain(), f.Msgs.ReviewContributions, &types.MsgReviewContributions{
		Reviewer: reviewer.Str, DatanetId: datanetID, Decisions: decisions,
	})
	require.NoError(f.T, err)
	return resp
}

func accept(id uint64) types.ReviewDecision {
	return types.ReviewDecision{ContributionId: id, Accept: true}
}

func reject(id uint64, reason string) types.ReviewDecision {
	return types.ReviewDecision{ContributionId: id, Reason: reason}
}

func (f *fixture) datanet(id uint64) types.Datanet {
	d, err := f.K.GetDatanet(f.Ctx, id)
	require.NoError(f.T, err)
	return d
}

func (f *fixture) contribution(id uint64) types.Contribution {
	c, err := f.K.GetContribution(f.Ctx, id)
	require.NoError(f.T, err)
	return c
}

func TestNewKeeperPanicsOnMissingDependencies(t *testing.T) {
	store := keepertest.NewStore(t, types.StoreKey, datanet.NewAppModule(keeper.Keeper{}), startHeight, time.Time{})
	bank := banktest.New(types.ModuleName)
	var nilBank *banktest.Bank
	build := func(bank types.BankKeeper, pool types.CommunityPoolKeeper) func(keeper.KeeperEnv, modulekit.ModuleAccounts) {
		return func(env keeper.KeeperEnv, ak modulekit.ModuleAccounts) { keeper.NewKeeper(env, ak, bank, pool) }
	}
	valid := build(bank, banktest.CommunityPool{Bank: bank})
	env := store.KeeperEnv()

	keepertest.RequireKeeperPanics(t, store, valid, keepertest.PanicCases{
		{"Failure - nil bank keeper (typed nil pointer)", func() { build(nilBank, banktest.CommunityPool{Bank: bank})(env, keepertest.AccountKeeper{}) }},
		{"Failure - nil community pool keeper", func() { build(bank, nil)(env, keepertest.AccountKeeper{}) }},
	})
}

// headerAt is the header info of a block height.
func headerAt(height int64) header.Info { return header.Info{Height: height} }

// StoredParams is where the module keeps its params.
func (f *fixture) StoredParams() collections.Item[types.Params] { return f.K.Params }

// ownerFailures are the ways every message that only a Datanet's owner may
// send fails: sent by another account or one that is no address, about an
// unknown Datanet, about an archived one. fields points at the message's owner and Datanet id.
func ownerFailures[M any](fields func(m M) (owner *string, id *uint64)) []keepertest.Failure[func(*fixture, M)] {
	return []keepertest.Failure[func(*fixture, M)]{
		{Name: "Failure - not the owner", Make: func(f *fixture, m M) {
			owner, _ := fields(m)
			*owner = f.bob.Str
		}, Want: types.ErrNotDatanetOwner},
		{Name: "Failure - invalid signer", Make: func(_ *fixture, m M) {
			owner, _ := fields(m)
			*owner = "nope"
		}, Want: types.ErrInvalidAddress},
		{Name: "Failure - unknown Datanet", Make: func(_ *fixture, m M) {
			_, id := fields(m)
			*id = 99
		}, Want: types.ErrDatanetNotFound},
		{Name: "Failure - archived Datanet", Make: func(f *fixture, m M) {
			_, id := fields(m)
			keepertest.MustDeliver(f.Chain(), f.Msgs.ArchiveDatanet, &types.MsgArchiveDatanet{Owner: f.owner.Str, DatanetId: *id})
		}, Want: types.ErrDatanetArchived},
	}
}
