package app_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	upgradetypes "github.com/cosmos/cosmos-sdk/x/upgrade/types"

	"github.com/openledger/openledger/app"
	"github.com/openledger/openledger/testutil"
)

// Every upgrade the binary knows has a handler, under a name of its own, and
// applying the newest one on a chain of this binary's module versions leaves
// them as they are and records the upgrade as applied.
func TestUpgradesHaveHandlers(t *testing.T) {
	chain := testutil.NewChain(t, 0)
	require.NotEmpty(t, app.Upgrades)
	names := map[string]bool{}
	for _, u := range app.Upgrades {
		require.Falsef(t, names[u.Name], "upgrade %s is listed twice", u.Name)
		names[u.Name] = true
		require.Truef(t, chain.App.UpgradeKeeper.HasHandler(u.Name), "upgrade %s has no handler", u.Name)
	}

	ctx := chain.Context()
	newest := app.Upgrades[len(app.Upgrades)-1].Name
	require.NoError(t, chain.App.UpgradeKeeper.ApplyUpgrade(ctx, upgradetypes.Plan{Name: newest, Height: ctx.BlockHeight()}))
	versions, err := chain.App.UpgradeKeeper.GetModuleVersionMap(ctx)
	require.NoError(t, err)
	require.Equal(t, chain.App.ModuleManager.GetVersionMap(), versions)
	last, _, err := chain.App.UpgradeKeeper.GetLastCompletedUpgrade(ctx)
	require.NoError(t, err)
	require.Equal(t, newest, last)
}
