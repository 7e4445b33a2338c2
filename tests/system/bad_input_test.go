package system_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// Each bad transaction below is refused with a clear error before it reaches
// a block, so no balance changes: not even a fee is charged.

func TestMalformedTxIsRefused(t *testing.T) {
	account := localnet.address(t, "dev4")
	before := localnet.balance(t, account)

	// Through the CLI: a file that is not a transaction.
	bad := filepath.Join(t.TempDir(), "tx.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"body": "not a transaction"`), 0o600))
	_, err := localnet.tx(t, "broadcast", bad)
	require.Error(t, err)
	require.Contains(t, err.Error(), "unexpected EOF")

	// Straight to CometBFT: bytes that do not decode as a transaction.
	resp, err := http.Get(fmt.Sprintf("http://127.0.0.1:%d/broadcast_tx_sync?tx=0xdeadbeef", localnet.rpcPort))
	require.NoError(t, err)
	defer resp.Body.Close()
	var result struct {
		Result struct {
			Code uint32 `json:"code"`
			Log  string `json:"log"`
		} `json:"result"`
	}
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&result))
	require.NotZero(t, result.Result.Code)
	require.Contains(t, strings.ToLower(result.Result.Log), "tx parse error")

	localnet.waitBlocks(t, 1)
	require.Equal(t, before, localnet.balance(t, account))
}

func TestTxWithInsufficientFeeIsRefused(t *testing.T) {
	sender, receiver := localnet.address(t, "dev4"), localnet.address(t, "dev1")
	senderBefore, receiverBefore := localnet.balance(t, sender), localnet.balance(t, receiver)

	// 1 aopen for 200,000 gas is far below the 1 gwei minimum gas price.
	_, err := localnet.tx(t, "bank", "send", "dev4", receiver, "1000aopen", "--gas", "200000", "--fees", "1aopen")
	require.Error(t, err)
	require.Contains(t, err.Error(), "insufficient fee")

	localnet.waitBlocks(t, 1)
	require.Equal(t, senderBefore, localnet.balance(t, sender))
	require.Equal(t, receiverBefore, localnet.balance(t, receiver))
}

func TestSendMoreThanBalanceIsRefused(t *testing.T) {
	sender, receiver := localnet.address(t, "dev4"), localnet.address(t, "dev1")
	senderBefore, receiverBefore := localnet.balance(t, sender), localnet.balance(t, receiver)
	tooMuch := mustInt(t, senderBefore).AddRaw(1).String() + "aopen"

	// --gas auto simulates the transaction first, as wallets do: the CLI
	// reports the shortfall and broadcasts nothing.
	_, err := localnet.tx(t, "bank", "send", "dev4", receiver, tooMuch, "--gas", "auto", "--gas-prices", gasPrice)
	require.Error(t, err)
	require.Contains(t, err.Error(), "insufficient funds")

	localnet.waitBlocks(t, 1)
	require.Equal(t, senderBefore, localnet.balance(t, sender))
	require.Equal(t, receiverBefore, localnet.balance(t, receiver))
}
