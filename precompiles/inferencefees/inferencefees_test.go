package inferencefees_test

import (
	"crypto/sha256"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	ethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/core/header"
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/openledger/openledger/precompiles/inferencefees"
	"github.com/openledger/openledger/precompiles/precompilekit"
	"github.com/openledger/openledger/testutil"
	agentstakekeeper "github.com/openledger/openledger/x/agentstake/keeper"
	agentstaketypes "github.com/openledger/openledger/x/agentstake/types"
	"github.com/openledger/openledger/x/inferencefees/keeper"
	"github.com/openledger/openledger/x/inferencefees/types"
	modelregkeeper "github.com/openledger/openledger/x/modelreg/keeper"
	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

type logs []*ethtypes.Log

func (l *logs) AddLog(log *ethtypes.Log) { *l = append(*l, log) }

// Solidity structs as go-ethereum's ABI decoder returns them.
type (
	creditView = struct {
		Balance           *big.Int `json:"balance"`
		PendingWithdrawal *big.Int `json:"pendingWithdrawal"`
		Locked            *big.Int `json:"locked"`
		Available         *big.Int `json:"available"`
		Withdrawals       []struct {
			Id              uint64   `json:"id"` //nolint:revive // as the ABI decoder names it
			Amount          *big.Int `json:"amount"`
			RequestedHeight int64    `json:"requestedHeight"`
			ReleaseTime     int64    `json:"releaseTime"`
		} `json:"withdrawals"`
	}
	weight struct {
		ContributionId uint64 `json:"contributionId"` //nolint:revive // as the ABI names it
		Ppm            uint32 `json:"ppm"`
	}
)

func open(n int64) *big.Int {
	return new(big.Int).Mul(big.NewInt(n), new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil))
}

