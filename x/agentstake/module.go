// Package agentstake is the x/agentstake module: staked serving nodes, AI
// agents and attestors, with unbonding and slashing. See README.md for the
// specification.
package agentstake

import (
	"context"

	"cosmossdk.io/core/appmodule"

	"github.com/openledger/openledger/x/agentstake/keeper"
	"github.com/openledger/openledger/x/agentstake/types"
	"github.com/openledger/openledger/x/internal/modulekit"
)

// ConsensusVersion is the version of the module's state layout; a change
// needs a migration.
const ConsensusVersion = 1

var _ appmodule.HasEndBlocker = AppModule{}

// AppModule is the x/agentstake application module. Its end blocker pays
// out matured unbonding entries. Its genesis must be imported after x/bank's
// (it checks the module account's balance) and x/modelreg's.
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

// EndBlock pays out the matured unbonding entries.
func (am AppModule) EndBlock(ctx context.Context) error {
	return am.keeper.EndBlock(ctx)
}
