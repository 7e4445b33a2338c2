package app

import (
	"encoding/json"
	"errors"

	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"

	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	"github.com/cosmos/cosmos-sdk/x/staking"
)

// ErrZeroHeightExport is returned for `export --for-zero-height`, which
// rewrites distribution and staking history for a relaunch at height 0; it is
// not supported. Export at the current height (the default) keeps every
// module's state as is and is what `export` is used for here.
var ErrZeroHeightExport = errors.New("export --for-zero-height is not supported: export at the current height instead")

// ExportAppStateAndValidators exports the state of every module (or of the
// named ones) as a genesis app state.
func (app *OpenLedgerApp) ExportAppStateAndValidators(
	forZeroHeight bool, _ []string, modulesToExport []string,
) (servertypes.ExportedApp, error) {
	if forZeroHeight {
		return servertypes.ExportedApp{}, ErrZeroHeightExport
	}
	ctx := app.NewContextLegacy(true, cmtproto.Header{Height: app.LastBlockHeight()})

	genesisState, err := app.ModuleManager.ExportGenesisForModules(ctx, app.appCodec, modulesToExport)
	if err != nil {
		return servertypes.ExportedApp{}, err
	}
	appState, err := json.MarshalIndent(genesisState, "", "  ")
	if err != nil {
		return servertypes.ExportedApp{}, err
	}
	validators, err := staking.WriteValidators(ctx, app.StakingKeeper)
	if err != nil {
		return servertypes.ExportedApp{}, err
	}
	return servertypes.ExportedApp{
		AppState: appState,
		// CometBFT starts the exported chain at the next height.
		Height:          app.LastBlockHeight() + 1,
		Validators:      validators,
		ConsensusParams: app.GetConsensusParams(ctx),
	}, nil
}