func TestInferencefeesPrecompileCreditAndPayments(t *testing.T) {
	chain := testutil.NewChain(t, 100_000, 100_000, 1_000_000)
	a := chain.App
	codec := a.AccountKeeper.AddressCodec()
	ctx := chain.Context().WithHeaderInfo(header.Info{Height: 10, Time: chain.Context().BlockTime()})
	p, err := inferencefees.NewPrecompile(keeper.NewMsgServerImpl(a.InferencefeesKeeper), keeper.NewQueryServerImpl(a.InferencefeesKeeper),
		codec, a.BankKeeper)
	require.NoError(t, err)
	var emitted logs
	call := func(from common.Address, value *big.Int, method string, args ...any) ([]any, error) {
		input, err := p.Pack(method, args...)
		require.NoError(t, err)
		out, err := p.InvokeWithValue(ctx, from, value, input, &emitted)
		if err != nil {
			return nil, err
		}
		return p.Methods[method].Outputs.Unpack(out)
	}
	user := common.BytesToAddress(chain.Accounts[0].Address)
	node := common.BytesToAddress(chain.Accounts[1].Address)
	modelOwner := common.BytesToAddress(chain.Accounts[2].Address)
	moduleAddr := authtypes.NewModuleAddress(types.ModuleName)
	balance := func(addr sdk.AccAddress) *big.Int {
		return a.BankKeeper.GetBalance(ctx, addr, types.Denom).Amount.BigInt()
	}

	// msg.value becomes the credit: it leaves the user and reaches the
	// module account, to the aopen.
	userBefore, moduleBefore := balance(user.Bytes()), balance(moduleAddr)
	deposit := new(big.Int).Add(open(50), big.NewInt(7))
	out, err := call(user, deposit, "depositCredit")
	require.NoError(t, err)
	require.Equal(t, deposit, out[0])
	require.Equal(t, new(big.Int).Sub(userBefore, deposit), balance(user.Bytes()))
	require.Equal(t, new(big.Int).Add(moduleBefore, deposit), balance(moduleAddr))
	log := emitted[len(emitted)-1]
	require.Equal(t, p.Events["CreditDeposited"].ID, log.Topics[0])
	require.Equal(t, common.BytesToHash(user.Bytes()), log.Topics[1])
	data, err := p.Events["CreditDeposited"].Inputs.NonIndexed().Unpack(log.Data)
	require.NoError(t, err)
	require.Equal(t, []any{deposit, deposit}, data)

	out, err = call(user, big.NewInt(0), "requestWithdrawal", open(20))
	require.NoError(t, err)
	require.Equal(t, uint64(1), out[0])
	require.Equal(t, ctx.BlockTime().Add(types.DefaultWithdrawalDelay).Unix(), out[1])
	log = emitted[len(emitted)-1]
	require.Equal(t, p.Events["WithdrawalRequested"].ID, log.Topics[0])
	require.Equal(t, common.BigToHash(big.NewInt(1)), log.Topics[2])

	out, err = call(node, nil0(), "getCredit", user)
	require.NoError(t, err)
	credit := out[0].(creditView)
	require.Equal(t, deposit, credit.Balance)
	require.Equal(t, open(20), credit.PendingWithdrawal)
	require.Equal(t, open(20), credit.Locked)
	require.Equal(t, new(big.Int).Sub(deposit, open(20)), credit.Available)
	require.Len(t, credit.Withdrawals, 1)
	require.Equal(t, int64(10), credit.Withdrawals[0].RequestedHeight)

	// A model with a per-call price and a serving node of it, set up through
	// the modules' own messages.
	modelOwnerStr, err := precompilekit.Bech32(codec, modelOwner)
	require.NoError(t, err)
	model, err := modelregkeeper.NewMsgServerImpl(a.ModelregKeeper).RegisterModel(ctx, &modelregtypes.MsgRegisterModel{
		Owner: modelOwnerStr, Name: "base", Kind: modelregtypes.MODEL_KIND_BASE, Architecture: "llama",
		Artifact: modelregtypes.Artifact{
			Uri: "ipfs://base", Sha256: hash("base"), SizeBytes: 1000, Format: modelregtypes.ARTIFACT_FORMAT_SAFETENSORS,
		},
		License: "MIT", Price: modelregtypes.Price{PerCall: math.NewInt(1000), Per_1KTokens: math.ZeroInt()},
	})
	require.NoError(t, err)
	nodeStr, err := precompilekit.Bech32(codec, node)
	require.NoError(t, err)
	_, err = agentstakekeeper.NewMsgServerImpl(a.AgentstakeKeeper).RegisterAgent(ctx, &agentstaketypes.MsgRegisterAgent{
		Owner: nodeStr, Operator: nodeStr, Kind: agentstaketypes.AGENT_KIND_SERVING_NODE, ModelIds: []uint64{model.ModelId},
		Endpoint: "https://node.example", Stake: math.NewIntFromBigInt(open(10_000)),
	})
	require.NoError(t, err)

	// A direct payment leaves the payer's OPEN, not its credit.
	userBefore = balance(user.Bytes())
	out, err = call(user, nil0(), "payInference", node, model.ModelId, big.NewInt(3000), uint64(3), [32]byte{}, "", []weight{}, uint64(0))
	require.NoError(t, err)
	require.Zero(t, out[0], "a model trained on no Datanet makes no attribution record")
	require.Equal(t, new(big.Int).Sub(userBefore, big.NewInt(3000)), balance(user.Bytes()))
	log = emitted[len(emitted)-1]
	require.Equal(t, p.Events["InferencePaid"].ID, log.Topics[0])
	require.Equal(t, []common.Hash{common.BytesToHash(user.Bytes()), common.BytesToHash(node.Bytes()), common.BigToHash(new(big.Int).SetUint64(model.ModelId))},
		log.Topics[1:])
	out, err = call(node, nil0(), "getCredit", user)
	require.NoError(t, err)
	require.Equal(t, deposit, out[0].(creditView).Balance)

	// Refusals carry the registered error of whoever refused.
	events := len(emitted)
	_, err = call(user, open(1), "requestWithdrawal", open(1))
	requireCosmosError(t, p, err, precompilekit.ErrNotPayable)
	_, err = call(user, nil0(), "depositCredit")
	requireCosmosError(t, p, err, types.ErrInvalidAmount)
	_, err = call(user, big.NewInt(1), "depositCredit")
	requireCosmosError(t, p, err, types.ErrBelowMinDeposit)
	_, err = call(user, nil0(), "requestWithdrawal", deposit)
	requireCosmosError(t, p, err, types.ErrWithdrawalExceedsCredit)
	_, err = call(user, nil0(), "payInference", node, model.ModelId, big.NewInt(2999), uint64(3), [32]byte{}, "", []weight{}, uint64(0))
	requireCosmosError(t, p, err, types.ErrUsageOffPrice)
	_, err = call(user, nil0(), "payInference", node, uint64(99), big.NewInt(1000), uint64(1), [32]byte{}, "", []weight{}, uint64(0))
	requireCosmosError(t, p, err, modelregtypes.ErrModelNotFound)
	_, err = call(user, nil0(), "payInference", node, model.ModelId, big.NewInt(1000), uint64(1), [32]byte{}, "", []weight{{ContributionId: 1, Ppm: 10}}, uint64(0))
	requireCosmosError(t, p, err, types.ErrInvalidAttribution)
	_, err = call(user, nil0(), "getChannel", user, node)
	requireCosmosError(t, p, err, types.ErrChannelNotFound)
	require.Len(t, emitted, events, "a refused call emits nothing")
}

