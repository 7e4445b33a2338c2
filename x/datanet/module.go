// Package datanet is the x/datanet module: community datasets with
// provenance. See README.md for the specification.
package datanet

import (
	"github.com/openledger/openledger/x/datanet/keeper"
	"github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/modulekit"
)

// ConsensusVersion is the version of the module's state layout; a change
// needs a migration.
const ConsensusVersion = 1

// AppModule is the x/datanet application module. It has no begin or end
// blocker: every state change comes from a message. Its genesis must be
// imported after x/bank's.
type AppModule struct {
	modulekit.Module[types.GenesisState, *types.GenesisState]
}

// NewAppModule returns the module for a keeper.
func NewAppModule(k keeper.Keeper) AppModule {
	return AppModule{modulekit.NewModule(modulekit.Spec[types.GenesisState]{
		Name: types.ModuleName, ConsensusVersion: ConsensusVersion, Keeper: k, DefaultGenesis: types.DefaultGenesis,
		Codec:    modulekit.Codec{Interfaces: types.RegisterInterfaces, Amino: types.RegisterLegacyAminoCodec},
		Gateway:  modulekit.Gateway(types.RegisterQueryHandlerClient, types.NewQueryClient),
		Services: modulekit.Services(types.RegisterMsgServer, keeper.NewMsgServerImpl(k), types.RegisterQueryServer, keeper.NewQueryServerImpl(k)),
	})}
}
