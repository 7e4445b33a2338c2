package app_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/openledger/openledger/app"
	"github.com/openledger/openledger/app/config"
	"github.com/openledger/openledger/testutil"
)

// A zero-height export of a chain that has made blocks and paid fees is a
// valid genesis for height 0, pays the validator's rewards out, keeps the
// validators named in jailAllowedAddrs unjailed, and leaves the node's own
// state as it was.
func TestZeroHeightExportIsAValidGenesis(t *testing.T) {
	chain := testutil.NewChain(t, 10_000, 0)
	alice, bob := chain.Accounts[0], chain.Accounts[1]
	for range 3 {
		chain.NextBlock(chain.SignTx(alice, sendFee, sendGas, banktypes.NewMsgSend(alice.Address, bob.Address, sdk.NewCoins(config.OPEN(1)))))
	}
	chain.NextBlock()

	validators, err := chain.App.StakingKeeper.GetAllValidators(chain.Context())
	require.NoError(t, err)
	require.Len(t, validators, 1)
	operator := validators[0].GetOperator()
	heightBefore := chain.App.LastBlockHeight()

	for _, allowed := range [][]string{nil, {operator}} {
		exported, err := chain.App.ExportAppStateAndValidators(true, allowed, nil)
		require.NoError(t, err)
		require.Zero(t, exported.Height)
		require.Len(t, exported.Validators, 1, "the validator stays in the set")

		var genesis app.GenesisState
		require.NoError(t, json.Unmarshal(exported.AppState, &genesis))
		require.NoError(t, chain.App.BasicModuleManager.ValidateGenesis(chain.App.AppCodec(), chain.App.GetTxConfig(), genesis))

		var distr struct {
			OutstandingRewards []struct {
				OutstandingRewards []json.RawMessage `json:"outstanding_rewards"`
			} `json:"outstanding_rewards"`
		}
		require.NoError(t, json.Unmarshal(genesis["distribution"], &distr))
		for _, o := range distr.OutstandingRewards {
			require.Empty(t, o.OutstandingRewards, "outstanding rewards are paid out")
		}
	}

	require.Equal(t, heightBefore, chain.App.LastBlockHeight())
	chain.NextBlock()
}
