package system_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"
)

// TestBankSendWithCLI sends OPEN with `openledgerd tx bank send` and reads the
// balances back with `openledgerd query bank balance`.
func TestBankSendWithCLI(t *testing.T) {
	sender, receiver := localnet.address(t, "dev0"), localnet.address(t, "dev1")
	senderBefore, receiverBefore := mustInt(t, localnet.balance(t, sender)), mustInt(t, localnet.balance(t, receiver))
	oneOPEN := math.NewIntWithDecimal(1, 18)

	res, err := localnet.tx(t, "bank", "send", "dev0", receiver, "1000000000000000000aopen",
		"--gas", "200000", "--gas-prices", gasPrice)
	require.NoError(t, err)
	included := localnet.waitTx(t, res.TxHash)
	require.Zero(t, included.Code, included.RawLog)

	// The fee is gas limit x gas price: 200,000 x 10^9 aopen.
	fee := math.NewInt(200_000).MulRaw(1_000_000_000)
	require.Equal(t, receiverBefore.Add(oneOPEN).String(), localnet.balance(t, receiver))
	require.Equal(t, senderBefore.Sub(oneOPEN).Sub(fee).String(), localnet.balance(t, sender))
}

// TestTotalSupplyIsOneBillionOPEN reads the supply as a user would.
func TestTotalSupplyIsOneBillionOPEN(t *testing.T) {
	var res struct {
		Amount struct {
			Amount string `json:"amount"`
		} `json:"amount"`
	}
	out := localnet.cli(t, "query", "bank", "total-supply-of", "aopen", "--output", "json")
	require.NoError(t, json.Unmarshal([]byte(out), &res))
	require.Equal(t, "1000000000000000000000000000", res.Amount.Amount)
}

func mustInt(t *testing.T, s string) math.Int {
	t.Helper()
	v, ok := math.NewIntFromString(s)
	require.Truef(t, ok, "not an integer: %q", s)
	return v
}
