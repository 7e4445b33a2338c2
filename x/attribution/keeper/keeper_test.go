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
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/openledger/openledger/ai/poa"
	"github.com/openledger/openledger/x/attribution"
	"github.com/openledger/openledger/x/attribution/keeper"
	"github.com/openledger/openledger/x/attribution/types"
	datanettypes "github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/banktest"
	"github.com/openledger/openledger/x/internal/keepertest"
	"github.com/openledger/openledger/x/internal/modulekit"
	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

const (
	denom = types.RewardDenom
	// feesModule is the settling module that hands data rewards over.
	feesModule = "inferencefees"
	// startHeight is the block height of the test context.
	startHeight = 100
)

// startTime is the block time of the test context.
var startTime = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// fakeDatanets is a DatanetKeeper holding Datanets, contributions and
// versions in slices, answering with x/datanet's registered errors.
type fakeDatanets struct {
	datanets      []datanettypes.Datanet
	contributions []datanettypes.Contribution
	versions      []datanettypes.Version
}

func (d *fakeDatanets) GetDatanet(_ context.Context, id uint64) (datanettypes.Datanet, error) {
	for _, x := range d.datanets {
		if x.Id == id {
			return x, nil
		}
	}
	return datanettypes.Datanet{}, errorsmod.Wrapf(datanettypes.ErrDatanetNotFound, "datanet %d", id)
}

func (d *fakeDatanets) GetContribution(_ context.Context, id uint64) (datanettypes.Contribution, error) {
	for _, x := range d.contributions {
		if x.Id == id {
			return x, nil
		}
	}
	return datanettypes.Contribution{}, errorsmod.Wrapf(datanettypes.ErrContributionNotFound, "contribution %d", id)
}

func (d *fakeDatanets) GetVersion(_ context.Context, datanetID, version uint64) (datanettypes.Version, error) {
	for _, v := range d.versions {
		if v.DatanetId == datanetID && v.Version == version {
			return v, nil
		}
	}
	return datanettypes.Version{}, errorsmod.Wrapf(datanettypes.ErrVersionNotFound, "datanet %d version %d", datanetID, version)
}

// addVersion stores a version with a root derived from its key.
func (d *fakeDatanets) addVersion(datanetID, version, leafCount uint64) types.DatasetVersion {
	root := hash(fmt.Sprintf("datanet %d version %d", datanetID, version))
	d.versions = append(d.versions, datanettypes.Version{DatanetId: datanetID, Version: version, Root: root, LeafCount: leafCount, Height: 1})
	return types.DatasetVersion{DatanetId: datanetID, Version: version, Root: root}
}

func (d *fakeDatanets) addContribution(id, datanetID uint64, contributor account, status datanettypes.ContributionStatus, leaf uint64) {
	d.contributions = append(d.contributions, datanettypes.Contribution{
		Id: id, DatanetId: datanetID, Contributor: contributor.Str, Status: status, LeafIndex: leaf,
	})
}

// errNotAttestor is what the fake x/agentstake answers for a non-attestor.
var errNotAttestor = errorsmod.Register("fakeagentstake", 2, "agent is not an active attestor")

// slashCall records one SlashForAttribution call.
type slashCall struct {
	operator, challenger sdk.AccAddress
	evidenceRef          string
	infractionHeight     int64
}

// fakeAgentstake answers AttestorStake from a list of attestors, keeps the
// total as the sum unless totalOverride is set, and records slashes.
type fakeAgentstake struct {
	attestors     []attestorStake
	totalOverride *math.Int
	slashAmount   math.Int
	slashErr      error
	slashes       []slashCall
}

type attestorStake struct {
	Addr  sdk.AccAddress
	stake math.Int
}

func (a *fakeAgentstake) AttestorStake(_ context.Context, op sdk.AccAddress) (math.Int, error) {
	for _, x := range a.attestors {
		if x.Addr.Equals(op) {
			return x.stake, nil
		}
	}
	return math.Int{}, errorsmod.Wrapf(errNotAttestor, "%s", op)
}

func (a *fakeAgentstake) TotalAttestorStake(context.Context) (math.Int, error) {
	if a.totalOverride != nil {
		return *a.totalOverride, nil
	}
	total := math.ZeroInt()
	for _, x := range a.attestors {
		total = total.Add(x.stake)
	}
	return total, nil
}

func (a *fakeAgentstake) SlashForAttribution(_ context.Context, op sdk.AccAddress, ref string, challenger sdk.AccAddress, h int64) (math.Int, error) {
	if a.slashErr != nil {
		return math.Int{}, a.slashErr
	}
	a.slashes = append(a.slashes, slashCall{operator: op, challenger: challenger, evidenceRef: ref, infractionHeight: h})
	return a.slashAmount, nil
}

// account is a test account.
type account = keepertest.Account

