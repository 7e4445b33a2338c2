package system_test

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"math/big"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"
)

// The EVM tests use the JSON-RPC endpoint with go-ethereum's client, the way
// MetaMask and every Ethereum tool reach the chain.

func dialEVM(t *testing.T) *ethclient.Client {
	t.Helper()
	client, err := ethclient.Dial(localnet.evmURL())
	require.NoError(t, err)
	t.Cleanup(client.Close)
	return client
}

func TestEVMChainIDAndBalanceMatchBank(t *testing.T) {
	client := dialEVM(t)
	ctx := context.Background()

	chainID, err := client.ChainID(ctx)
	require.NoError(t, err)
	require.Equal(t, int64(evmChainID), chainID.Int64())

	// The same account seen through the EVM and the bank module: OPEN has 18
	// decimals on both sides, so the numbers are identical.
	bech32 := localnet.address(t, "dev1")
	balance, err := client.BalanceAt(ctx, hexAddress(t, bech32), nil)
	require.NoError(t, err)
	require.Equal(t, localnet.balance(t, bech32), balance.String())
}

func TestEVMValueTransfer(t *testing.T) {
	client := dialEVM(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	key := exportEthKey(t, "dev2")
	recipient := localnet.address(t, "dev3")
	recipientBefore := mustInt(t, localnet.balance(t, recipient))
	value := big.NewInt(1_000_000_000_000_000_000)

	to := hexAddress(t, recipient)
	receipt := sendEVMTx(ctx, t, client, key, &to, value, nil)
	require.Equal(t, types.ReceiptStatusSuccessful, receipt.Status)

	require.Equal(t, recipientBefore.AddRaw(1_000_000_000_000_000_000).String(), localnet.balance(t, recipient))
}

func TestEVMDeployAndCallERC20(t *testing.T) {
	client := dialEVM(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	token := loadArtifact(t, "TestToken")
	key := exportEthKey(t, "dev4")
	deployer := crypto.PubkeyToAddress(key.PublicKey)
	holder := hexAddress(t, localnet.address(t, "dev0"))
	initialSupply := new(big.Int).Mul(big.NewInt(1_000_000), big.NewInt(1_000_000_000_000_000_000))

	constructorArgs, err := token.abi.Pack("", initialSupply)
	require.NoError(t, err)
	receipt := sendEVMTx(ctx, t, client, key, nil, nil, append(token.bytecode, constructorArgs...))
	require.Equal(t, types.ReceiptStatusSuccessful, receipt.Status)
	contract := receipt.ContractAddress
	code, err := client.CodeAt(ctx, contract, nil)
	require.NoError(t, err)
	require.NotEmpty(t, code)

	require.Equal(t, "OLTT", callArtifact(ctx, t, client, token, contract, "symbol")[0])
	require.Equal(t, initialSupply, callArtifact(ctx, t, client, token, contract, "balanceOf", deployer)[0])

	amount := big.NewInt(250)
	transfer, err := token.abi.Pack("transfer", holder, amount)
	require.NoError(t, err)
	receipt = sendEVMTx(ctx, t, client, key, &contract, nil, transfer)
	require.Equal(t, types.ReceiptStatusSuccessful, receipt.Status)
	require.Len(t, receipt.Logs, 1)
	require.Equal(t, token.abi.Events["Transfer"].ID, receipt.Logs[0].Topics[0])

	require.Equal(t, amount, callArtifact(ctx, t, client, token, contract, "balanceOf", holder)[0])
	require.Equal(t, new(big.Int).Sub(initialSupply, amount), callArtifact(ctx, t, client, token, contract, "balanceOf", deployer)[0])

	// A transfer beyond the balance reverts and moves nothing.
	tooMuch, err := token.abi.Pack("transfer", deployer, big.NewInt(251))
	require.NoError(t, err)
	_, err = client.EstimateGas(ctx, ethereum.CallMsg{From: holder, To: &contract, Data: tooMuch})
	require.ErrorContains(t, err, "balance too low")
}

// artifact is a compiled test contract (testdata/<Name>.json, written by
// testdata/compile.js).
type artifact struct {
	abi      abi.ABI
	bytecode []byte
}

func loadArtifact(t *testing.T, name string) artifact {
	t.Helper()
	raw, err := os.ReadFile("testdata/" + name + ".json")
	require.NoError(t, err)
	var file struct {
		ABI      json.RawMessage `json:"abi"`
		Bytecode string          `json:"bytecode"`
	}
	require.NoError(t, json.Unmarshal(raw, &file))
	parsed, err := abi.JSON(strings.NewReader(string(file.ABI)))
	require.NoError(t, err)
	bytecode, err := hexutil.Decode(file.Bytecode)
	require.NoError(t, err)
	return artifact{abi: parsed, bytecode: bytecode}
}

// callArtifact calls a contract's method through eth_call and unpacks its
// outputs.
func callArtifact(ctx context.Context, t *testing.T, client *ethclient.Client, a artifact, contract common.Address, method string, args ...any) []any {
	t.Helper()
	data, err := a.abi.Pack(method, args...)
	require.NoError(t, err)
	out, err := client.CallContract(ctx, ethereum.CallMsg{To: &contract, Data: data}, nil)
	require.NoError(t, err)
	values, err := a.abi.Unpack(method, out)
	require.NoError(t, err)
	return values
}

// sendEVMTx signs an EIP-1559 transaction as a wallet would (nonce, gas
// estimate and fee caps from the node), sends it and waits for its receipt.
func sendEVMTx(ctx context.Context, t *testing.T, client *ethclient.Client, key *ecdsa.PrivateKey, to *common.Address, value *big.Int, data []byte) *types.Receipt {
	t.Helper()
	from := crypto.PubkeyToAddress(key.PublicKey)
	gas, err := client.EstimateGas(ctx, ethereum.CallMsg{From: from, To: to, Value: value, Data: data})
	require.NoError(t, err)
	return sendEVMTxWithGas(ctx, t, client, key, to, value, data, gas*3/2)
}

// sendEVMTxWithGas is sendEVMTx with a gas limit of its own instead of the
// node's estimate, for a transaction the estimate refuses because it fails.
func sendEVMTxWithGas(ctx context.Context, t *testing.T, client *ethclient.Client, key *ecdsa.PrivateKey, to *common.Address, value *big.Int, data []byte, gas uint64) *types.Receipt {
	t.Helper()
	chainID, err := client.ChainID(ctx)
	require.NoError(t, err)
	nonce, err := client.PendingNonceAt(ctx, crypto.PubkeyToAddress(key.PublicKey))
	require.NoError(t, err)
	tip, err := client.SuggestGasTipCap(ctx)
	require.NoError(t, err)
	head, err := client.HeaderByNumber(ctx, nil)
	require.NoError(t, err)
	feeCap := new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(2)), tip)

	tx := types.NewTx(&types.DynamicFeeTx{
		ChainID: chainID, Nonce: nonce, GasTipCap: tip, GasFeeCap: feeCap,
		Gas: gas, To: to, Value: value, Data: data,
	})
	signed, err := types.SignTx(tx, types.LatestSignerForChainID(chainID), key)
	require.NoError(t, err)
	require.NoError(t, client.SendTransaction(ctx, signed))
	receipt, err := bind.WaitMined(ctx, client, signed.Hash())
	require.NoError(t, err)
	return receipt
}

// hexAddress converts an open1... address to its 0x form with the CLI.
func hexAddress(t *testing.T, bech32 string) common.Address {
	t.Helper()
	for _, line := range strings.Split(localnet.cli(t, "debug", "addr", bech32), "\n") {
		if hex, ok := strings.CutPrefix(line, "Address hex: "); ok {
			return common.HexToAddress(strings.TrimSpace(hex))
		}
	}
	t.Fatalf("no hex address for %s", bech32)
	return common.Address{}
}

// exportEthKey reads a dev key's private key the way a user imports it into
// MetaMask.
func exportEthKey(t *testing.T, name string) *ecdsa.PrivateKey {
	t.Helper()
	hex := strings.TrimSpace(localnet.cli(t, "keys", "unsafe-export-eth-key", name, "--keyring-backend", "test"))
	key, err := crypto.HexToECDSA(hex)
	require.NoError(t, err)
	return key
}
