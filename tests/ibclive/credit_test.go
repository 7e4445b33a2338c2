//go:build ibclive

package ibclive_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	attributiontypes "github.com/openledger/openledger/x/attribution/types"
)

const creditMemo = `{"openledger":{"deposit_credit":{}}}`

// queryJSON runs an OpenLedger query and decodes its JSON answer.
func queryJSON(t *testing.T, v any, args ...string) {
	t.Helper()
	out, err := openLedger.run(append(append([]string{"query"}, args...), "--output", "json",
		"--node", fmt.Sprintf("tcp://127.0.0.1:%d", openLedger.rpcPort))...)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal([]byte(out), v), out)
}

// newKey adds a key to OpenLedger's test keyring (eth_secp256k1, like a
// MetaMask account) and returns its address.
func newKey(t *testing.T, name string) string {
	t.Helper()
	_, err := openLedger.run("keys", "add", name, "--keyring-backend", "test")
	require.NoError(t, err)
	address, err := openLedger.keyAddress(name)
	require.NoError(t, err)
	return address
}

// fundOnSimd gives the simd user OPEN vouchers to spend: OPEN sent from an
// OpenLedger dev account.
func fundOnSimd(t *testing.T, from string, amount math.Int) {
	t.Helper()
	sequence := openLedger.nextSequence(t)
	openLedger.transfer(t, from, simdUser, amount.String()+"aopen")
	openLedger.waitAcked(t, sequence)
}

// TestCreditMemoPaysAServingNodesVoucher: a user whose OpenLedger account
// holds nothing gets inference credit with one transfer from simd, signs a
// voucher, and a staked serving node settles it from that credit.
func TestCreditMemoPaysAServingNodesVoucher(t *testing.T) {
	payer := newKey(t, "ibc-payer")
	fundOnSimd(t, "dev3", openAmount(4))
	escrowBefore, vouchersBefore := openLedger.totalEscrow(t, "aopen"), simd.supply(t, openVoucher().IBCDenom())
	supplyBefore := openLedger.supply(t, "aopen")

	// 1. Three OPEN come home from simd with the credit memo.
	sequence := simd.nextSequence(t)
	simd.transfer(t, "user", payer, openAmount(3).String()+openVoucher().IBCDenom(), "--memo", creditMemo)
	simd.waitAcked(t, sequence)

	require.Equal(t, openAmount(3).String(), credit(t, payer).Balance.String(), "the transfer is the payer's credit")
	require.True(t, openLedger.balance(t, payer, "aopen").IsZero(), "nothing lands in the payer's balance")
	require.Equal(t, escrowBefore.Sub(openAmount(3)).String(), openLedger.totalEscrow(t, "aopen").String())
	require.Equal(t, vouchersBefore.Sub(openAmount(3)).String(), simd.supply(t, openVoucher().IBCDenom()).String())
	require.Equal(t, supplyBefore.String(), openLedger.supply(t, "aopen").String())

	// 2. A base model priced at 1 OPEN per call, and a staked serving node.
	modelID := registerPricedModel(t, "dev4", "ibc-credit-model", openAmount(1))
	node := newKey(t, "ibc-node")
	var stakeParams struct {
		Params struct {
			MinStakeServingNode string `json:"min_stake_serving_node"`
		} `json:"params"`
	}
	queryJSON(t, &stakeParams, "agentstake", "params")
	minStake, ok := math.NewIntFromString(stakeParams.Params.MinStakeServingNode)
	require.True(t, ok)
	openLedger.tx(t, "treasury", "bank", "send", "treasury", node, minStake.Add(openAmount(10)).String()+"aopen")
	openLedger.tx(t, "ibc-node", "agentstake", "register-agent", "serving-node", minStake.String(),
		"--model-ids", modelID, "--endpoint", "https://ibc-node.example/v1")

	// 3. The payer signs a voucher for one inference; the node settles it.
	fee := openAmount(1)
	voucher, err := openLedger.run("tx", "inferencefees", "sign-voucher", "--serving-node", node,
		"--amount", fee.String(), "--nonce", "1", "--expiry", "1h", "--from", "ibc-payer", "--keyring-backend", "test")
	require.NoError(t, err)
	receipt := attributiontypes.Receipt{
		User: payer, ModelID: mustUint(t, modelID), OutputHash: sha256Of("an answer paid for from another chain"),
		PromptTokens: 12, CompletionTokens: 30, Fee: fee,
	}
	root, err := attributiontypes.ReceiptsRoot([]attributiontypes.Receipt{receipt})
	require.NoError(t, err)
	batch, err := json.Marshal(map[string]any{
		"receipts_root": hex.EncodeToString(root),
		"vouchers":      []json.RawMessage{json.RawMessage(voucher)},
		"usage":         []map[string]any{{"model_id": mustUint(t, modelID), "amount": fee.String(), "inference_count": 1, "tokens": 42}},
	})
	require.NoError(t, err)
	batchFile := filepath.Join(t.TempDir(), "batch.json")
	require.NoError(t, os.WriteFile(batchFile, batch, 0o600))

	var split struct {
		Params struct {
			ServingNode int64 `json:"serving_node_bps"`
		} `json:"params"`
	}
	queryJSON(t, &split, "inferencefees", "params")
	nodeBefore := openLedger.balance(t, node, "aopen")
	openLedger.tx(t, "ibc-node", "inferencefees", "settle-batch", batchFile)

	require.Equal(t, openAmount(2).String(), credit(t, payer).Balance.String(), "the voucher is paid from the IBC credit")
	var channel struct {
		Channel struct {
			SettledAmount string `json:"settled_amount"`
		} `json:"channel"`
	}
	queryJSON(t, &channel, "inferencefees", "channel", payer, node)
	require.Equal(t, fee.String(), channel.Channel.SettledAmount)
	txFee, _ := math.NewIntFromString(olFee)
	require.Equal(t, nodeBefore.Sub(txFee).Add(fee.MulRaw(split.Params.ServingNode).QuoRaw(10_000)).String(),
		openLedger.balance(t, node, "aopen").String(), "the node is paid its share")
}