type fixture struct {
	*keepertest.Fixture[keeper.Keeper, types.MsgServer, types.QueryServer]
	bank       *banktest.Bank
	datanets   *fakeDatanets
	agentstake *fakeAgentstake

	owner, owner2, alice, bob, node, challenger, att1, att2, att3 account
	// v11 (datanet 1 version 1: c1, c2), v12 (version 2: c1, c2, c5) and
	// v21 (datanet 2 version 1: c3) are stored versions.
	v11, v12, v21 types.DatasetVersion
	// receipts are the batch of validInput's receipts root.
	receipts []types.Receipt
}

// startBalance is what every test account starts with.
var startBalance = sdk.NewCoins(sdk.NewCoin(denom, oneOPEN().MulRaw(1000)))

func newFixture(t testing.TB) *fixture {
	store := keepertest.NewStore(t, types.StoreKey, attribution.NewAppModule(keeper.Keeper{}), startHeight, startTime)

	bank := banktest.New(types.ModuleName)
	datanets := &fakeDatanets{}
	stake := &fakeAgentstake{slashAmount: oneOPEN().MulRaw(50)}
	k := keeper.NewKeeper(store.KeeperEnv(), keepertest.AccountKeeper{}, bank, banktest.CommunityPool{Bank: bank}, datanets, stake)
	require.NoError(t, k.InitGenesis(store.Ctx, *types.DefaultGenesis()))

	f := &fixture{
		Fixture: keepertest.NewFixture(t, store, k, keeper.NewMsgServerImpl(k), keeper.NewQueryServerImpl(k), bank, keeper.AllInvariants),
		bank:    bank, datanets: datanets, agentstake: stake,
	}
	accs := keepertest.FundedAccounts(bank, startBalance, keepertest.Named(t, store.AddressCodec),
		"owner", "owner2", "alice", "bob", "node", "challenger", "att1", "att2", "att3")
	f.owner, f.owner2, f.alice, f.bob, f.node, f.challenger = accs[0], accs[1], accs[2], accs[3], accs[4], accs[5]
	f.att1, f.att2, f.att3 = accs[6], accs[7], accs[8]
	bank.Mint(authtypes.NewModuleAddress(feesModule), sdk.NewCoins(sdk.NewCoin(denom, oneOPEN().MulRaw(1_000_000))))

	datanets.datanets = []datanettypes.Datanet{{Id: 1, Owner: f.owner.Str}, {Id: 2, Owner: f.owner2.Str}}
	f.v11 = datanets.addVersion(1, 1, 2)
	f.v12 = datanets.addVersion(1, 2, 3)
	f.v21 = datanets.addVersion(2, 1, 1)
	datanets.addContribution(1, 1, f.alice, datanettypes.CONTRIBUTION_STATUS_ACCEPTED, 0)
	datanets.addContribution(2, 1, f.bob, datanettypes.CONTRIBUTION_STATUS_ACCEPTED, 1)
	datanets.addContribution(3, 2, f.alice, datanettypes.CONTRIBUTION_STATUS_ACCEPTED, 0)
	datanets.addContribution(4, 1, f.alice, datanettypes.CONTRIBUTION_STATUS_PENDING, 0)
	datanets.addContribution(5, 1, f.bob, datanettypes.CONTRIBUTION_STATUS_ACCEPTED, 2)

	stake.attestors = []attestorStake{
		{f.att1.Addr, math.NewInt(400)}, {f.att2.Addr, math.NewInt(300)}, {f.att3.Addr, math.NewInt(300)},
	}
	for i := 0; i < 3; i++ {
		prompt, completion := uint64(100+i), uint64(250+10*i)
		f.receipts = append(f.receipts, types.Receipt{
			User: f.bob.Str, ModelID: 7, OutputHash: hash(fmt.Sprintf("output %d", i)),
			Weights:      []types.ContributionWeight{{ContributionId: 1, Ppm: 600_000}, {ContributionId: 2, Ppm: 300_000}},
			PromptTokens: prompt, CompletionTokens: completion, Fee: modelregtypes.InferenceFee(testPrice, prompt+completion),
			Method: poa.Method,
		})
	}
	return f
}

// testPrice is the price of the fixture's model 7: 2 aopen per call and 3
// per 1,000 tokens (so fees round up).
var testPrice = modelregtypes.Price{PerCall: math.NewInt(2), Per_1KTokens: math.NewInt(3)}

// receiptTokens is the prompt and completion tokens of f.receipts.
func (f *fixture) receiptTokens() uint64 {
	var n uint64
	for _, r := range f.receipts {
		n += r.PromptTokens + r.CompletionTokens
	}
	return n
}

