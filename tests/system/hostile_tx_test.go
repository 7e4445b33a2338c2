package system_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math/big"
	"net/http"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rlp"
	"github.com/stretchr/testify/require"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	txtypes "github.com/cosmos/cosmos-sdk/types/tx"

	"github.com/openledger/openledger/testutil/hostiletx"
)

// An attacker's transactions, sent to the running node through every door a
// transaction comes in by: each gets a coded rejection, the node keeps
// committing blocks, and honest transactions sent afterwards are included.

// codeTxDecode is the SDK's "tx parse error" code.
const codeTxDecode = 2

func TestHostileTxsAreRefusedOnEveryEndpoint(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	conn, err := grpc.NewClient(fmt.Sprintf("127.0.0.1:%d", localnet.grpcPort), grpc.WithTransportCredentials(insecure.NewCredentials()))
	require.NoError(t, err)
	defer conn.Close()
	txService := txtypes.NewServiceClient(conn)
	rpcURL := fmt.Sprintf("http://127.0.0.1:%d", localnet.rpcPort)
	startHeight, err := localnet.height()
	require.NoError(t, err)

	viaGRPC := hostiletx.WithMemo("grpc")
	for i, c := range hostiletx.Cases() {
		t.Run(c.Name, func(t *testing.T) {
			// CometBFT RPC, as a wallet or a script broadcasts.
			code, log := broadcastTxSync(t, rpcURL, c.Tx)
			require.Equalf(t, uint32(codeTxDecode), code, "broadcast_tx_sync: %s", log)
			require.Contains(t, log, "tx parse error")

			// gRPC BroadcastTx, as the CLI and cosmjs do.
			broadcast, err := txService.BroadcastTx(ctx, &txtypes.BroadcastTxRequest{TxBytes: viaGRPC[i].Tx, Mode: txtypes.BroadcastMode_BROADCAST_MODE_SYNC})
			require.NoError(t, err)
			require.Equalf(t, uint32(codeTxDecode), broadcast.TxResponse.Code, "BroadcastTx: %s", broadcast.TxResponse.RawLog)

			// gRPC Simulate, as `--gas auto` does.
			_, err = txService.Simulate(ctx, &txtypes.SimulateRequest{TxBytes: c.Tx})
			require.ErrorContains(t, err, "tx parse error")

			requireNodeRunning(t, localnet)
		})
	}

	// The node went on committing, and an honest transfer is included.
	localnet.waitBlocks(t, 2)
	height, err := localnet.height()
	require.NoError(t, err)
	require.Greater(t, height, startHeight+1)
	receiver := localnet.address(t, "dev1")
	before := mustInt(t, localnet.balance(t, receiver))
	_, err = localnet.tx(t, "bank", "send", "dev3", receiver, "1000aopen", "--gas", "200000", "--gas-prices", gasPrice)
	require.NoError(t, err)
	waitFor(t, 30*time.Second, "the honest transfer", func() bool {
		return mustInt(t, localnet.balance(t, receiver)).Equal(before.AddRaw(1000))
	})
	requireNodeRunning(t, localnet)
}

func TestHostileEVMTxsAreRefused(t *testing.T) {
	client := dialEVM(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	key := exportEthKey(t, "dev3")
	from := crypto.PubkeyToAddress(key.PublicKey)
	nonce, err := client.PendingNonceAt(ctx, from)
	require.NoError(t, err)
	to := common.HexToAddress("0x34a7e613f9D55B506b73A01162f92eD063653416")
	chainID := big.NewInt(evmChainID)
	signer := types.LatestSignerForChainID(chainID)
	sign := func(tx types.TxData, signer types.Signer) []byte {
		signed, err := types.SignNewTx(key, signer, tx)
		require.NoError(t, err)
		bz, err := signed.MarshalBinary()
		require.NoError(t, err)
		return bz
	}
	transfer := func(mutate func(*types.DynamicFeeTx)) *types.DynamicFeeTx {
		tx := &types.DynamicFeeTx{
			ChainID: chainID, Nonce: nonce, GasTipCap: big.NewInt(1_000_000_000), GasFeeCap: big.NewInt(10_000_000_000),
			Gas: 21_000, To: &to, Value: big.NewInt(1),
		}
		mutate(tx)
		return tx
	}
	maxUint256 := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))

	// A valid signature with s replaced by n-s: the same signer under
	// malleability, which Ethereum refuses since Homestead.
	valid, err := types.SignNewTx(key, signer, transfer(func(*types.DynamicFeeTx) {}))
	require.NoError(t, err)
	v, r, s := valid.RawSignatureValues()
	highS, err := valid.WithSignature(signer, signatureBytes(r, new(big.Int).Sub(crypto.S256().Params().N, s), 1-v.Uint64()))
	require.NoError(t, err)
	highSBytes, err := highS.MarshalBinary()
	require.NoError(t, err)

	// A legacy transaction whose v is neither 27/28 nor an EIP-155 value.
	badV, err := rlp.EncodeToBytes([]any{nonce, big.NewInt(10_000_000_000), uint64(21_000), to, big.NewInt(1), []byte{}, big.NewInt(99), r, s})
	require.NoError(t, err)

	// A fee cap one bit wider than 256 bits, which no Ethereum client can
	// hold: encoded by hand, as go-ethereum refuses to build it.
	wideFeeCap := rlpDynamicFeeTx(t, chainID, nonce, new(big.Int).Lsh(big.NewInt(1), 256), r, s)

	cases := []struct {
		name string
		raw  []byte
	}{
		{"bad-rlp", []byte{0xde, 0xad, 0xbe, 0xef}},
		{"empty", []byte{}},
		{"typed-envelope-without-payload", []byte{types.DynamicFeeTxType}},
		{"wrong-chain-id", sign(transfer(func(tx *types.DynamicFeeTx) { tx.ChainID = big.NewInt(1) }), types.LatestSignerForChainID(big.NewInt(1)))},
		{"zero-gas", sign(transfer(func(tx *types.DynamicFeeTx) { tx.Gas = 0 }), signer)},
		{"gas-above-block-limit", sign(transfer(func(tx *types.DynamicFeeTx) { tx.Gas = 1 << 62 }), signer)},
		{"fee-cap-times-gas-overflows", sign(transfer(func(tx *types.DynamicFeeTx) { tx.GasFeeCap, tx.GasTipCap = maxUint256, maxUint256 }), signer)},
		{"fee-cap-wider-than-256-bits", wideFeeCap},
		{"tip-above-fee-cap", sign(transfer(func(tx *types.DynamicFeeTx) { tx.GasTipCap = big.NewInt(20_000_000_000) }), signer)},
		{"value-above-balance", sign(transfer(func(tx *types.DynamicFeeTx) { tx.Value = maxUint256 }), signer)},
		{"oversized-data", sign(transfer(func(tx *types.DynamicFeeTx) { tx.Gas, tx.Data = 30_000_000, make([]byte, 256<<10) }), signer)},
		{"high-s-signature", highSBytes},
		{"invalid-v", badV},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			message := sendRawEVMTx(t, localnet.evmURL(), c.raw)
			require.NotEmptyf(t, message, "eth_sendRawTransaction accepted %s", c.name)
			t.Log(message)
			requireNodeRunning(t, localnet)
		})
	}

	// The node is up and an honest transfer from the same account, at the
	// same nonce, is included.
	receipt := sendEVMTx(ctx, t, client, key, &to, big.NewInt(1), nil)
	require.Equal(t, types.ReceiptStatusSuccessful, receipt.Status)
	requireNodeRunning(t, localnet)
}

