package app_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	abci "github.com/cometbft/cometbft/abci/types"

	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/openledger/openledger/app/config"
	"github.com/openledger/openledger/app/txguard"
	"github.com/openledger/openledger/testutil"
	"github.com/openledger/openledger/testutil/hostiletx"
)

// FuzzCheckTxAndMempoolInsert sends arbitrary bytes down the path a node's
// RPC and peers use: CheckTx (decode, then insert into cosmos/evm's mempool,
// which runs the ante handler on its own goroutine) and InsertTx, with a block
// now and then so that the mempool's recheck loop runs too. A panic anywhere
// on those goroutines stops the fuzzing process, so surviving is the first
// property; the second is that no input needed the panic recovery at all.
func FuzzCheckTxAndMempoolInsert(f *testing.F) {
	chain := testutil.NewChain(f, 1_000, 0).Restart()
	for _, c := range hostiletx.Cases() {
		f.Add(c.Tx)
	}
	sender, receiver := chain.Accounts[0], chain.Accounts[1]
	send := banktypes.NewMsgSend(sender.Address, receiver.Address, sdk.NewCoins(config.OPEN(1)))
	f.Add(chain.SignTx(sender, sendFee, sendGas, send))

	checked := 0
	f.Fuzz(func(t *testing.T, tx []byte) {
		chain.T = t
		recoveredBefore := txguard.PanicsRecovered()

		res, err := chain.App.CheckTx(&abci.RequestCheckTx{Tx: tx, Type: abci.CheckTxType_New})
		require.NoError(t, err)
		require.NotNil(t, res)
		if res.Code != abci.CodeTypeOK {
			require.NotEmpty(t, res.Log, "a rejection must say why")
		}
		_, _ = chain.App.InsertTx(&abci.RequestInsertTx{Tx: tx})

		if checked++; checked%64 == 0 {
			chain.NextBlock()
		}
		require.Equal(t, recoveredBefore, txguard.PanicsRecovered(), "an input reached code that panicked")
	})
}
