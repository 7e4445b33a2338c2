package system_test

import (
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

// TestTotalSupplyIsOneBillionOPEN checks the supply the node reported before
// any test ran (later tests burn fees and deposits).
func TestTotalSupplyIsOneBillionOPEN(t *testing.T) {
	require.Equal(t, "1000000000000000000000000000", genesisSupply)
}

func mustInt(t *testing.T, s string) math.Int {
	t.Helper()
	v, ok := math.NewIntFromString(s)
	require.Truef(t, ok, "not an integer: %q", s)
	return v
}
