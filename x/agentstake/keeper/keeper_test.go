package keeper_test

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/address"
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/openledger/openledger/x/agentstake"
	"github.com/openledger/openledger/x/agentstake/keeper"
	"github.com/openledger/openledger/x/agentstake/types"
	"github.com/openledger/openledger/x/internal/banktest"
	"github.com/openledger/openledger/x/internal/keepertest"
	"github.com/openledger/openledger/x/internal/modulekit"
	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

const (
	denom = types.BondDenom
	// startHeight is the block height of the test context.
	startHeight = 100
	// evmChainID is the EVM chain id of the test chain.
	evmChainID = 6736
)

// startTime is the block time of the test context.
var startTime = time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)

// bank is the conserving test bank with the blocked-address check of x/bank.
type bank struct {
	*banktest.Bank
	blocked map[string]bool // look-ups only
}

func (b *bank) BlockedAddr(addr sdk.AccAddress) bool { return b.blocked[string(addr)] }

// fakeModels is a ModelregKeeper holding models in a slice, answering like
// x/modelreg's keeper.
type fakeModels struct{ models []modelregtypes.Model }

func (m *fakeModels) GetModel(_ context.Context, id uint64) (modelregtypes.Model, error) {
	for _, x := range m.models {
		if x.Id == id {
			return x, nil
		}
	}
	return modelregtypes.Model{}, errorsmod.Wrapf(modelregtypes.ErrModelNotFound, "model %d", id)
}

func (m *fakeModels) setStatus(id uint64, s modelregtypes.ModelStatus) {
	for i := range m.models {
		if m.models[i].Id == id {
			m.models[i].Status = s
		}
	}
}

// account is a test account.
type account = keepertest.Account

type fixture struct {
	*keepertest.Fixture[keeper.Keeper, types.MsgServer, types.QueryServer]
	bank   *bank
	models *fakeModels

	owner, alice, bob account
	// node is an account with a real secp256k1 key (serving node operator).
	node account
}

// startBalance is what every test account starts with: 1,000,000 OPEN.
var startBalance = sdk.NewCoins(sdk.NewCoin(denom, open(1_000_000)))

// open is n OPEN in aopen.
func open(n int64) math.Int { return math.NewIntWithDecimal(n, 18) }

// ethAccount derives an account from a fixed private key.
func ethAccount(t testing.TB, ac address.Codec, seed byte) account {
	t.Helper()
	priv, err := crypto.ToECDSA(bytes.Repeat([]byte{seed}, 32))
	require.NoError(t, err)
	return keepertest.EthAccount(t, ac, priv)
}

func newFixture(t testing.TB) *fixture {
	store := keepertest.NewStore(t, types.StoreKey, agentstake.NewAppModule(keeper.Keeper{}), startHeight, startTime)

	b := &bank{Bank: banktest.New(types.ModuleName), blocked: map[string]bool{}}
	b.blocked[string(authtypes.NewModuleAddress("distribution"))] = true
	models := &fakeModels{}
	for id := uint64(1); id <= 3; id++ {
		models.models = append(models.models, modelregtypes.Model{Id: id, Status: modelregtypes.MODEL_STATUS_ACTIVE})
	}
	k := keeper.NewKeeper(store.KeeperEnv(), evmChainID, keepertest.AccountKeeper{}, b, models)
	require.NoError(t, k.InitGenesis(store.Ctx, *types.DefaultGenesis()))

	f := &fixture{
		Fixture: keepertest.NewFixture(t, store, k, keeper.NewMsgServerImpl(k), keeper.NewQueryServerImpl(k), b.Bank, keeper.AllInvariants),
		bank:    b, models: models,
	}
	accs := keepertest.FundedAccounts(b.Bank, startBalance, keepertest.Named(t, store.AddressCodec), "owner", "alice", "bob")
	f.owner, f.alice, f.bob = accs[0], accs[1], accs[2]
	f.node = ethAccount(t, store.AddressCodec, 0x42)
	b.Mint(f.node.Addr, startBalance)
	return f
}

func (f *fixture) balance(addr sdk.AccAddress) math.Int {
	return f.bank.Balance(addr).AmountOf(denom)
}

func (f *fixture) moduleBalance() math.Int {
	return f.bank.ModuleBalance(types.ModuleName).AmountOf(denom)
}

// advance moves the block height and time forward.
func (f *fixture) advance(blocks int64, d time.Duration) {
	h := f.Ctx.HeaderInfo()
	h.Height += blocks
	h.Time = h.Time.Add(d)
	f.Ctx = f.Ctx.WithBlockHeight(h.Height).WithHeaderInfo(h)
}

