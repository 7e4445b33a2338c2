package app

import (
	"context"
	"fmt"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	"github.com/cosmos/cosmos-sdk/types/module"
	upgradetypes "github.com/cosmos/cosmos-sdk/x/upgrade/types"
)

// Upgrade is a named software upgrade that a governance MsgSoftwareUpgrade
// schedules at a height. The binary that knows the name applies it at that
// height; an older binary halts there with "UPGRADE "<name>" NEEDED".
type Upgrade struct {
	// Name is the plan name of the governance proposal.
	Name string
	// StoreUpgrades are the module stores added, renamed or deleted at the
	// upgrade height, applied when the new binary first loads the store.
	StoreUpgrades storetypes.StoreUpgrades
	// Handler returns the state change of the upgrade; nil runs the
	// migrations of every module whose consensus version changed.
	Handler func(app *OpenLedgerApp) upgradetypes.UpgradeHandler
}

// Upgrades are every upgrade this binary knows, oldest first. An upgrade stays
// here after it has been applied: a node syncing from an earlier height needs
// its handler to replay the upgrade block, and the upgrade module refuses to
// run a binary that lacks the handler of the last applied upgrade.
var Upgrades = []Upgrade{
	// v2 changes no store and runs the module migrations.
	{Name: "v2"},
}

// withheldUpgrade names an upgrade left out of this binary. It is empty in
// every release and can be set only at link time
// (-ldflags "-X github.com/openledger/openledger/app.withheldUpgrade=NAME"):
// such a binary behaves as the release before that upgrade and halts at its
// height, which is how the upgrade procedure is rehearsed end to end.
var withheldUpgrade string

// runMigrations is the default upgrade handler: it runs the registered
// migrations of every module from the versions stored on chain to the
// versions of this binary, and adds modules new in this binary.
func (app *OpenLedgerApp) runMigrations(ctx context.Context, _ upgradetypes.Plan, fromVM module.VersionMap) (module.VersionMap, error) {
	return app.ModuleManager.RunMigrations(ctx, app.configurator, fromVM)
}

// setUpgradeHandlers registers the handler of every known upgrade and, when
// the previous binary halted for one of them (it writes upgrade-info.json to
// the node's data folder), the store loader that applies that upgrade's store
// changes at its height. It runs before the store is loaded. An app without a
// home (the CLI's throw-away app) has no upgrade info to read.
func (app *OpenLedgerApp) setUpgradeHandlers(home string) {
	for _, u := range Upgrades {
		if u.Name == withheldUpgrade {
			continue
		}
		handler := app.runMigrations
		if u.Handler != nil {
			handler = u.Handler(app)
		}
		app.UpgradeKeeper.SetUpgradeHandler(u.Name, handler)
	}

	if home == "" {
		return
	}
	plan, err := app.UpgradeKeeper.ReadUpgradeInfoFromDisk()
	if err != nil {
		panic(fmt.Sprintf("reading the upgrade info: %v", err))
	}
	if plan.Name == "" || app.UpgradeKeeper.IsSkipHeight(plan.Height) {
		return
	}
	for _, u := range Upgrades {
		if u.Name == plan.Name && u.Name != withheldUpgrade {
			storeUpgrades := u.StoreUpgrades
			app.SetStoreLoader(upgradetypes.UpgradeStoreLoader(plan.Height, &storeUpgrades))
			return
		}
	}
}
