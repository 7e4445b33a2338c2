// Package attribution is the x/attribution module: Proof of Attribution records, their
// challenge window, attestor-voted challenges and contributor rewards. See
// README.md for the specification.
package attribution

import (
	"context"

	"cosmossdk.io/core/appmodule"

	"github.com/openledger/openledger/x/attribution/keeper"
	"github.com/openledger/openledger/x/attribution/types"
	"github.com/openledger/openledger/x/internal/modulekit"
)

// ConsensusVersion is the version of the module's state layout; a change
// needs a migration.
const ConsensusVersion = 1

var _ appmodule.HasEndBlocker = AppModule{}

// AppModule is the x/attribution application module. Its end blocker
// finalizes matured records and expires challenges. Its genesis must be
// imported after x/bank's.
type AppModule struct {
	modulekit.Module[types.GenesisState, *types.GenesisState]
	keeper keeper.Keeper
}

// NewAppModule returns the module for a keeper.
func NewAppModule(k keeper.Keeper) AppModule {
	return AppModule{keeper: k, Module: modulekit.NewModule(modulekit.Spec[types.GenesisState]{
		Name: types.ModuleName, ConsensusVersion: ConsensusVersion, Keeper: k, DefaultGenesis: types.DefaultGenesis,
		Codec:    modulekit.Codec{Interfaces: types.RegisterInterfaces, Amino: types.RegisterLegacyAminoCodec},
		Gateway:  modulekit.Gateway(types.RegisterQueryHandlerClient, types.NewQueryClient),
		Services: modulekit.Services(types.RegisterMsgServer, keeper.NewMsgServerImpl(k), types.RegisterQueryServer, keeper.NewQueryServerImpl(k)),
	})}
}

// EndBlock finalizes the records whose challenge window ended and expires
// the challenges whose voting period ended.
func (am AppModule) EndBlock(ctx context.Context) error {
	return am.keeper.EndBlock(ctx)
}
