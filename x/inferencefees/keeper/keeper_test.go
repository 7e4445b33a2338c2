package keeper_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/address"
	"cosmossdk.io/core/header"
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	agentstaketypes "github.com/openledger/openledger/x/agentstake/types"
	attributiontypes "github.com/openledger/openledger/x/attribution/types"
	"github.com/openledger/openledger/x/inferencefees"
	"github.com/openledger/openledger/x/inferencefees/keeper"
	"github.com/openledger/openledger/x/inferencefees/types"
	"github.com/openledger/openledger/x/internal/banktest"
	"github.com/openledger/openledger/x/internal/keepertest"
	"github.com/openledger/openledger/x/internal/modulekit"
	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

const (
	denom       = types.Denom
	evmChainID  = 6736
	startHeight = 100
)

// startTime is the block time of the test context.
var startTime = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)

// bank is banktest's conserving bank; refuse makes payouts to one account
// fail, as x/bank does for a blocked address.
type bank struct {
	*banktest.Bank
	refuse sdk.AccAddress
}

func (b *bank) SendCoinsFromModuleToAccount(ctx context.Context, module string, to sdk.AccAddress, amt sdk.Coins) error {
	if b.refuse != nil && bytes.Equal(to, b.refuse) {
		return errorsmod.Wrapf(sdkerrors.ErrUnauthorized, "%s is not allowed to receive funds", to)
	}
	return b.Bank.SendCoinsFromModuleToAccount(ctx, module, to, amt)
}

// fakeModels answers like x/modelreg's keeper.
type fakeModels struct{ models []modelregtypes.Model }

func (m *fakeModels) GetModel(_ context.Context, id uint64) (modelregtypes.Model, error) {
	for _, model := range m.models {
		if model.Id == id {
			return model, nil
		}
	}
	return modelregtypes.Model{}, errorsmod.Wrapf(modelregtypes.ErrModelNotFound, "model %d", id)
}

func (m *fakeModels) set(model modelregtypes.Model) {
	for i := range m.models {
		if m.models[i].Id == model.Id {
			m.models[i] = model
			return
		}
	}
	m.models = append(m.models, model)
}

// servingNode is a fake x/agentstake agent.
type servingNode struct {
	Addr   sdk.AccAddress
	kind   string // "serving-node" or "attestor"
	status string // "active", "jailed", "unbonding", "tombstoned"
	models []uint64
}

// fakeNodes answers CheckActiveServingNode with x/agentstake's errors.
type fakeNodes struct{ nodes []servingNode }

func (n *fakeNodes) CheckActiveServingNode(_ context.Context, operator sdk.AccAddress, modelID uint64) error {
	for _, node := range n.nodes {
		if !bytes.Equal(node.Addr, operator) {
			continue
		}
		switch {
		case node.kind != "serving-node":
			return errorsmod.Wrapf(agentstaketypes.ErrWrongAgentKind, "%s is a %s", operator, node.kind)
		case node.status != "active":
			return errorsmod.Wrapf(agentstaketypes.ErrAgentNotActive, "%s is %s", operator, node.status)
		case !slices.Contains(node.models, modelID):
			return errorsmod.Wrapf(agentstaketypes.ErrModelNotServed, "model %d", modelID)
		}
		return nil
	}
	return errorsmod.Wrapf(agentstaketypes.ErrAgentNotFound, "%s", operator)
}

func (n *fakeNodes) setStatus(addr sdk.AccAddress, status string) {
	for i := range n.nodes {
		if bytes.Equal(n.nodes[i].Addr, addr) {
			n.nodes[i].status = status
		}
	}
}

// fakeAttribution stores the inputs and, as x/attribution does, really pulls
// the data reward from the calling module's account into its own.
type fakeAttribution struct {
	bank    *bank
	records []attributiontypes.RecordInput
	refuse  error
}

func (a *fakeAttribution) CheckAttribution(_ context.Context, method string, weights []attributiontypes.ContributionWeight) error {
	return attributiontypes.ValidateAttribution(method, weights, attributiontypes.DefaultMaxWeightsPerRecord)
}

