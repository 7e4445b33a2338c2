package app_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	bankkeeper "github.com/cosmos/cosmos-sdk/x/bank/keeper"

	"github.com/openledger/openledger/app"
	"github.com/openledger/openledger/app/config"
	datanettypes "github.com/openledger/openledger/x/datanet/types"
)

// invariantNames are the checks CheckInvariants reports, in its order.
var invariantNames = []string{"bank", "datanet", "modelreg", "agentstake", "attribution", "inferencefees", "bridge"}

func names(results []app.InvariantResult) []string {
	out := make([]string, len(results))
	for i, r := range results {
		out[i] = r.Name
	}
	return out
}

// After paid inference has run through every module, each invariant holds.
func TestInvariantsHoldOnAPaidInferenceChain(t *testing.T) {
	p := newPaidInference(t, 3, 10)
	res := p.chain.NextBlock(p.settleBatchTx(t, 1, math.NewInt(1_000_000), 2, 2_000_000))
	require.Zerof(t, res[0].Code, "%s", res[0].Log)

	results, err := p.chain.App.CheckInvariants()
	require.NoError(t, err)
	require.Equal(t, invariantNames, names(results))
	for _, r := range results {
		require.Falsef(t, r.Broken, "%s: %s", r.Name, r.Message)
	}
}

// Coins that appear in the datanet module account without being minted
// break the bank's supply and x/datanet's escrow; the other checks still
// run and hold.
func TestInvariantsReportABrokenState(t *testing.T) {
	p := newPaidInference(t, 1, 10)
	a := p.chain.App
	// A context on the root store itself: what it writes is what the next
	// check reads, as if it had been committed.
	ctx := sdk.NewContext(a.CommitMultiStore(), cmtproto.Header{Height: a.LastBlockHeight(), ChainID: a.ChainID()}, false, a.Logger())
	moduleAddr := authtypes.NewModuleAddress(datanettypes.ModuleName)
	held := a.BankKeeper.GetBalance(ctx, moduleAddr, config.BaseDenom).Amount
	require.NoError(t, a.BankKeeper.(bankkeeper.BaseKeeper).Balances.Set(ctx, collections.Join(moduleAddr, config.BaseDenom), held.AddRaw(1)))

	results, err := a.CheckInvariants()
	require.NoError(t, err)
	require.Equal(t, invariantNames, names(results))
	broken := map[string]bool{"bank": true, "datanet": true}
	for _, r := range results {
		require.Equalf(t, broken[r.Name], r.Broken, "%s: %s", r.Name, r.Message)
		if r.Broken {
			require.NotEmpty(t, r.Message)
		}
	}
}