// validInput is a valid record of model 7 over datanet 1 version 1 and
// datanet 2 version 1 with a reward of 1,000,003 aopen, settled at testPrice
// in a batch of models 3 and 7 whose receipts root the node signed.
func (f *fixture) validInput() types.RecordInput {
	root, err := types.ReceiptsRoot(f.receipts)
	require.NoError(f.T, err)
	return types.RecordInput{
		ServingNode:    f.node.Str,
		ModelID:        7,
		Method:         poa.Method,
		Datasets:       []types.DatasetVersion{f.v11, f.v21},
		ReceiptsRoot:   root,
		InferenceCount: uint64(len(f.receipts)),
		Weights: []types.ContributionWeight{
			{ContributionId: 1, Ppm: 500_000}, {ContributionId: 2, Ppm: 250_000}, {ContributionId: 3, Ppm: 100_000},
		},
		DataReward:     sdk.NewCoin(denom, math.NewInt(1_000_003)),
		Price:          testPrice,
		Tokens:         f.receiptTokens(),
		BatchModelIDs:  []uint64{3, 7},
		NodeSignedRoot: true,
	}
}

// record records an input the way x/inferencefees does: inside its
// transaction (a cached context written on success).
func (f *fixture) record(in types.RecordInput) uint64 {
	f.T.Helper()
	cacheCtx, write := f.Ctx.CacheContext()
	id, err := f.K.RecordAttribution(cacheCtx, feesModule, in)
	require.NoError(f.T, err)
	write()
	f.CheckInvariants()
	return id
}

// endBlock runs EndBlock at a block time (and the next height) and checks
// the invariants.
func (f *fixture) endBlockAt(t time.Time) {
	f.T.Helper()
	f.setTime(t)
	require.NoError(f.T, f.K.EndBlock(f.Ctx))
	f.CheckInvariants()
}

// setTime moves the context to a new block at time t.
func (f *fixture) setTime(t time.Time) {
	h := f.Ctx.BlockHeight() + 1
	f.Ctx = f.Ctx.WithBlockHeight(h).WithBlockTime(t).WithHeaderInfo(header.Info{Height: h, Time: t})
}

func (f *fixture) balance(addr sdk.AccAddress) math.Int { return f.bank.Balance(addr).AmountOf(denom) }

func (f *fixture) moduleBalance() math.Int {
	return f.bank.ModuleBalance(types.ModuleName).AmountOf(denom)
}

func (f *fixture) communityPool() math.Int {
	return f.bank.ModuleBalance(banktest.CommunityPoolModule).AmountOf(denom)
}

func (f *fixture) getRecord(id uint64) types.AttributionRecord {
	r, err := f.K.GetRecord(f.Ctx, id)
	require.NoError(f.T, err)
	return r
}

func (f *fixture) getChallenge(id uint64) types.Challenge {
	c, err := f.K.GetChallenge(f.Ctx, id)
	require.NoError(f.T, err)
	return c
}

// rewards returns the pending and claimable amounts of an account.
func (f *fixture) rewards(a account) (math.Int, math.Int) {
	resp, err := f.Queries.Rewards(f.Ctx, &types.QueryRewardsRequest{Address: a.Str})
	require.NoError(f.T, err)
	return resp.Pending.Amount, resp.Claimable.Amount
}

func hash(s string) []byte {
	sum := sha256.Sum256([]byte(s))
	return sum[:]
}

func oneOPEN() math.Int { return math.NewIntWithDecimal(1, 18) }

func TestNewKeeperPanicsOnMissingDependencies(t *testing.T) {
	store := keepertest.NewStore(t, types.StoreKey, attribution.NewAppModule(keeper.Keeper{}), startHeight, time.Time{})
	bank := banktest.New(types.ModuleName)
	pool := banktest.CommunityPool{Bank: bank}
	var nilDatanets *fakeDatanets
	var nilStake *fakeAgentstake
	build := func(pool types.CommunityPoolKeeper, datanets types.DatanetKeeper, stake types.AgentstakeKeeper) func(keeper.KeeperEnv, modulekit.ModuleAccounts) {
		return func(env keeper.KeeperEnv, ak modulekit.ModuleAccounts) {
			keeper.NewKeeper(env, ak, bank, pool, datanets, stake)
		}
	}
	env := store.KeeperEnv()

	keepertest.RequireKeeperPanics(t, store, build(pool, &fakeDatanets{}, &fakeAgentstake{}), keepertest.PanicCases{
		{"Failure - nil datanet keeper (typed nil pointer)", func() { build(pool, nilDatanets, &fakeAgentstake{})(env, keepertest.AccountKeeper{}) }},
		{"Failure - nil agentstake keeper (typed nil pointer)", func() { build(pool, &fakeDatanets{}, nilStake)(env, keepertest.AccountKeeper{}) }},
		{"Failure - nil community pool keeper", func() { build(nil, &fakeDatanets{}, &fakeAgentstake{})(env, keepertest.AccountKeeper{}) }},
	})
}

// StoredParams is where the module keeps its params.
func (f *fixture) StoredParams() collections.Item[types.Params] { return f.K.Params }