func (a *fakeAttribution) RecordAttribution(ctx context.Context, fromModule string, in attributiontypes.RecordInput) (uint64, error) {
	if a.refuse != nil {
		return 0, a.refuse
	}
	if in.Method == "" || len(in.Datasets) == 0 || len(in.ReceiptsRoot) != 32 || in.ModelID == 0 || !in.DataReward.IsValid() {
		return 0, fmt.Errorf("fake attribution: bad input %+v", in)
	}
	if in.DataReward.IsPositive() {
		if err := a.bank.SendCoinsFromModuleToModule(ctx, fromModule, attributiontypes.ModuleName, sdk.NewCoins(in.DataReward)); err != nil {
			return 0, err
		}
	}
	a.records = append(a.records, in)
	return uint64(len(a.records)), nil
}

// account is a test account; every one has an Ethereum key.
type account = keepertest.Account

type fixture struct {
	*keepertest.Fixture[keeper.Keeper, types.MsgServer, types.QueryServer]
	bank   *bank
	models *fakeModels
	nodes  *fakeNodes
	attr   *fakeAttribution

	owner, node, node2, alice, bob account
	// model ids: 1 active with two Datanet versions, 2 active without
	// training data, 3 deprecated.
	root []byte
}

// perToken is the fixture models' price: one aopen per token, nothing per
// call, so a usage entry of T tokens costs T (to T + inferences − 1): the
// tests give each usage entry as many tokens as its amount.
var perToken = modelregtypes.Price{PerCall: math.ZeroInt(), Per_1KTokens: math.NewInt(1000)}

// startBalance is what every test account starts with: 1,000 OPEN.
var startBalance = math.NewIntWithDecimal(1000, 18)

func coins(a math.Int) sdk.Coins { return sdk.NewCoins(sdk.NewCoin(denom, a)) }
func coin(a int64) sdk.Coin      { return sdk.NewInt64Coin(denom, a) }

func hash(s string) []byte {
	sum := sha256.Sum256([]byte(s))
	return sum[:]
}

// newAccount derives a deterministic Ethereum key from a name.
func newAccount(t testing.TB, ac address.Codec, name string) account {
	t.Helper()
	key, err := crypto.ToECDSA(hash("key " + name))
	require.NoError(t, err)
	return keepertest.EthAccount(t, ac, key)
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	store := keepertest.NewStore(t, types.StoreKey, inferencefees.NewAppModule(keeper.Keeper{}), startHeight, startTime)

	b := &bank{Bank: banktest.New(types.ModuleName)}
	f := &fixture{bank: b, models: &fakeModels{}, nodes: &fakeNodes{}, attr: &fakeAttribution{bank: b}, root: hash("receipts")}
	k := f.freshKeeper(store)
	require.NoError(t, k.InitGenesis(store.Ctx, *types.DefaultGenesis()))
	f.Fixture = keepertest.NewFixture(t, store, k, keeper.NewMsgServerImpl(k), keeper.NewQueryServerImpl(k), b.Bank, keeper.AllInvariants)
	// Small amounts keep the split arithmetic in the tests readable.
	keepertest.SetParams(f, func(p *types.Params) { p.MinDeposit = math.NewInt(1) })

	open := func(name string) account { return newAccount(t, store.AddressCodec, name) }
	accs := keepertest.FundedAccounts(b.Bank, coins(startBalance), open, "owner", "node", "node2", "alice", "bob")
	f.owner, f.node, f.node2, f.alice, f.bob = accs[0], accs[1], accs[2], accs[3], accs[4]
	f.models.set(modelregtypes.Model{
		Id: 1, Owner: f.owner.Str, Status: modelregtypes.MODEL_STATUS_ACTIVE, Price: perToken,
		Training: modelregtypes.TrainingRecord{Datasets: []modelregtypes.DatasetRef{
			{DatanetId: 1, Version: 2, Root: hash("d1v2")}, {DatanetId: 4, Version: 1, Root: hash("d4v1")},
		}},
	})
	f.models.set(modelregtypes.Model{Id: 2, Owner: f.owner.Str, Status: modelregtypes.MODEL_STATUS_ACTIVE, Price: perToken})
	f.models.set(modelregtypes.Model{Id: 3, Owner: f.owner.Str, Status: modelregtypes.MODEL_STATUS_DEPRECATED, Price: perToken})
	f.nodes.nodes = []servingNode{
		{Addr: f.node.Addr, kind: "serving-node", status: "active", models: []uint64{1, 2, 3}},
		{Addr: f.node2.Addr, kind: "serving-node", status: "active", models: []uint64{1}},
	}
	return f
}

