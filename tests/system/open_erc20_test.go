package system_test

import (
	"context"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/openledger/openledger/precompiles"
)

// Native OPEN seen as an ERC-20, the way a wallet or a DeFi contract sees a
// token: its metadata, balances that are the bank's, and a transfer that
// moves native OPEN.
func TestOPENIsAnERC20(t *testing.T) {
	client := dialEVM(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	erc20 := loadArtifact(t, "TestToken") // any ERC-20's ABI
	token := common.HexToAddress(precompiles.OPENTokenAddress)

	require.Equal(t, "OPEN", callArtifact(ctx, t, client, erc20, token, "symbol")[0])
	require.Equal(t, uint8(18), callArtifact(ctx, t, client, erc20, token, "decimals")[0])
	require.Equal(t, totalSupply(t).BigInt(), callArtifact(ctx, t, client, erc20, token, "totalSupply")[0])

	holder := localnet.address(t, "dev2")
	require.Equal(t, localnet.balance(t, holder), callArtifact(ctx, t, client, erc20, token, "balanceOf", hexAddress(t, holder))[0].(*big.Int).String())

	// An ERC-20 transfer to a fresh address moves exactly that much native
	// OPEN: the recipient's bank and EVM balances both show it.
	recipientKey, err := crypto.GenerateKey()
	require.NoError(t, err)
	recipient := crypto.PubkeyToAddress(recipientKey.PublicKey)
	amount := new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)
	data, err := erc20.abi.Pack("transfer", recipient, amount)
	require.NoError(t, err)
	receipt := sendEVMTx(ctx, t, client, exportEthKey(t, "dev2"), &token, nil, data)
	require.Equal(t, types.ReceiptStatusSuccessful, receipt.Status)
	require.NotEmpty(t, receipt.Logs)
	require.Equal(t, erc20.abi.Events["Transfer"].ID, receipt.Logs[0].Topics[0])

	native, err := client.BalanceAt(ctx, recipient, nil)
	require.NoError(t, err)
	require.Equal(t, amount, native)
	require.Equal(t, amount, callArtifact(ctx, t, client, erc20, token, "balanceOf", recipient)[0])

	// WETH's deposit, called with value, gives the value straight back:
	// the sender pays only gas, and no aopen is made or lost.
	supplyBefore := totalSupply(t)
	depositor := exportEthKey(t, "dev3")
	before, err := client.BalanceAt(ctx, crypto.PubkeyToAddress(depositor.PublicKey), nil)
	require.NoError(t, err)
	deposit, err := werc20ABI.Pack("deposit")
	require.NoError(t, err)
	receipt = sendEVMTx(ctx, t, client, depositor, &token, amount, deposit)
	require.Equal(t, types.ReceiptStatusSuccessful, receipt.Status)
	after, err := client.BalanceAt(ctx, crypto.PubkeyToAddress(depositor.PublicKey), nil)
	require.NoError(t, err)
	require.Equal(t, gasCost(receipt), new(big.Int).Sub(before, after))
	tokenBalance, err := client.BalanceAt(ctx, token, nil)
	require.NoError(t, err)
	require.Zero(t, tokenBalance.Sign(), "the token address keeps nothing")
	require.Equal(t, supplyBefore, totalSupply(t))
}

// werc20ABI is the part of cosmos/evm's IWERC20 that ERC-20 lacks.
var werc20ABI = func() abi.ABI {
	parsed, err := abi.JSON(strings.NewReader(`[{"type":"function","name":"deposit","inputs":[],"outputs":[],"stateMutability":"payable"}]`))
	if err != nil {
		panic(err)
	}
	return parsed
}()
