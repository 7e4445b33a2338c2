package system_test

import (
	"context"
	"crypto/ecdsa"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/types/bech32"

	"github.com/openledger/openledger/app/config"
	"github.com/openledger/openledger/precompiles/agentstake"
	"github.com/openledger/openledger/precompiles/inferencefees"
)

// Solidity structs of IInferencefees.sol as go-ethereum's ABI codec takes
// and returns them.
type (
	precompileCredit = struct {
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
	precompileWeight struct {
		ContributionId uint64 `json:"contributionId"` //nolint:revive // as the ABI names it
		Ppm            uint32 `json:"ppm"`
	}
)

// A fresh wallet prepays inference credit with msg.value, pays a serving
// node directly and asks for part of its credit back, all through the
// inference fees precompile. The deposited value ends up, to the aopen, as
// the wallet's credit in the module account; the precompile's address keeps
// nothing; refused calls, with value or without, change nothing but the gas.
func TestInferencefeesPrecompileFromAWallet(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	s := newPrecompileEVM(t, ctx, inferencefees.ABIJSON, inferencefees.Address)
	stake := newPrecompileEVM(t, ctx, agentstake.ABIJSON, agentstake.Address)
	open := func(n int64) *big.Int { return openAmount(n).BigInt() }
	evmBalance := func(addr common.Address) *big.Int {
		b, err := s.client.BalanceAt(ctx, addr, nil)
		require.NoError(t, err)
		return b
	}
	bankBalance := func(addr string) *big.Int { return mustInt(t, localnet.balance(t, addr)).BigInt() }
	bech := func(addr common.Address) string {
		out, err := bech32.ConvertAndEncode(config.Bech32Prefix, addr.Bytes())
		require.NoError(t, err)
		return out
	}
	newWallet := func(funds *big.Int) (*ecdsa.PrivateKey, common.Address) {
		key, err := crypto.GenerateKey()
		require.NoError(t, err)
		addr := crypto.PubkeyToAddress(key.PublicKey)
		funding := sendEVMTx(ctx, t, s.client, exportEthKey(t, "dev4"), &addr, funds, nil)
		require.Equal(t, types.ReceiptStatusSuccessful, funding.Status)
		return key, addr
	}

	// A model priced per call and a serving node of it, staked from its own
	// wallet through the agent staking precompile.
	pricePerCall := big.NewInt(1_000_000_000_000_000)
	weights := filepath.Join(t.TempDir(), "model.safetensors")
	require.NoError(t, os.WriteFile(weights, []byte("weights of the precompile-fees model"), 0o600))
	modelTx(t, "dev4", "register", "precompile-fees-base", "--kind", "base", "--artifact", weights,
		"--uri", "hf://openledger/precompile-fees-base", "--architecture", "llama", "--license", "apache-2.0",
		"--price-per-call", pricePerCall.String())
	modelID, err := strconv.ParseUint(newestModel(t, localnet.address(t, "dev4")), 10, 64)
	require.NoError(t, err)
	minStake := agentstakeParams(t).MinStakeServingNode.BigInt()
	nodeKey, node := newWallet(new(big.Int).Add(minStake, open(10)))
	stake.send(nodeKey, "registerAgent", node, uint8(1), []uint64{modelID}, "https://node.example/v1", "", minStake)

	userKey, user := newWallet(open(100))
	moduleAccount := moduleAddress(t, "inferencefees")
	precompileAccount := bech(s.address)

	// depositCredit with msg.value: the wallet pays the value and its gas,
	// the module account receives the value, the precompile keeps nothing.
	deposit := new(big.Int).Add(open(30), big.NewInt(7))
	userBefore, moduleBefore := evmBalance(user), bankBalance(moduleAccount)
	receipt := sendEVMTx(ctx, t, s.client, userKey, &s.address, deposit, s.pack("depositCredit"))
	require.Equal(t, types.ReceiptStatusSuccessful, receipt.Status)
	evmDepositGas := receipt.GasUsed
	deposited := s.event(receipt, "CreditDeposited")
	require.Equal(t, common.BytesToHash(user.Bytes()), deposited.Topics[1])
	data, err := s.abi.Events["CreditDeposited"].Inputs.NonIndexed().Unpack(deposited.Data)
	require.NoError(t, err)
	require.Equal(t, []any{deposit, deposit}, data, "amount and new balance")
	userAfter := evmBalance(user)
	require.Equal(t, new(big.Int).Sub(userBefore, new(big.Int).Add(deposit, gasCost(receipt))), userAfter, "the value and the gas, nothing else")
	require.Equal(t, userAfter, bankBalance(bech(user)), "bank and EVM agree")
	require.Equal(t, new(big.Int).Add(moduleBefore, deposit), bankBalance(moduleAccount), "the value is in the module account")
	require.Zero(t, bankBalance(precompileAccount).Sign(), "the precompile's address holds nothing")
	require.Zero(t, evmBalance(s.address).Sign())
	credit := s.view("getCredit", user)[0].(precompileCredit)
	require.Equal(t, deposit, credit.Balance)
	require.Equal(t, deposit, credit.Available)
	var onChain struct {
		Credit struct {
			Balance string `json:"balance"`
		} `json:"credit"`
	}
	queryJSON(t, &onChain, "query", "inferencefees", "credit", bech(user))
	require.Equal(t, deposit.String(), onChain.Credit.Balance)

	// payInference pays from the wallet's OPEN, not its credit; the node
	// earns its share at once.
	amount := new(big.Int).Mul(pricePerCall, big.NewInt(2))
	userBefore, nodeBefore := evmBalance(user), evmBalance(node)
	receipt = s.send(userKey, "payInference", node, modelID, amount, uint64(2), [32]byte{}, "", []precompileWeight{}, uint64(0))
	evmPayGas := receipt.GasUsed
	paid := s.event(receipt, "InferencePaid")
	require.Equal(t, []common.Hash{
		common.BytesToHash(user.Bytes()), common.BytesToHash(node.Bytes()), common.BigToHash(new(big.Int).SetUint64(modelID)),
	}, paid.Topics[1:])
	require.Equal(t, new(big.Int).Sub(userBefore, new(big.Int).Add(amount, gasCost(receipt))), evmBalance(user))
	require.Equal(t, new(big.Int).Add(nodeBefore, new(big.Int).Div(new(big.Int).Mul(amount, big.NewInt(3000)), big.NewInt(10_000))), evmBalance(node),
		"the serving node's 30%")
	require.Equal(t, deposit, s.view("getCredit", user)[0].(precompileCredit).Balance)

	// Refusals decode as the registered error and change nothing: too much
	// withdrawn, a price that is not the model's, msg.value to a method that
	// is not payable, a deposit below the minimum.
	tooMuch := new(big.Int).Add(deposit, big.NewInt(1))
	codespace, code, message := s.revert(user, s.address, s.pack("requestWithdrawal", tooMuch))
	require.Equal(t, []any{"inferencefees", uint32(6)}, []any{codespace, code}, message)
	codespace, code, message = s.revert(user, s.address,
		s.pack("payInference", node, modelID, big.NewInt(1), uint64(2), [32]byte{}, "", []precompileWeight{}, uint64(0)))
	require.Equal(t, []any{"inferencefees", uint32(33)}, []any{codespace, code}, message)
	codespace, code, message = s.revertWithValue(user, big.NewInt(1), s.pack("requestWithdrawal", open(1)))
	require.Equal(t, []any{"precompile", uint32(2)}, []any{codespace, code}, message)
	codespace, code, message = s.revertWithValue(user, big.NewInt(1), s.pack("depositCredit"))
	require.Equal(t, []any{"inferencefees", uint32(5)}, []any{codespace, code}, message)
	for _, bad := range []struct {
		value *big.Int
		data  []byte
	}{
		{nil, s.pack("requestWithdrawal", tooMuch)},
		{open(1), s.pack("requestWithdrawal", open(1))},
		{open(1), s.pack("payInference", node, modelID, amount, uint64(2), [32]byte{}, "", []precompileWeight{}, uint64(0))},
	} {
		userBefore, moduleBefore = evmBalance(user), bankBalance(moduleAccount)
		receipt = sendEVMTxWithGas(ctx, t, s.client, userKey, &s.address, bad.value, bad.data, 200_000)
		require.Equal(t, types.ReceiptStatusFailed, receipt.Status)
		require.Equal(t, new(big.Int).Sub(userBefore, gasCost(receipt)), evmBalance(user), "only the gas; the value came back")
		require.Equal(t, moduleBefore, bankBalance(moduleAccount))
		require.Zero(t, bankBalance(precompileAccount).Sign())
		require.Zero(t, evmBalance(s.address).Sign())
		require.Empty(t, receipt.Logs)
	}
	require.Equal(t, deposit, s.view("getCredit", user)[0].(precompileCredit).Balance, "the refusals changed no credit")

	// requestWithdrawal keeps the amount in the credit until its release
	// (5 s on the test chain); then it returns to the wallet.
	receipt = s.send(userKey, "requestWithdrawal", open(10))
	evmWithdrawGas := receipt.GasUsed
	requested := s.event(receipt, "WithdrawalRequested")
	require.Equal(t, common.BytesToHash(user.Bytes()), requested.Topics[1])
	credit = s.view("getCredit", user)[0].(precompileCredit)
	require.Equal(t, deposit, credit.Balance)
	require.Equal(t, open(10), credit.Locked)
	require.Equal(t, new(big.Int).Sub(deposit, open(10)), credit.Available)
	require.Len(t, credit.Withdrawals, 1)
	require.Equal(t, new(big.Int).SetBytes(requested.Topics[2].Bytes()).Uint64(), credit.Withdrawals[0].Id)

	requestedAt, err := s.client.BalanceAt(ctx, user, receipt.BlockNumber)
	require.NoError(t, err)
	waitFor(t, 30*time.Second, "the withdrawal to be paid out", func() bool {
		return len(s.view("getCredit", user)[0].(precompileCredit).Withdrawals) == 0
	})
	credit = s.view("getCredit", user)[0].(precompileCredit)
	require.Equal(t, new(big.Int).Sub(deposit, open(10)), credit.Balance)
	require.Zero(t, credit.PendingWithdrawal.Sign())
	require.Equal(t, new(big.Int).Add(requestedAt, open(10)), evmBalance(user), "the payout, to the aopen")

	// The same three steps as Cosmos transactions from the CLI, for their gas.
	cliDeposit := moduleTx(t, "dev3", "inferencefees", "deposit-credit", deposit.String()+"aopen")
	cliPay := moduleTx(t, "dev3", "inferencefees", "pay-inference", bech(node), strconv.FormatUint(modelID, 10), amount.String()+"aopen", "2")
	cliWithdraw := moduleTx(t, "dev3", "inferencefees", "request-withdrawal", open(10).String()+"aopen")
	t.Logf("gas: depositCredit %s (CLI) / %d (EVM); payInference %s / %d; requestWithdrawal %s / %d",
		cliDeposit.GasUsed, evmDepositGas, cliPay.GasUsed, evmPayGas, cliWithdraw.GasUsed, evmWithdrawGas)
}

// revertWithValue simulates a call of data with msg.value as from and
// returns the decoded CosmosError.
func (d *precompileEVM) revertWithValue(from common.Address, value *big.Int, data []byte) (codespace string, code uint32, message string) {
	d.t.Helper()
	_, err := d.client.CallContract(d.ctx, ethereum.CallMsg{From: from, To: &d.address, Value: value, Data: data}, nil)
	return decodeCosmosError(d.t, d.abi.Errors["CosmosError"], err)
}
