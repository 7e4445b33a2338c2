package keeper_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"slices"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/header"
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"
	"github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	"github.com/openledger/openledger/x/bridge"
	"github.com/openledger/openledger/x/bridge/keeper"
	"github.com/openledger/openledger/x/bridge/types"
	"github.com/openledger/openledger/x/internal/banktest"
	"github.com/openledger/openledger/x/internal/keepertest"
	"github.com/openledger/openledger/x/internal/modulekit"
)

const (
	startHeight = 100
	chainID     = "openledger-test-1"
	// bridgeContract is the L1 contract the test params name.
	bridgeContract = "0x5FbDB2315678afecb367f032d93F642f64180aa3"
)

var startTime = time.Date(2026, 1, 5, 12, 0, 0, 0, time.UTC)

var valCodec = addresscodec.NewBech32Codec("openvaloper")

func open(n int64) math.Int { return modulekit.OPEN(n) }

// bank is the conserving test bank with the blocked-address check of x/bank.
type bank struct {
	*banktest.Bank
	blocked map[string]bool // look-ups only
}

func (b *bank) BlockedAddr(addr sdk.AccAddress) bool { return b.blocked[string(addr)] }

// validator is a validator of the fake staking module.
type validator struct {
	operator sdk.ValAddress
	power    int64
	jailed   bool
	val      stakingtypes.Validator
}

// staking answers like x/staking from a list of validators, bonded when
// their power is positive; it also records what x/slashing does to them.
type staking struct {
	vals       []*validator
	slashes    []slash
	tombstoned map[string]bool // look-ups only
}

type slash struct {
	cons     sdk.ConsAddress
	fraction math.LegacyDec
	power    int64
	height   int64
}

func (s *staking) find(addr []byte) *validator {
	for _, v := range s.vals {
		if bytes.Equal(v.operator, addr) {
			return v
		}
	}
	return nil
}

func (s *staking) findCons(cons sdk.ConsAddress) *validator {
	for _, v := range s.vals {
		c, _ := v.val.GetConsAddr()
		if bytes.Equal(c, cons) {
			return v
		}
	}
	return nil
}

func (s *staking) GetValidator(_ context.Context, addr sdk.ValAddress) (stakingtypes.Validator, error) {
	v := s.find(addr)
	if v == nil {
		return stakingtypes.Validator{}, stakingtypes.ErrNoValidatorFound
	}
	out := v.val
	out.Jailed = v.jailed
	out.Tokens = sdk.TokensFromConsensusPower(v.power, sdk.DefaultPowerReduction)
	return out, nil
}

func (s *staking) GetLastValidatorPower(_ context.Context, addr sdk.ValAddress) (int64, error) {
	if v := s.find(addr); v != nil && !v.jailed {
		return v.power, nil
	}
	return 0, nil
}

func (s *staking) GetLastTotalPower(context.Context) (math.Int, error) {
	total := math.ZeroInt()
	for _, v := range s.vals {
		if !v.jailed {
			total = total.AddRaw(v.power)
		}
	}
	return total, nil
}

func (s *staking) IterateLastValidatorPowers(_ context.Context, handler func(sdk.ValAddress, int64) bool) error {
	sorted := slices.Clone(s.vals)
	slices.SortFunc(sorted, func(a, b *validator) int { return bytes.Compare(a.operator, b.operator) })
	for _, v := range sorted {
		if v.power > 0 && !v.jailed && handler(v.operator, v.power) {
			break
		}
	}
	return nil
}

func (s *staking) SlashWithInfractionReason(_ context.Context, cons sdk.ConsAddress, fraction math.LegacyDec, power, height int64, _ stakingtypes.Infraction) error {
	s.slashes = append(s.slashes, slash{cons: cons, fraction: fraction, power: power, height: height})
	return nil
}

func (s *staking) Jail(_ context.Context, cons sdk.ConsAddress) error {
	v := s.findCons(cons)
	if v == nil || v.jailed {
		return errorsmod.Wrap(stakingtypes.ErrNoValidatorFound, "jail")
	}
	v.jailed = true
	return nil
}

func (s *staking) IsTombstoned(_ context.Context, cons sdk.ConsAddress) bool {
	return s.tombstoned[string(cons)]
}

type account = keepertest.Account

// operator is a validator's operator account, its valoper string and its
// Ethereum signing key.
type operator struct {
	account
	valStr string
	eth    *ecdsa.PrivateKey
}

