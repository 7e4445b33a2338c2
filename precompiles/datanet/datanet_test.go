package datanet_test

import (
	"crypto/sha256"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	ethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/core/address"
	"cosmossdk.io/core/header"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/precompiles/datanet"
	"github.com/openledger/openledger/precompiles/precompilekit"
	"github.com/openledger/openledger/testutil"
	"github.com/openledger/openledger/x/datanet/keeper"
	"github.com/openledger/openledger/x/datanet/types"
)

// logs collects the events a call emits.
type logs []*ethtypes.Log

func (l *logs) AddLog(log *ethtypes.Log) { *l = append(*l, log) }

type fixture struct {
	t                      *testing.T
	ctx                    sdk.Context
	keeper                 keeper.Keeper
	chain                  *testutil.Chain
	p                      *precompilekit.Precompile
	abi                    abi.ABI
	logs                   logs
	codec                  address.Codec
	owner, alice, stranger common.Address
}

// newFixture runs the precompile over the keepers of a real in-process
// chain, on a context that keeps its writes for the test's later calls.
func newFixture(t *testing.T) *fixture {
	t.Helper()
	chain := testutil.NewChain(t, 1000, 1000, 1000, 1_000_000)
	a := chain.App
	codec := a.AccountKeeper.AddressCodec()
	p, err := datanet.NewPrecompile(keeper.NewMsgServerImpl(a.DatanetKeeper), keeper.NewQueryServerImpl(a.DatanetKeeper), codec, a.BankKeeper)
	require.NoError(t, err)
	addr := func(i int) common.Address { return common.BytesToAddress(chain.Accounts[i].Address) }
	return &fixture{
		t: t, ctx: chain.Context().WithHeaderInfo(header.Info{Height: 100}), keeper: a.DatanetKeeper, chain: chain, p: p, abi: p.ABI, codec: codec,
		owner: addr(0), alice: addr(1), stranger: addr(2),
	}
}

func (f *fixture) balance(addr common.Address) math.Int {
	return f.chain.App.BankKeeper.GetBalance(f.ctx, addr.Bytes(), types.DefaultDenom).Amount
}

// call packs method's arguments, runs it as caller and unpacks the outputs.
func (f *fixture) call(caller common.Address, method string, args ...any) ([]any, error) {
	f.t.Helper()
	input, err := f.abi.Pack(method, args...)
	require.NoError(f.t, err)
	out, err := f.p.Invoke(f.ctx, caller, input, &f.logs)
	if err != nil {
		return nil, err
	}
	values, err := f.abi.Methods[method].Outputs.Unpack(out)
	require.NoError(f.t, err)
	return values, nil
}

func (f *fixture) mustCall(caller common.Address, method string, args ...any) []any {
	f.t.Helper()
	out, err := f.call(caller, method, args...)
	require.NoError(f.t, err)
	return out
}

// requireCosmosError checks that err, encoded as the precompile's revert,
// decodes to want's codespace and code.
func (f *fixture) requireCosmosError(err error, codespace string, code uint32) {
	f.t.Helper()
	require.Error(f.t, err)
	data, packErr := precompilekit.RevertData(f.abi, err)
	require.NoError(f.t, packErr)
	revert := f.abi.Errors[precompilekit.RevertErrorName]
	require.Equal(f.t, revert.ID[:4], data[:4])
	values, unpackErr := revert.Inputs.Unpack(data[4:])
	require.NoError(f.t, unpackErr)
	require.Equal(f.t, codespace, values[0])
	require.Equal(f.t, code, values[1])
	require.Equal(f.t, err.Error(), values[2])
}

func (f *fixture) lastLog(event string) *ethtypes.Log {
	f.t.Helper()
	require.NotEmpty(f.t, f.logs)
	last := f.logs[len(f.logs)-1]
	require.Equal(f.t, f.abi.Events[event].ID, last.Topics[0], "last event is not %s", event)
	require.Equal(f.t, common.HexToAddress(datanet.Address), last.Address)
	return last
}

func create(f *fixture, caller common.Address, name string) uint64 {
	f.t.Helper()
	out := f.mustCall(caller, "createDatanet", name, "one line", "# about", []string{"text"}, "CC-BY-4.0",
		uint8(types.VISIBILITY_PUBLIC), uint8(types.CURATION_POLICY_OWNER_REVIEWS))
	return out[0].(uint64)
}