// TestBadMemosAreDocumentedBehaviour: a memo that addresses OpenLedger but
// cannot be honoured fails the packet and simd refunds the sender; a memo
// for someone else (free text) leaves the coins with the receiver.
func TestBadMemosAreDocumentedBehaviour(t *testing.T) {
	receiver := newKey(t, "ibc-memo-receiver")
	fundOnSimd(t, "dev3", openAmount(3))
	voucher := openVoucher().IBCDenom()

	for _, memo := range []string{
		`{"openledger":{"deposit_credit":{"to":"someone-else"}}}`,
		`{"openledger":{"buy_model":{}}}`,
		`{"openledger":"deposit_credit"}`,
	} {
		userBefore, escrowBefore := simd.balance(t, simdUser, voucher), openLedger.totalEscrow(t, "aopen")
		sequence := simd.nextSequence(t)
		simd.transfer(t, "user", receiver, openAmount(1).String()+voucher, "--memo", memo)
		simd.waitAcked(t, sequence)
		require.Equal(t, userBefore.String(), simd.balance(t, simdUser, voucher).String(), "%s: the sender is refunded", memo)
		require.Equal(t, escrowBefore.String(), openLedger.totalEscrow(t, "aopen").String(), "%s: escrow is untouched", memo)
		require.True(t, openLedger.balance(t, receiver, "aopen").IsZero(), memo)
		require.True(t, credit(t, receiver).Balance.IsZero(), memo)
		require.Equal(t, openLedger.totalEscrow(t, "aopen").String(), simd.supply(t, voucher).String())
	}

	sequence := simd.nextSequence(t)
	simd.transfer(t, "user", receiver, openAmount(1).String()+voucher, "--memo", "for the GPU hours, thanks")
	simd.waitAcked(t, sequence)
	require.Equal(t, openAmount(1).String(), openLedger.balance(t, receiver, "aopen").String(), "a free-text memo is a plain transfer")
	require.True(t, credit(t, receiver).Balance.IsZero())
}

// registerPricedModel registers a base model owned by owner and prices it
// per call; it returns the model's id.
func registerPricedModel(t *testing.T, owner, name string, perCall math.Int) string {
	t.Helper()
	weights := filepath.Join(t.TempDir(), "model.safetensors")
	require.NoError(t, os.WriteFile(weights, []byte("weights of "+name), 0o600))
	openLedger.tx(t, owner, "modelreg", "register", name, "--kind", "base", "--artifact", weights,
		"--uri", "hf://openledger/"+name, "--architecture", "llama", "--license", "apache-2.0")
	ownerAddress, err := openLedger.keyAddress(owner)
	require.NoError(t, err)
	var models struct {
		Models []struct {
			ID   string `json:"id"`
			Name string `json:"name"`
		} `json:"models"`
	}
	queryJSON(t, &models, "modelreg", "models", "--owner", ownerAddress)
	id := ""
	for _, m := range models.Models {
		if m.Name == name {
			id = m.ID
		}
	}
	require.NotEmpty(t, id, "model %s registered", name)
	price := fmt.Sprintf(`{"per_call":%q,"per_1k_tokens":"0"}`, perCall.String())
	openLedger.tx(t, owner, "modelreg", "update-model", id, name, "llama", "apache-2.0", price)
	return id
}

func sha256Of(s string) []byte {
	sum := sha256.Sum256([]byte(s))
	return sum[:]
}

func mustUint(t *testing.T, s string) uint64 {
	t.Helper()
	v, err := strconv.ParseUint(s, 10, 64)
	require.NoError(t, err)
	return v
}