func (o operator) ethHex() string { return crypto.PubkeyToAddress(o.eth.PublicKey).Hex() }

type fixture struct {
	*keepertest.Fixture[keeper.Keeper, types.MsgServer, types.QueryServer]
	bank    *bank
	staking *staking

	alice, bob account
	// val1..val3 are validators of power 40, 30 and 30.
	val1, val2, val3 operator
}

var startBalance = sdk.NewCoins(sdk.NewCoin(types.Denom, open(1_000_000)))

// l1Genesis is what the escrow holds at the start: OPEN already released
// on L1.
var l1Genesis = open(500_000)

func key(t testing.TB, seed byte) *ecdsa.PrivateKey {
	t.Helper()
	k, err := crypto.ToECDSA(bytes.Repeat([]byte{seed}, 32))
	require.NoError(t, err)
	return k
}

// testParams are the defaults with the bridge contract named and short
// intervals.
func testParams() types.Params {
	p := types.DefaultParams()
	p.BridgeContract = bridgeContract
	p.L1ChainId = 11155111
	p.CheckpointInterval = 10
	p.MaxWithdrawalsPerCheckpoint = 5
	return p
}

func newFixture(t testing.TB) *fixture {
	store := keepertest.NewStore(t, types.StoreKey, bridge.NewAppModule(keeper.Keeper{}), startHeight, startTime)
	store.Ctx = store.Ctx.WithChainID(chainID).WithHeaderInfo(header.Info{
		Height: startHeight, Time: startTime, ChainID: chainID, AppHash: bytes.Repeat([]byte{0xab}, 32),
	})
	b := &bank{Bank: banktest.New(), blocked: map[string]bool{}}
	b.blocked[string(authtypes.NewModuleAddress("distribution"))] = true
	st := &staking{tombstoned: map[string]bool{}}
	k := keeper.NewKeeper(store.KeeperEnv(), valCodec, keepertest.AccountKeeper{}, b, st, st)

	gs := types.DefaultGenesis()
	gs.Params = testParams()
	gs.L1Circulating = l1Genesis
	b.Mint(authtypes.NewModuleAddress(types.ModuleName), sdk.NewCoins(sdk.NewCoin(types.Denom, l1Genesis)))
	require.NoError(t, k.InitGenesis(store.Ctx, *gs))

	f := &fixture{
		Fixture: keepertest.NewFixture(t, store, k, keeper.NewMsgServerImpl(k), keeper.NewQueryServerImpl(k), b.Bank, keeper.AllInvariants),
		bank:    b, staking: st,
	}
	accs := keepertest.FundedAccounts(b.Bank, startBalance, keepertest.Named(t, store.AddressCodec), "alice", "bob")
	f.alice, f.bob = accs[0], accs[1]
	f.val1 = f.addValidator("validator-one", 40, key(t, 0x11))
	f.val2 = f.addValidator("validator-two", 30, key(t, 0x22))
	f.val3 = f.addValidator("validator-three", 30, key(t, 0x33))
	return f
}

func (f *fixture) addValidator(name string, power int64, eth *ecdsa.PrivateKey) operator {
	acc := keepertest.NamedAccount(f.T, f.AddressCodec, name)
	valStr, err := valCodec.BytesToString(acc.Addr)
	require.NoError(f.T, err)
	pk := ed25519.GenPrivKeyFromSecret([]byte(name)).PubKey()
	v, err := stakingtypes.NewValidator(valStr, pk, stakingtypes.Description{Moniker: name})
	require.NoError(f.T, err)
	f.staking.vals = append(f.staking.vals, &validator{operator: sdk.ValAddress(acc.Addr), power: power, val: v})
	return operator{account: acc, valStr: valStr, eth: eth}
}

func (f *fixture) params() types.Params {
	p, err := f.K.Params.Get(f.Ctx)
	require.NoError(f.T, err)
	return p
}

func (f *fixture) domain() types.Domain {
	d, err := f.params().Domain()
	require.NoError(f.T, err)
	return d
}

// sign signs a digest with an Ethereum key, v as 27/28 like wallets.
func sign(t testing.TB, k *ecdsa.PrivateKey, digest [32]byte) []byte {
	t.Helper()
	sig, err := crypto.Sign(digest[:], k)
	require.NoError(t, err)
	sig[64] += 27
	return sig
}

