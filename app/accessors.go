package app

import (
	erc20keeper "github.com/cosmos/evm/x/erc20/keeper"
	feemarketkeeper "github.com/cosmos/evm/x/feemarket/keeper"
	ibccallbackskeeper "github.com/cosmos/evm/x/ibc/callbacks/keeper"
	evmkeeper "github.com/cosmos/evm/x/vm/keeper"
	transferkeeper "github.com/cosmos/ibc-go/v11/modules/apps/transfer/keeper"
	ibckeeper "github.com/cosmos/ibc-go/v11/modules/core/keeper"

	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/codec/types"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkmempool "github.com/cosmos/cosmos-sdk/types/mempool"
	authkeeper "github.com/cosmos/cosmos-sdk/x/auth/keeper"
	bankkeeper "github.com/cosmos/cosmos-sdk/x/bank/keeper"
	consensusparamkeeper "github.com/cosmos/cosmos-sdk/x/consensus/keeper"
	distrkeeper "github.com/cosmos/cosmos-sdk/x/distribution/keeper"
	evidencekeeper "github.com/cosmos/cosmos-sdk/x/evidence/keeper"
	feegrantkeeper "github.com/cosmos/cosmos-sdk/x/feegrant/keeper"
	govkeeper "github.com/cosmos/cosmos-sdk/x/gov/keeper"
	slashingkeeper "github.com/cosmos/cosmos-sdk/x/slashing/keeper"
	stakingkeeper "github.com/cosmos/cosmos-sdk/x/staking/keeper"
)

// The getters below are what the server, the IBC testing framework and the
// EVM test helpers call on an application.

func (app *OpenLedgerApp) Name() string                               { return app.BaseApp.Name() }
func (app *OpenLedgerApp) LegacyAmino() *codec.LegacyAmino            { return app.legacyAmino }
func (app *OpenLedgerApp) AppCodec() codec.Codec                      { return app.appCodec }
func (app *OpenLedgerApp) InterfaceRegistry() types.InterfaceRegistry { return app.interfaceRegistry }
func (app *OpenLedgerApp) TxConfig() client.TxConfig                  { return app.txConfig }
func (app *OpenLedgerApp) GetTxConfig() client.TxConfig               { return app.txConfig }
func (app *OpenLedgerApp) GetBaseApp() *baseapp.BaseApp               { return app.BaseApp }
func (app *OpenLedgerApp) GetAnteHandler() sdk.AnteHandler            { return app.AnteHandler() }
func (app *OpenLedgerApp) GetMempool() sdkmempool.ExtMempool          { return app.EVMMempool }

// LoadHeight loads the state at a past height (used by `export --height`).
func (app *OpenLedgerApp) LoadHeight(height int64) error { return app.LoadVersion(height) }

// GetKey returns the store key of a module, for tests that read raw state.
func (app *OpenLedgerApp) GetKey(storeKey string) *storetypes.KVStoreKey { return app.keys[storeKey] }

func (app *OpenLedgerApp) GetAccountKeeper() authkeeper.AccountKeeper { return app.AccountKeeper }
func (app *OpenLedgerApp) GetBankKeeper() bankkeeper.Keeper           { return app.BankKeeper }
func (app *OpenLedgerApp) GetStakingKeeper() *stakingkeeper.Keeper    { return app.StakingKeeper }
func (app *OpenLedgerApp) GetStakingKeeperSDK() stakingkeeper.Keeper  { return *app.StakingKeeper }
func (app *OpenLedgerApp) GetSlashingKeeper() slashingkeeper.Keeper   { return app.SlashingKeeper }
func (app *OpenLedgerApp) GetDistrKeeper() distrkeeper.Keeper         { return app.DistrKeeper }
func (app *OpenLedgerApp) GetGovKeeper() govkeeper.Keeper             { return app.GovKeeper }
func (app *OpenLedgerApp) GetEvidenceKeeper() *evidencekeeper.Keeper  { return &app.EvidenceKeeper }
func (app *OpenLedgerApp) GetFeeGrantKeeper() feegrantkeeper.Keeper   { return app.FeeGrantKeeper }
func (app *OpenLedgerApp) GetConsensusParamsKeeper() consensusparamkeeper.Keeper {
	return app.ConsensusParamsKeeper
}
func (app *OpenLedgerApp) GetIBCKeeper() *ibckeeper.Keeper            { return app.IBCKeeper }
func (app *OpenLedgerApp) GetTransferKeeper() *transferkeeper.Keeper  { return app.TransferKeeper }
func (app *OpenLedgerApp) SetTransferKeeper(k *transferkeeper.Keeper) { app.TransferKeeper = k }
func (app *OpenLedgerApp) GetCallbackKeeper() ibccallbackskeeper.ContractKeeper {
	return app.CallbackKeeper
}
func (app *OpenLedgerApp) GetEVMKeeper() *evmkeeper.Keeper             { return app.EVMKeeper }
func (app *OpenLedgerApp) GetErc20Keeper() *erc20keeper.Keeper         { return &app.Erc20Keeper }
func (app *OpenLedgerApp) SetErc20Keeper(k erc20keeper.Keeper)         { app.Erc20Keeper = k }
func (app *OpenLedgerApp) GetFeeMarketKeeper() *feemarketkeeper.Keeper { return &app.FeeMarketKeeper }

// KVStoreKeys are the keys of every KV store, sorted by name.
func (app *OpenLedgerApp) KVStoreKeys() []*storetypes.KVStoreKey {
	out := make([]*storetypes.KVStoreKey, 0, len(app.keys))
	for _, name := range sortedKeys(app.keys) {
		out = append(out, app.keys[name])
	}
	return out
}
