// Package bridge is the x/bridge module: the chain side of OPEN's bridge to
// Ethereum. Withdrawals are escrowed and committed to checkpoints that the
// validators sign for the L1 contract; deposits on L1 are paid out of the
// escrow once more than 2/3 of the bonded power attest them. Nothing is
// minted or burned. See README.md for the specification.
package bridge

import (
	"context"

	"cosmossdk.io/core/appmodule"

	"github.com/openledger/openledger/x/bridge/keeper"
	"github.com/openledger/openledger/x/bridge/types"
	"github.com/openledger/openledger/x/internal/modulekit"
)

// ConsensusVersion is the version of the module's state layout; a change
// needs a migration.
const ConsensusVersion = 1

var _ appmodule.HasEndBlocker = AppModule{}

// AppModule is the x/bridge application module. Its end blocker makes
// checkpoints. Its genesis must be imported after x/bank's (it checks the
// escrow's balance).
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

// EndBlock makes a checkpoint when one is due.
func (am AppModule) EndBlock(ctx context.Context) error {
	return am.keeper.EndBlock(ctx)
}