// endBlock runs EndBlock and the invariants.
func (f *fixture) endBlock() {
	f.T.Helper()
	require.NoError(f.T, f.K.EndBlock(f.Ctx))
	f.CheckInvariants()
}

// servingNodeMsg registers acc's own serving node for models 1 and 2 with
// the minimum stake.
func servingNodeMsg(owner account) *types.MsgRegisterAgent {
	return &types.MsgRegisterAgent{
		Owner: owner.Str, Kind: types.AGENT_KIND_SERVING_NODE, ModelIds: []uint64{1, 2},
		Endpoint: "https://node.example.org/v1", MetadataUri: "ipfs://bafynode",
		Stake: types.DefaultMinStakeServingNode,
	}
}

// servingNodeWith makes the owner's serving-node registration with one edit.
func servingNodeWith(edit func(m *types.MsgRegisterAgent)) func(f *fixture) *types.MsgRegisterAgent {
	return func(f *fixture) *types.MsgRegisterAgent {
		m := servingNodeMsg(f.owner)
		edit(m)
		return m
	}
}

// attestorMsg registers owner's attestor with stake.
func attestorMsg(owner account, stake math.Int) *types.MsgRegisterAgent {
	return &types.MsgRegisterAgent{Owner: owner.Str, Kind: types.AGENT_KIND_ATTESTOR, Stake: stake}
}

func (f *fixture) register(msg *types.MsgRegisterAgent) sdk.AccAddress {
	f.T.Helper()
	resp, err := keepertest.Deliver(f.Chain(), f.Msgs.RegisterAgent, msg)
	require.NoError(f.T, err)
	op, err := f.AddressCodec.StringToBytes(resp.Operator)
	require.NoError(f.T, err)
	return op
}

func (f *fixture) agent(op sdk.AccAddress) types.Agent {
	f.T.Helper()
	a, err := f.K.GetAgent(f.Ctx, op)
	require.NoError(f.T, err)
	return a
}

func (f *fixture) unbond(owner account, op sdk.AccAddress, amt math.Int) types.UnbondingEntry {
	f.T.Helper()
	resp, err := keepertest.Deliver(f.Chain(), f.Msgs.BeginUnbonding, &types.MsgBeginUnbonding{Owner: owner.Str, Operator: f.str(op), Amount: amt})
	require.NoError(f.T, err)
	return resp.Entry
}

func (f *fixture) str(addr sdk.AccAddress) string {
	s, err := f.AddressCodec.BytesToString(addr)
	require.NoError(f.T, err)
	return s
}

func (f *fixture) activeStake(kind types.AgentKind) math.Int {
	resp, err := f.Queries.TotalStake(f.Ctx, &types.QueryTotalStakeRequest{})
	require.NoError(f.T, err)
	for _, ks := range resp.Kinds {
		if ks.Kind == kind {
			return ks.ActiveBonded
		}
	}
	return math.ZeroInt()
}

func TestNewKeeperPanicsOnMissingDependencies(t *testing.T) {
	store := keepertest.NewStore(t, types.StoreKey, agentstake.NewAppModule(keeper.Keeper{}), startHeight, time.Time{})
	b := &bank{Bank: banktest.New(types.ModuleName)}
	var nilModels *fakeModels
	build := func(chainID uint64, bank types.BankKeeper, models types.ModelregKeeper) func(keeper.KeeperEnv, modulekit.ModuleAccounts) {
		return func(env keeper.KeeperEnv, ak modulekit.ModuleAccounts) {
			keeper.NewKeeper(env, chainID, ak, bank, models)
		}
	}
	env := store.KeeperEnv()

	keepertest.RequireKeeperPanics(t, store, build(evmChainID, b, &fakeModels{}), keepertest.PanicCases{
		{"Failure - nil modelreg keeper (typed nil pointer)", func() { build(evmChainID, b, nilModels)(env, keepertest.AccountKeeper{}) }},
		{"Failure - nil bank keeper", func() { build(evmChainID, nil, &fakeModels{})(env, keepertest.AccountKeeper{}) }},
		{"Failure - zero EVM chain id", func() { build(0, b, &fakeModels{})(env, keepertest.AccountKeeper{}) }},
	})
}

func coinsOf(amt math.Int) sdk.Coins { return sdk.NewCoins(sdk.NewCoin(denom, amt)) }

func moduleAddr() sdk.AccAddress { return authtypes.NewModuleAddress(types.ModuleName) }

// StoredParams is where the module keeps its params.
func (f *fixture) StoredParams() collections.Item[types.Params] { return f.K.Params }

// withServingNode is a fresh fixture where the owner runs a serving node.
func withServingNode(t testing.TB) *fixture {
	f := newFixture(t)
	f.register(servingNodeMsg(f.owner))
	return f
}