// The flat charge before a call is the SDK's store write cost for a writing
// method and its read cost for a view, plus the input's bytes.
func TestInferencefeesPrecompileGas(t *testing.T) {
	chain := testutil.NewChain(t, 1)
	a := chain.App
	p, err := inferencefees.NewPrecompile(keeper.NewMsgServerImpl(a.InferencefeesKeeper), keeper.NewQueryServerImpl(a.InferencefeesKeeper),
		a.AccountKeeper.AddressCodec(), a.BankKeeper)
	require.NoError(t, err)
	gas := storetypes.KVGasConfig()
	for _, tc := range []struct {
		method string
		args   []any
		write  bool
	}{
		{"depositCredit", nil, true},
		{"requestWithdrawal", []any{open(1)}, true},
		{"payInference", []any{common.Address{1}, uint64(1), big.NewInt(1), uint64(1), [32]byte{}, "m", []weight{{1, 2}}, uint64(0)}, true},
		{"getCredit", []any{common.Address{1}}, false},
		{"getChannel", []any{common.Address{1}, common.Address{2}}, false},
	} {
		input, err := p.Pack(tc.method, tc.args...)
		require.NoError(t, err)
		want := gas.ReadCostFlat + gas.ReadCostPerByte*uint64(len(input))
		if tc.write {
			want = gas.WriteCostFlat + gas.WriteCostPerByte*uint64(len(input))
		}
		require.Equal(t, want, p.RequiredGas(input), tc.method)
		require.Equal(t, !tc.write, p.Methods[tc.method].IsConstant(), tc.method)
		require.Equal(t, tc.method == "depositCredit", p.Methods[tc.method].IsPayable(), tc.method)
	}
}

func nil0() *big.Int { return new(big.Int) }

func hash(s string) []byte {
	h := sha256.Sum256([]byte(s))
	return h[:]
}

// requireCosmosError checks that err reverts as want's CosmosError.
func requireCosmosError(t *testing.T, p *precompilekit.Precompile, err error, want *errorsmod.Error) {
	t.Helper()
	require.ErrorIs(t, err, want)
	data, packErr := precompilekit.RevertData(p.ABI, err)
	require.NoError(t, packErr)
	values, unpackErr := p.Errors[precompilekit.RevertErrorName].Inputs.Unpack(data[4:])
	require.NoError(t, unpackErr)
	require.Equal(t, []any{want.Codespace(), want.ABCICode()}, values[:2], "%v", err)
}