func TestPrecompileCreatesAsMsgSender(t *testing.T) {
	f := newFixture(t)
	params, err := f.keeper.Params.Get(f.ctx)
	require.NoError(t, err)
	before := f.balance(f.owner)

	id := create(f, f.owner, "poems")
	require.Equal(t, uint64(1), id)
	d, err := f.keeper.GetDatanet(f.ctx, id)
	require.NoError(t, err)
	ownerStr, err := f.codec.BytesToString(f.owner.Bytes())
	require.NoError(t, err)
	require.Equal(t, ownerStr, d.Owner, "the Datanet belongs to msg.sender")
	require.Equal(t, before.Sub(params.CreationFee.Amount), f.balance(f.owner))

	log := f.lastLog("DatanetCreated")
	require.Equal(t, common.BigToHash(new(big.Int).SetUint64(id)), log.Topics[1])
	require.Equal(t, common.BytesToHash(f.owner.Bytes()), log.Topics[2])
	data, err := f.abi.Events["DatanetCreated"].Inputs.NonIndexed().Unpack(log.Data)
	require.NoError(t, err)
	require.Equal(t, []any{"poems"}, data)

	view := f.mustCall(f.stranger, "getDatanet", id)[0]
	got := view.(struct {
		Id             uint64           `json:"id"` //nolint:revive // the ABI decoder names the field Id
		Owner          common.Address   `json:"owner"`
		Name           string           `json:"name"`
		Summary        string           `json:"summary"`
		Description    string           `json:"description"`
		Tags           []string         `json:"tags"`
		License        string           `json:"license"`
		Visibility     uint8            `json:"visibility"`
		CurationPolicy uint8            `json:"curationPolicy"`
		Curators       []common.Address `json:"curators"`
		Status         uint8            `json:"status"`
		CurrentVersion uint64           `json:"currentVersion"`
		CreatedHeight  int64            `json:"createdHeight"`
		UpdatedHeight  int64            `json:"updatedHeight"`
	})
	require.Equal(t, f.owner, got.Owner)
	require.Equal(t, "poems", got.Name)
	require.Equal(t, []string{"text"}, got.Tags)
	require.Empty(t, got.Curators)
	require.Equal(t, uint8(types.DATANET_STATUS_ACTIVE), got.Status)
	require.Equal(t, int64(100), got.CreatedHeight)
}

func TestPrecompileUpdateDecodesEveryArgument(t *testing.T) {
	f := newFixture(t)
	id := create(f, f.owner, "poems")
	f.mustCall(f.owner, "updateDatanet", id, "sonnets", "fourteen lines", "## more", []string{"verse", "english"}, "MIT",
		uint8(types.VISIBILITY_PRIVATE), uint8(types.CURATION_POLICY_CURATOR_SET_REVIEWS))
	d, err := f.keeper.GetDatanet(f.ctx, id)
	require.NoError(t, err)
	require.Equal(t, "sonnets", d.Name)
	require.Equal(t, "fourteen lines", d.Summary)
	require.Equal(t, "## more", d.Description)
	require.Equal(t, []string{"verse", "english"}, d.Tags)
	require.Equal(t, "MIT", d.License)
	require.Equal(t, types.VISIBILITY_PRIVATE, d.Visibility)
	require.Equal(t, types.CURATION_POLICY_CURATOR_SET_REVIEWS, d.CurationPolicy)
	f.lastLog("DatanetUpdated")

	_, err = f.call(f.stranger, "updateDatanet", id, "mine now", "", "", []string{}, "MIT", uint8(1), uint8(1))
	f.requireCosmosError(err, types.ModuleName, types.ErrNotDatanetOwner.ABCICode())
}

