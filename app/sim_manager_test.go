package app_test

import (
	"github.com/cosmos/cosmos-sdk/types/module"
	"github.com/cosmos/cosmos-sdk/x/auth"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	"github.com/cosmos/cosmos-sdk/x/authz"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"
	"github.com/cosmos/cosmos-sdk/x/feegrant"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	protocolpooltypes "github.com/cosmos/cosmos-sdk/x/protocolpool/types"
	slashingtypes "github.com/cosmos/cosmos-sdk/x/slashing/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	"github.com/openledger/openledger/app"
	"github.com/openledger/openledger/app/config"
	agentstakesim "github.com/openledger/openledger/x/agentstake/simulation"
	attributionsim "github.com/openledger/openledger/x/attribution/simulation"
	datanetsim "github.com/openledger/openledger/x/datanet/simulation"
	inferencefeessim "github.com/openledger/openledger/x/inferencefees/simulation"
	modelregsim "github.com/openledger/openledger/x/modelreg/simulation"
)

// simulatedSDKModules are the SDK modules whose random genesis and
// operations the simulation uses. IBC's random genesis invents clients and
// channels no counterparty backs, and the EVM modules have neither random
// genesis nor operations; those keep their default genesis.
var simulatedSDKModules = []string{
	authtypes.ModuleName, banktypes.ModuleName, stakingtypes.ModuleName, distrtypes.ModuleName,
	slashingtypes.ModuleName, govtypes.ModuleName, protocolpooltypes.ModuleName,
	feegrant.ModuleName, authz.ModuleName,
}

// plainGenesisAccounts makes every simulated account a base account with
// no public key yet, as a genesis file lists them.
func plainGenesisAccounts(simState *module.SimulationState) authtypes.GenesisAccounts {
	accounts := make(authtypes.GenesisAccounts, len(simState.Accounts))
	for i, acc := range simState.Accounts {
		accounts[i] = authtypes.NewBaseAccountWithAddress(acc.Address)
	}
	return accounts
}

// openLedgerSimulationManager is the simulation of the SDK modules above
// and of every OpenLedger module.
func openLedgerSimulationManager(a *app.OpenLedgerApp) *module.SimulationManager {
	modules := make([]module.AppModuleSimulation, 0, len(simulatedSDKModules)+5)
	for _, name := range simulatedSDKModules {
		if name == authtypes.ModuleName {
			// Vesting accounts are not part of this chain, so genesis
			// accounts are plain accounts.
			modules = append(modules, auth.NewAppModule(a.AppCodec(), a.AccountKeeper, plainGenesisAccounts, nil))
			continue
		}
		modules = append(modules, a.ModuleManager.Modules[name].(module.AppModuleSimulation))
	}
	modules = append(modules,
		datanetsim.NewAppModule(a.DatanetKeeper),
		modelregsim.NewAppModule(a.ModelregKeeper, a.DatanetKeeper),
		agentstakesim.NewAppModule(a.AgentstakeKeeper, a.ModelregKeeper, config.DefaultEVMChainID),
		attributionsim.NewAppModule(a.AttributionKeeper),
		inferencefeessim.NewAppModule(a.InferencefeesKeeper, a.ModelregKeeper, a.AgentstakeKeeper, a.DatanetKeeper, config.DefaultEVMChainID),
	)
	sm := module.NewSimulationManager(modules...)
	sm.RegisterStoreDecoders()
	return sm
}
