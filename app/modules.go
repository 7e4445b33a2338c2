package app

import (
	erc20types "github.com/cosmos/evm/x/erc20/types"
	feemarkettypes "github.com/cosmos/evm/x/feemarket/types"
	evmtypes "github.com/cosmos/evm/x/vm/types"
	"github.com/cosmos/ibc-go/v11/modules/apps/transfer"
	ibctransfertypes "github.com/cosmos/ibc-go/v11/modules/apps/transfer/types"
	ibcexported "github.com/cosmos/ibc-go/v11/modules/core/exported"

	"github.com/cosmos/cosmos-sdk/types/module"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	"github.com/cosmos/cosmos-sdk/x/authz"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	consensusparamtypes "github.com/cosmos/cosmos-sdk/x/consensus/types"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"
	evidencetypes "github.com/cosmos/cosmos-sdk/x/evidence/types"
	"github.com/cosmos/cosmos-sdk/x/feegrant"
	"github.com/cosmos/cosmos-sdk/x/genutil"
	genutiltypes "github.com/cosmos/cosmos-sdk/x/genutil/types"
	"github.com/cosmos/cosmos-sdk/x/gov"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	protocolpooltypes "github.com/cosmos/cosmos-sdk/x/protocolpool/types"
	slashingtypes "github.com/cosmos/cosmos-sdk/x/slashing/types"
	"github.com/cosmos/cosmos-sdk/x/staking"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"
	upgradetypes "github.com/cosmos/cosmos-sdk/x/upgrade/types"

	agentstaketypes "github.com/openledger/openledger/x/agentstake/types"
	attributiontypes "github.com/openledger/openledger/x/attribution/types"
	bridgetypes "github.com/openledger/openledger/x/bridge/types"
	datanettypes "github.com/openledger/openledger/x/datanet/types"
	inferencefeestypes "github.com/openledger/openledger/x/inferencefees/types"
	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

// newBasicManager builds the codec/genesis/CLI registry from the module
// manager, overriding the few modules whose basics need arguments.
// The basics of modules with OpenLedger genesis defaults are wrapped so that
// `openledgerd init` writes those defaults.
func newBasicManager(manager *module.Manager) module.BasicManager {
	basics := module.NewBasicManagerFromManager(manager, map[string]module.AppModuleBasic{
		genutiltypes.ModuleName:     genutil.NewAppModuleBasic(genutiltypes.DefaultMessageValidator),
		stakingtypes.ModuleName:     staking.AppModuleBasic{},
		govtypes.ModuleName:         gov.NewAppModuleBasic(nil),
		ibctransfertypes.ModuleName: transfer.AppModuleBasic{},
	})
	for _, name := range sortedKeys(openLedgerGenesisDefaults) {
		basics[name] = withGenesisDefaults{AppModuleBasic: basics[name], defaultGenesis: openLedgerGenesisDefaults[name]}
	}
	return basics
}

// setModuleOrder fixes the order in which modules run in each phase of a
// block and of genesis. Each list names every module that takes part in its
// phase (the module manager refuses to start when one is missing); only the
// three modules with a pre-blocker appear in the first. The comments say
// where order matters.
func setModuleOrder(manager *module.Manager) {
	// Upgrades apply before anything else reads state; the EVM restores its
	// process-wide configuration before any transaction.
	manager.SetOrderPreBlockers(
		upgradetypes.ModuleName,
		authtypes.ModuleName,
		evmtypes.ModuleName,
	)

	manager.SetOrderBeginBlockers(
		ibcexported.ModuleName, ibctransfertypes.ModuleName,
		erc20types.ModuleName,
		// The fee market sets this block's base fee before the EVM reads it.
		feemarkettypes.ModuleName, evmtypes.ModuleName,
		// Distribution pays out the previous block's fees before slashing
		// changes validator power.
		distrtypes.ModuleName, protocolpooltypes.ModuleName, slashingtypes.ModuleName,
		evidencetypes.ModuleName, stakingtypes.ModuleName,
		authtypes.ModuleName, banktypes.ModuleName, govtypes.ModuleName, genutiltypes.ModuleName,
		authz.ModuleName, feegrant.ModuleName, consensusparamtypes.ModuleName, upgradetypes.ModuleName,
	)

	manager.SetOrderEndBlockers(
		banktypes.ModuleName, govtypes.ModuleName, stakingtypes.ModuleName, authtypes.ModuleName,
		evmtypes.ModuleName, erc20types.ModuleName,
		// The fee market runs last among modules that do work, so that it sees
		// the gas used by the whole block.
		feemarkettypes.ModuleName,
		ibcexported.ModuleName, ibctransfertypes.ModuleName,
		distrtypes.ModuleName, protocolpooltypes.ModuleName, slashingtypes.ModuleName,
		genutiltypes.ModuleName, evidencetypes.ModuleName, authz.ModuleName,
		feegrant.ModuleName, upgradetypes.ModuleName, consensusparamtypes.ModuleName,
		// Matured credit withdrawals, attribution records and challenges, and
		// unbonding entries are settled at the end of the block. They do not
		// depend on each other: a challenge verdict, and so its slash, executes
		// in the transaction of the deciding vote, before any EndBlocker.
		inferencefeestypes.ModuleName, attributiontypes.ModuleName, agentstaketypes.ModuleName,
		// The bridge checkpoints after staking's EndBlocker has applied the
		// block's power changes, so a checkpoint's next set is the set that
		// signs from the next block on, and after every module that moves
		// coins, so its escrow accounting is the block's final one.
		bridgetypes.ModuleName,
	)

	// Genesis: accounts and balances first; staking before genutil so that
	// gentxs find funded accounts and pools; the fee market before genutil
	// because gentxs pass through the minimum-gas-price check.
	genesisOrder := []string{
		authtypes.ModuleName, banktypes.ModuleName,
		distrtypes.ModuleName, protocolpooltypes.ModuleName, stakingtypes.ModuleName,
		slashingtypes.ModuleName, govtypes.ModuleName,
		ibcexported.ModuleName,
		evmtypes.ModuleName, feemarkettypes.ModuleName, erc20types.ModuleName,
		ibctransfertypes.ModuleName,
		// The AI modules check their module accounts' balances, set by bank.
		datanettypes.ModuleName, modelregtypes.ModuleName, agentstaketypes.ModuleName,
		attributiontypes.ModuleName, inferencefeestypes.ModuleName,
		// The bridge checks its escrow's balance, set by bank, and names
		// validators that staking's genesis (or genutil's gentxs) creates; it
		// reads them only when a message or EndBlock runs.
		bridgetypes.ModuleName,
		genutiltypes.ModuleName, evidencetypes.ModuleName, authz.ModuleName,
		feegrant.ModuleName, upgradetypes.ModuleName, consensusparamtypes.ModuleName,
	}
	manager.SetOrderInitGenesis(genesisOrder...)
	manager.SetOrderExportGenesis(genesisOrder...)
}