// registerMsg is o's registration of its key, correctly signed.
func (f *fixture) registerMsg(o operator) *types.MsgRegisterEthKey {
	digest, err := f.domain().RegistrationDigest(o.Addr, chainID)
	require.NoError(f.T, err)
	return &types.MsgRegisterEthKey{Operator: o.Str, EthAddress: o.ethHex(), Signature: sign(f.T, o.eth, digest)}
}

func (f *fixture) register(ops ...operator) {
	for _, o := range ops {
		keepertest.MustDeliver(f.Chain(), f.Msgs.RegisterEthKey, f.registerMsg(o))
	}
}

func (f *fixture) withdraw(from account, recipient string, amt math.Int) *types.MsgWithdrawResponse {
	return keepertest.MustDeliver(f.Chain(), f.Msgs.Withdraw, &types.MsgWithdraw{Sender: from.Str, EthRecipient: recipient, Amount: amt})
}

// advance moves the block height forward.
func (f *fixture) advance(blocks int64) {
	h := f.Ctx.HeaderInfo()
	h.Height += blocks
	h.Time = h.Time.Add(time.Duration(blocks) * 5 * time.Second)
	f.Ctx = f.Ctx.WithBlockHeight(h.Height).WithHeaderInfo(h)
}

func (f *fixture) endBlock() {
	f.T.Helper()
	require.NoError(f.T, f.K.EndBlock(f.Ctx))
	f.CheckInvariants()
}

func (f *fixture) checkpoint(nonce uint64) types.Checkpoint {
	cp, err := f.K.Checkpoints.Get(f.Ctx, nonce)
	require.NoError(f.T, err)
	return cp
}

// signCheckpoint is o's signature of checkpoint nonce.
func (f *fixture) signCheckpoint(o operator, h types.CheckpointHeader) []byte {
	digest, err := f.domain().CheckpointDigest(h)
	require.NoError(f.T, err)
	return sign(f.T, o.eth, digest)
}

func (f *fixture) submitSignature(o operator, nonce uint64) {
	keepertest.MustDeliver(f.Chain(), f.Msgs.SubmitCheckpointSignature, &types.MsgSubmitCheckpointSignature{
		Operator: o.Str, Nonce: nonce, Signature: f.signCheckpoint(o, f.checkpoint(nonce).Header),
	})
}

// withCheckpoint is a fixture where every validator registered its key and
// checkpoint 1 holds alice's withdrawal of 10 OPEN.
func withCheckpoint(t testing.TB) *fixture {
	f := newFixture(t)
	f.register(f.val1, f.val2, f.val3)
	f.withdraw(f.alice, recipient, open(10))
	f.endBlock()
	return f
}

// recipient is an L1 address.
const recipient = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"

func (f *fixture) balance(addr sdk.AccAddress) math.Int {
	return f.bank.Balance(addr).AmountOf(types.Denom)
}

func (f *fixture) escrow() math.Int {
	return f.bank.ModuleBalance(types.ModuleName).AmountOf(types.Denom)
}

// StoredParams is where the module keeps its params.
func (f *fixture) StoredParams() collections.Item[types.Params] { return f.K.Params }

func TestNewKeeperPanicsOnMissingDependencies(t *testing.T) {
	store := keepertest.NewStore(t, types.StoreKey, bridge.NewAppModule(keeper.Keeper{}), startHeight, startTime)
	b := &bank{Bank: banktest.New()}
	st := &staking{}
	var nilStaking *staking
	keepertest.RequireKeeperPanics(t, store, func(env keeper.KeeperEnv, ak modulekit.ModuleAccounts) {
		keeper.NewKeeper(env, valCodec, ak, b, st, st)
	}, keepertest.PanicCases{
		{"Failure - nil validator codec", func() { keeper.NewKeeper(store.KeeperEnv(), nil, keepertest.AccountKeeper{}, b, st, st) }},
		{"Failure - nil bank", func() { keeper.NewKeeper(store.KeeperEnv(), valCodec, keepertest.AccountKeeper{}, nil, st, st) }},
		{"Failure - nil staking", func() {
			keeper.NewKeeper(store.KeeperEnv(), valCodec, keepertest.AccountKeeper{}, b, nilStaking, st)
		}},
		{"Failure - nil slashing", func() {
			keeper.NewKeeper(store.KeeperEnv(), valCodec, keepertest.AccountKeeper{}, b, st, nilStaking)
		}},
	})
}