func TestPrecompileContributeReviewAndProve(t *testing.T) {
	f := newFixture(t)
	id := create(f, f.owner, "poems")
	params, err := f.keeper.Params.Get(f.ctx)
	require.NoError(t, err)

	text := []byte("Shall I compare thee to a summer's day?")
	hash := sha256.Sum256(text)
	before := f.balance(f.alice)
	out := f.mustCall(f.alice, "submitContribution", id, hash, uint64(len(text)), "text/plain", text, "")
	cid, fee, deposit := out[0].(uint64), out[1].(*big.Int), out[2].(*big.Int)
	require.Equal(t, params.FeePerByte.Amount.MulRaw(int64(len(text))).BigInt(), fee)
	require.Equal(t, params.ContributionDeposit.Amount.BigInt(), deposit)
	spent := math.NewIntFromBigInt(fee).Add(math.NewIntFromBigInt(deposit))
	require.Equal(t, before.Sub(spent), f.balance(f.alice))
	log := f.lastLog("ContributionSubmitted")
	require.Equal(t, common.BytesToHash(f.alice.Bytes()), log.Topics[3])

	// A wrong hash is the module's own error, code and message.
	_, err = f.call(f.alice, "submitContribution", id, sha256.Sum256([]byte("other")), uint64(len(text)), "text/plain", text, "")
	f.requireCosmosError(err, types.ModuleName, types.ErrContentHashMismatch.ABCICode())

	decisions := []struct {
		ContributionId uint64 `json:"contributionId"` //nolint:revive // as the ABI decoder names it
		Accept         bool   `json:"accept"`
		Reason         string `json:"reason"`
	}{{ContributionId: cid, Accept: true, Reason: "fits"}}
	_, err = f.call(f.stranger, "reviewContributions", id, decisions)
	f.requireCosmosError(err, types.ModuleName, types.ErrNotReviewer.ABCICode())

	out = f.mustCall(f.owner, "reviewContributions", id, decisions)
	require.Equal(t, []uint64{cid}, out[0])
	require.Equal(t, []uint64{}, out[1])
	require.Equal(t, uint64(1), out[2])
	root := out[3].([32]byte)
	require.NotEqual(t, [32]byte{}, root)
	f.lastLog("ContributionsReviewed")

	version := f.mustCall(f.stranger, "getVersion", id, uint64(1))[0]
	require.Equal(t, root, version.(struct {
		DatanetId uint64   `json:"datanetId"` //nolint:revive // as the ABI decoder names it
		Version   uint64   `json:"version"`
		Root      [32]byte `json:"root"`
		LeafCount uint64   `json:"leafCount"`
		Height    int64    `json:"height"`
	}).Root)

	proof := f.mustCall(f.stranger, "getMembershipProof", cid, uint64(0))[0].(struct {
		DatanetId uint64     `json:"datanetId"` //nolint:revive // as the ABI decoder names it
		Version   uint64     `json:"version"`
		Root      [32]byte   `json:"root"`
		LeafCount uint64     `json:"leafCount"`
		LeafIndex uint64     `json:"leafIndex"`
		Leaf      [32]byte   `json:"leaf"`
		Siblings  [][32]byte `json:"siblings"`
	})
	require.Equal(t, root, proof.Root)
	require.Equal(t, uint64(1), proof.LeafCount)

	_, err = f.call(f.alice, "withdrawContribution", cid)
	f.requireCosmosError(err, types.ModuleName, types.ErrContributionNotPending.ABCICode())
}

func TestPrecompileCuratorsOwnershipArchive(t *testing.T) {
	f := newFixture(t)
	id := create(f, f.owner, "poems")
	f.mustCall(f.owner, "setCurators", id, []common.Address{f.alice})
	d, err := f.keeper.GetDatanet(f.ctx, id)
	require.NoError(t, err)
	aliceStr, err := f.codec.BytesToString(f.alice.Bytes())
	require.NoError(t, err)
	require.Equal(t, []string{aliceStr}, d.Curators)

	f.mustCall(f.owner, "transferOwnership", id, f.alice)
	log := f.lastLog("OwnershipTransferred")
	require.Equal(t, common.BytesToHash(f.owner.Bytes()), log.Topics[2])
	require.Equal(t, common.BytesToHash(f.alice.Bytes()), log.Topics[3])

	_, err = f.call(f.owner, "archiveDatanet", id)
	f.requireCosmosError(err, types.ModuleName, types.ErrNotDatanetOwner.ABCICode())
	out := f.mustCall(f.alice, "archiveDatanet", id)
	require.Equal(t, []uint64{}, out[0])

	_, err = f.call(f.alice, "getDatanet", uint64(99))
	f.requireCosmosError(err, types.ModuleName, types.ErrDatanetNotFound.ABCICode())
}

func TestPrecompileABIAndHandlersAgree(t *testing.T) {
	p, err := datanet.NewPrecompile(nil, nil, nil, nil)
	require.NoError(t, err)
	writes := map[string]bool{
		"createDatanet": true, "updateDatanet": true, "setCurators": true, "archiveDatanet": true,
		"transferOwnership": true, "submitContribution": true, "withdrawContribution": true, "reviewContributions": true,
		"getDatanet": false, "getContribution": false, "getVersion": false, "getMembershipProof": false,
	}
	require.Len(t, p.Methods, len(writes))
	for name, method := range p.Methods {
		write, ok := writes[name]
		require.True(t, ok, "unexpected method %s", name)
		require.Equal(t, write, !method.IsConstant(), "%s: a writing method is a transaction, a view is not", name)
		require.False(t, method.IsPayable(), "%s takes no value", name)
	}
	require.Equal(t, common.HexToAddress(datanet.Address), p.Address())

	_, err = precompilekit.New("broken", p.Address(), datanet.ABIJSON, nil, map[string]precompilekit.Method{})
	require.ErrorContains(t, err, "has no handler")
}