func (f *fixture) balance(addr sdk.AccAddress) math.Int { return f.bank.Balance(addr).AmountOf(denom) }

func (f *fixture) moduleBalance(name string) math.Int {
	return f.bank.ModuleBalance(name).AmountOf(denom)
}

func (f *fixture) params() types.Params {
	p, err := f.K.Params.Get(f.Ctx)
	require.NoError(f.T, err)
	return p
}

// deposit adds credit for a user.
func (f *fixture) deposit(user account, amount math.Int) {
	f.T.Helper()
	_, err := keepertest.Deliver(f.Chain(), f.Msgs.DepositCredit, &types.MsgDepositCredit{User: user.Str, Amount: sdk.NewCoin(denom, amount)})
	require.NoError(f.T, err)
}

func (f *fixture) credit(user account) types.Credit {
	c, err := f.K.GetCredit(f.Ctx, user.Addr)
	require.NoError(f.T, err)
	return c
}

func (f *fixture) totals() types.Totals {
	t, err := f.K.GetTotals(f.Ctx)
	require.NoError(f.T, err)
	return t
}

// advance moves to the next block, time later, and runs EndBlock.
func (f *fixture) advance(d time.Duration) {
	f.T.Helper()
	h := f.Ctx.BlockHeight() + 1
	now := f.Ctx.HeaderInfo().Time.Add(d)
	f.Ctx = f.Ctx.WithBlockHeight(h).WithBlockTime(now).WithHeaderInfo(header.Info{Height: h, Time: now})
	require.NoError(f.T, f.K.EndBlock(f.Ctx))
	f.CheckInvariants()
}

// expiry is a voucher expiry an hour after the current block time.
func (f *fixture) expiry() uint64 { return uint64(f.Ctx.HeaderInfo().Time.Add(time.Hour).Unix()) }

// signVoucher signs a voucher with the user's key on a chain.
func signVoucher(t testing.TB, user account, v types.Voucher, chainID uint64) []byte {
	t.Helper()
	d, err := v.Digest(chainID)
	require.NoError(t, err)
	sig, err := crypto.Sign(d[:], user.Key)
	require.NoError(t, err)
	return sig
}

// signSettlement signs a voucher's settlement with the node's key.
func signSettlement(t testing.TB, node account, v types.Voucher, root []byte, chainID uint64) []byte {
	t.Helper()
	d, err := v.Settlement(root).Digest(chainID)
	require.NoError(t, err)
	sig, err := crypto.Sign(d[:], node.Key)
	require.NoError(t, err)
	return sig
}

// voucher is a voucher from user to node, signed by both for the batch root.
func (f *fixture) voucher(user, node account, cumulative math.Int, nonce uint64) types.SignedVoucher {
	return makeVoucher(f.T, user, node, cumulative, nonce, f.expiry(), f.root)
}

func makeVoucher(t testing.TB, user, node account, cumulative math.Int, nonce, expiry uint64, root []byte) types.SignedVoucher {
	v := types.Voucher{User: user.Addr, ServingNode: node.Addr, CumulativeAmount: cumulative, Nonce: nonce, Expiry: expiry}
	return types.SignedVoucher{
		User: user.Str, CumulativeAmount: cumulative, Nonce: nonce, Expiry: expiry,
		UserSignature: signVoucher(t, user, v, evmChainID), NodeSignature: signSettlement(t, node, v, root, evmChainID),
	}
}

