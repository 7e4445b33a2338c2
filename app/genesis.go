package app

import (
	"encoding/json"
	"slices"

	"github.com/ethereum/go-ethereum/common"

	erc20types "github.com/cosmos/evm/x/erc20/types"
	feemarkettypes "github.com/cosmos/evm/x/feemarket/types"
	evmtypes "github.com/cosmos/evm/x/vm/types"

	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/module"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	govv1 "github.com/cosmos/cosmos-sdk/x/gov/types/v1"

	"github.com/openledger/openledger/app/config"
	"github.com/openledger/openledger/precompiles"
)

// GenesisState is the app state of a genesis file, keyed by module name.
type GenesisState map[string]json.RawMessage

// MinGasPrice is the floor of the EVM base fee and the lowest gas price any
// transaction may pay: 1 gwei, i.e. 10^9 aopen per unit of gas. With it a
// bank send costs about 0.0001 OPEN, and an idle chain's base fee cannot
// decay to zero (which would make spam free).
var MinGasPrice = math.LegacyNewDec(1_000_000_000)

// Governance deposits, in whole OPEN: high enough that proposals are not spam,
// low enough for a community member.
const (
	govMinDepositOPEN          = 1_000
	govExpeditedMinDepositOPEN = 5_000
)

// DefaultGenesis is the genesis `openledgerd init` writes.
func (app *OpenLedgerApp) DefaultGenesis() map[string]json.RawMessage {
	return app.BasicModuleManager.DefaultGenesis(app.appCodec)
}

// openLedgerGenesisDefaults are the modules whose SDK defaults do not fit
// OpenLedger. Denoms need no override: sdk.DefaultBondDenom is aopen.
var openLedgerGenesisDefaults = map[string]func(codec.JSONCodec) json.RawMessage{
	// OPEN's metadata: the EVM reads its 18 decimals from here.
	banktypes.ModuleName: func(cdc codec.JSONCodec) json.RawMessage {
		genesis := banktypes.DefaultGenesisState()
		genesis.DenomMetadata = []banktypes.Metadata{config.CoinMetadata()}
		return cdc.MustMarshalJSON(genesis)
	},
	// OPEN is the EVM's native coin; every precompile, cosmos/evm's and
	// OpenLedger's, is on.
	evmtypes.ModuleName: func(cdc codec.JSONCodec) json.RawMessage {
		genesis := evmtypes.DefaultGenesisState()
		genesis.Params.EvmDenom = config.BaseDenom
		genesis.Params.ExtendedDenomOptions = &evmtypes.ExtendedDenomOptions{ExtendedDenom: config.BaseDenom}
		genesis.Params.ActiveStaticPrecompiles = activeStaticPrecompiles()
		genesis.Preinstalls = evmtypes.DefaultPreinstalls
		return cdc.MustMarshalJSON(genesis)
	},
	// Native OPEN is also an ERC-20, at a fixed address.
	erc20types.ModuleName: func(cdc codec.JSONCodec) json.RawMessage {
		genesis := erc20types.DefaultGenesisState()
		token := common.HexToAddress(precompiles.OPENTokenAddress).Hex()
		genesis.TokenPairs = []erc20types.TokenPair{{
			Erc20Address: token, Denom: config.BaseDenom, Enabled: true, ContractOwner: erc20types.OWNER_MODULE,
		}}
		genesis.NativePrecompiles = []string{token}
		return cdc.MustMarshalJSON(genesis)
	},
	feemarkettypes.ModuleName: func(cdc codec.JSONCodec) json.RawMessage {
		genesis := feemarkettypes.DefaultGenesisState()
		genesis.Params.MinGasPrice = MinGasPrice
		return cdc.MustMarshalJSON(genesis)
	},
	govtypes.ModuleName: func(cdc codec.JSONCodec) json.RawMessage {
		genesis := govv1.DefaultGenesisState()
		genesis.Params.MinDeposit = sdk.NewCoins(config.OPEN(govMinDepositOPEN))
		genesis.Params.ExpeditedMinDeposit = sdk.NewCoins(config.OPEN(govExpeditedMinDepositOPEN))
		return cdc.MustMarshalJSON(genesis)
	},
}

// withGenesisDefaults replaces a module's default genesis and keeps the rest
// of its basic behaviour (codec registration, genesis validation, REST routes).
type withGenesisDefaults struct {
	module.AppModuleBasic
	defaultGenesis func(codec.JSONCodec) json.RawMessage
}

func (m withGenesisDefaults) DefaultGenesis(cdc codec.JSONCodec) json.RawMessage {
	return m.defaultGenesis(cdc)
}

func (m withGenesisDefaults) ValidateGenesis(cdc codec.JSONCodec, txConfig client.TxEncodingConfig, bz json.RawMessage) error {
	return m.AppModuleBasic.(module.HasGenesisBasics).ValidateGenesis(cdc, txConfig, bz)
}

// activeStaticPrecompiles is every precompile the app registers, sorted as
// x/vm's params require.
func activeStaticPrecompiles() []string {
	active := slices.Concat(evmtypes.AvailableStaticPrecompiles, precompiles.Addresses)
	slices.Sort(active)
	return active
}
