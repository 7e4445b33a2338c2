package cmd

import (
	"errors"

	"github.com/spf13/cast"

	dbm "github.com/cosmos/cosmos-db"
	evmserver "github.com/cosmos/evm/server"
	"github.com/cosmos/evm/utils"

	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/client/flags"
	sdkserver "github.com/cosmos/cosmos-sdk/server"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	"github.com/cosmos/cosmos-sdk/store/v2"
	snapshottypes "github.com/cosmos/cosmos-sdk/store/v2/snapshots/types"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"

	"github.com/openledger/openledger/app"
)

// newApp builds the application for `start` and the other node commands,
// with the base-app options read from app.toml and flags.
func newApp(logger log.Logger, db dbm.DB, appOpts servertypes.AppOptions) evmserver.Application {
	var cache storetypes.MultiStorePersistentCache
	if cast.ToBool(appOpts.Get(sdkserver.FlagInterBlockCache)) {
		cache = store.NewCommitKVStoreCacheManager()
	}
	pruningOpts, err := sdkserver.GetPruningOptionsFromFlags(appOpts)
	if err != nil {
		panic(err)
	}
	chainID, err := chainIDFromOptions(appOpts)
	if err != nil {
		panic(err)
	}
	snapshotStore, err := sdkserver.GetSnapshotStore(appOpts)
	if err != nil {
		panic(err)
	}
	snapshotOptions := snapshottypes.NewSnapshotOptions(
		cast.ToUint64(appOpts.Get(sdkserver.FlagStateSyncSnapshotInterval)),
		cast.ToUint32(appOpts.Get(sdkserver.FlagStateSyncSnapshotKeepRecent)),
	)

	return app.New(logger, db, true, appOpts,
		baseapp.SetPruning(pruningOpts),
		baseapp.SetMinGasPrices(cast.ToString(appOpts.Get(sdkserver.FlagMinGasPrices))),
		baseapp.SetQueryGasLimit(cast.ToUint64(appOpts.Get(sdkserver.FlagQueryGasLimit))),
		baseapp.SetHaltHeight(cast.ToUint64(appOpts.Get(sdkserver.FlagHaltHeight))),
		baseapp.SetHaltTime(cast.ToUint64(appOpts.Get(sdkserver.FlagHaltTime))),
		baseapp.SetMinRetainBlocks(cast.ToUint64(appOpts.Get(sdkserver.FlagMinRetainBlocks))),
		baseapp.SetInterBlockCache(cache),
		baseapp.SetTrace(cast.ToBool(appOpts.Get(sdkserver.FlagTrace))),
		baseapp.SetIndexEvents(cast.ToStringSlice(appOpts.Get(sdkserver.FlagIndexEvents))),
		baseapp.SetSnapshot(snapshotStore, snapshotOptions),
		baseapp.SetIAVLCacheSize(cast.ToInt(appOpts.Get(sdkserver.FlagIAVLCacheSize))),
		baseapp.SetIAVLDisableFastNode(cast.ToBool(appOpts.Get(sdkserver.FlagDisableIAVLFastNode))),
		baseapp.SetChainID(chainID),
	)
}

// exportApp loads the application at a height (or the latest) for `export`.
func exportApp(
	logger log.Logger, db dbm.DB, height int64, forZeroHeight bool,
	jailAllowedAddrs []string, appOpts servertypes.AppOptions, modulesToExport []string,
) (servertypes.ExportedApp, error) {
	if home := cast.ToString(appOpts.Get(flags.FlagHome)); home == "" {
		return servertypes.ExportedApp{}, errors.New("application home is not set")
	}
	chainID, err := chainIDFromOptions(appOpts)
	if err != nil {
		return servertypes.ExportedApp{}, err
	}

	loadLatest := height == -1
	openLedger := app.New(logger, db, loadLatest, appOpts, baseapp.SetChainID(chainID))
	if !loadLatest {
		if err := openLedger.LoadHeight(height); err != nil {
			return servertypes.ExportedApp{}, err
		}
	}
	return openLedger.ExportAppStateAndValidators(forZeroHeight, jailAllowedAddrs, modulesToExport)
}

// chainIDFromOptions takes the chain id from --chain-id, or else from the
// genesis file in the node's home.
func chainIDFromOptions(appOpts servertypes.AppOptions) (string, error) {
	if chainID := cast.ToString(appOpts.Get(flags.FlagChainID)); chainID != "" {
		return chainID, nil
	}
	return utils.GetChainIDFromHome(cast.ToString(appOpts.Get(flags.FlagHome)))
}