// batch is a batch of vouchers to f.node with one usage entry for model.
func (f *fixture) batch(model uint64, inferences uint64, vouchers ...types.SignedVoucher) *types.MsgSettleBatch {
	total := math.ZeroInt()
	for _, v := range vouchers {
		ch, _, err := f.K.GetChannel(f.Ctx, mustAddr(f, v.User), f.node.Addr)
		require.NoError(f.T, err)
		total = total.Add(v.CumulativeAmount.Sub(ch.SettledAmount))
	}
	return &types.MsgSettleBatch{
		ServingNode: f.node.Str, ReceiptsRoot: f.root, Vouchers: vouchers,
		Usage: []types.ModelUsage{{ModelId: model, Amount: total, InferenceCount: inferences, Tokens: tokensOf(total)}},
	}
}

// tokensOf is the token count at which an amount is the perToken price.
func tokensOf(amount math.Int) uint64 {
	if !amount.IsUint64() {
		return ^uint64(0)
	}
	return amount.Uint64()
}

// setPrice gives a fixture model another price.
func (f *fixture) setPrice(id uint64, price modelregtypes.Price) {
	m, err := f.models.GetModel(f.Ctx, id)
	require.NoError(f.T, err)
	m.Price = price
	f.models.set(m)
}

func mustAddr(f *fixture, s string) sdk.AccAddress {
	bz, err := f.AddressCodec.StringToBytes(s)
	require.NoError(f.T, err)
	return bz
}

func TestNewKeeperPanicsOnMissingDependencies(t *testing.T) {
	store := keepertest.NewStore(t, types.StoreKey, inferencefees.NewAppModule(keeper.Keeper{}), startHeight, time.Time{})
	b := &bank{Bank: banktest.New(types.ModuleName)}
	pool := banktest.CommunityPool{Bank: b.Bank}
	var nilModels *fakeModels

	build := func(chainID uint64, pool types.CommunityPoolKeeper, models types.ModelregKeeper, nodes types.AgentstakeKeeper, attr types.AttributionKeeper) func(keeper.KeeperEnv, modulekit.ModuleAccounts) {
		return func(env keeper.KeeperEnv, ak modulekit.ModuleAccounts) {
			keeper.NewKeeper(env, chainID, ak, b, pool, models, nodes, attr)
		}
	}
	with := func(chainID uint64, pool types.CommunityPoolKeeper, models types.ModelregKeeper, nodes types.AgentstakeKeeper, attr types.AttributionKeeper) func() {
		return func() { build(chainID, pool, models, nodes, attr)(store.KeeperEnv(), keepertest.AccountKeeper{}) }
	}
	keepertest.RequireKeeperPanics(t, store, build(evmChainID, pool, &fakeModels{}, &fakeNodes{}, &fakeAttribution{}), keepertest.PanicCases{
		{"Failure - nil modelreg keeper (typed nil pointer)", with(evmChainID, pool, nilModels, &fakeNodes{}, &fakeAttribution{})},
		{"Failure - nil agentstake keeper", with(evmChainID, pool, &fakeModels{}, nil, &fakeAttribution{})},
		{"Failure - nil attribution keeper", with(evmChainID, pool, &fakeModels{}, &fakeNodes{}, nil)},
		{"Failure - nil community pool keeper", with(evmChainID, nil, &fakeModels{}, &fakeNodes{}, &fakeAttribution{})},
		{"Failure - zero EVM chain id", with(0, pool, &fakeModels{}, &fakeNodes{}, &fakeAttribution{})},
	})
}

// freshKeeper is a keeper on s with the fixture's bank and fakes.
func (f *fixture) freshKeeper(s keepertest.Store) keeper.Keeper {
	return keeper.NewKeeper(s.KeeperEnv(), evmChainID, keepertest.AccountKeeper{}, f.bank,
		banktest.CommunityPool{Bank: f.bank.Bank}, f.models, f.nodes, f.attr)
}

func keeperWithdrawalKey(user account, id uint64) keeper.WithdrawalKey {
	return collections.Join(user.Addr, id)
}

// StoredParams is where the module keeps its params.
func (f *fixture) StoredParams() collections.Item[types.Params] { return f.K.Params }
