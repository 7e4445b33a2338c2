package app

import (
	"encoding/json"

	"cosmossdk.io/math"

	feemarkettypes "github.com/cosmos/evm/x/feemarket/types"
	evmtypes "github.com/cosmos/evm/x/vm/types"

	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/openledger/openledger/app/config"
)

// GenesisState is the app state of a genesis file, keyed by module name.
type GenesisState map[string]json.RawMessage

// MinGasPrice is the floor of the EVM base fee and the lowest gas price any
// transaction may pay: 1 gwei, i.e. 10^9 aopen per unit of gas. With it a
// bank send costs about 0.0001 OPEN, and an idle chain's base fee cannot
// decay to zero (which would make spam free).
var MinGasPrice = math.LegacyNewDec(1_000_000_000)

// DefaultGenesis is the genesis `openledgerd init` writes: every module's
// defaults with OPEN as the bond, gov, fee and EVM denom (the SDK defaults
// already use aopen, set as sdk.DefaultBondDenom in this package's init).
func (app *OpenLedgerApp) DefaultGenesis() map[string]json.RawMessage {
	genesis := app.BasicModuleManager.DefaultGenesis(app.appCodec)

	bankGenesis := banktypes.DefaultGenesisState()
	bankGenesis.DenomMetadata = []banktypes.Metadata{config.CoinMetadata()}
	genesis[banktypes.ModuleName] = app.appCodec.MustMarshalJSON(bankGenesis)

	evmGenesis := evmtypes.DefaultGenesisState()
	evmGenesis.Params.EvmDenom = config.BaseDenom
	evmGenesis.Params.ExtendedDenomOptions = &evmtypes.ExtendedDenomOptions{ExtendedDenom: config.BaseDenom}
	evmGenesis.Params.ActiveStaticPrecompiles = evmtypes.AvailableStaticPrecompiles
	evmGenesis.Preinstalls = evmtypes.DefaultPreinstalls
	genesis[evmtypes.ModuleName] = app.appCodec.MustMarshalJSON(evmGenesis)

	feemarketGenesis := feemarkettypes.DefaultGenesisState()
	feemarketGenesis.Params.MinGasPrice = MinGasPrice
	genesis[feemarkettypes.ModuleName] = app.appCodec.MustMarshalJSON(feemarketGenesis)

	return genesis
}