// broadcastTxSync posts tx to CometBFT's broadcast_tx_sync and returns the
// CheckTx code and log.
func broadcastTxSync(t *testing.T, rpcURL string, tx []byte) (code uint32, log string) {
	t.Helper()
	var answer struct {
		Result *struct {
			Code uint32 `json:"code"`
			Log  string `json:"log"`
		} `json:"result"`
		Error *struct {
			Message string `json:"message"`
			Data    string `json:"data"`
		} `json:"error"`
	}
	callJSONRPC(t, rpcURL, "broadcast_tx_sync", map[string]string{"tx": base64.StdEncoding.EncodeToString(tx)}, &answer)
	require.Nilf(t, answer.Error, "broadcast_tx_sync error: %+v", answer.Error)
	require.NotNil(t, answer.Result)
	return answer.Result.Code, answer.Result.Log
}

// sendRawEVMTx calls eth_sendRawTransaction and returns its error message
// ("" when the node accepted the transaction).
func sendRawEVMTx(t *testing.T, url string, raw []byte) string {
	t.Helper()
	var answer struct {
		Error *struct {
			Message string `json:"message"`
		} `json:"error"`
	}
	callJSONRPC(t, url, "eth_sendRawTransaction", []string{hexutil.Encode(raw)}, &answer)
	if answer.Error == nil {
		return ""
	}
	return answer.Error.Message
}

// callJSONRPC posts one JSON-RPC 2.0 call and decodes the whole answer into
// answer; a node that does not answer within 30 s fails the test.
func callJSONRPC(t *testing.T, url, method string, params, answer any) {
	t.Helper()
	request, err := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": 1, "method": method, "params": params})
	require.NoError(t, err)
	client := http.Client{Timeout: 30 * time.Second}
	resp, err := client.Post(url, "application/json", bytes.NewReader(request))
	require.NoErrorf(t, err, "the node did not answer %s", method)
	defer resp.Body.Close()
	require.NoError(t, json.NewDecoder(resp.Body).Decode(answer))
}

// requireNodeRunning fails if the node's process has exited.
func requireNodeRunning(t *testing.T, n *node) {
	t.Helper()
	select {
	case err := <-n.exited:
		n.exited <- err
		n.printLogTail(60)
		t.Fatalf("the node stopped: %v", err)
	default:
	}
	_, err := n.height()
	require.NoError(t, err, "the node's RPC does not answer")
}

func signatureBytes(r, s *big.Int, recovery uint64) []byte {
	signature := make([]byte, 65)
	r.FillBytes(signature[:32])
	s.FillBytes(signature[32:64])
	signature[64] = byte(recovery)
	return signature
}

// rlpDynamicFeeTx encodes an EIP-1559 transfer field by field, so that the
// fee cap may be any integer.
func rlpDynamicFeeTx(t *testing.T, chainID *big.Int, nonce uint64, feeCap, r, s *big.Int) []byte {
	t.Helper()
	to := common.HexToAddress("0x34a7e613f9D55B506b73A01162f92eD063653416")
	payload, err := rlp.EncodeToBytes([]any{
		chainID, nonce, big.NewInt(1), feeCap, uint64(21_000), to, big.NewInt(1), []byte{}, []any{}, uint64(0), r, s,
	})
	require.NoError(t, err)
	return append([]byte{types.DynamicFeeTxType}, payload...)
}
