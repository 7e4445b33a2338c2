// Package inferencefees is the x/inferencefees module: prepaid inference credit,
// EIP-712 payment vouchers, batched settlement and the fee split. See README.md
// for the specification.
package inferencefees

import (
	"context"

	"cosmossdk.io/core/appmodule"

	"github.com/openledger/openledger/x/inferencefees/keeper"
	"github.com/openledger/openledger/x/inferencefees/types"
	"github.com/openledger/openledger/x/internal/modulekit"
)

// ConsensusVersion is the version of the module's state layout; a change
// needs a migration.
const ConsensusVersion = 1

var _ appmodule.HasEndBlocker = AppModule{}

// AppModule is the x/inferencefees application module. Its end blocker pays
// out matured credit withdrawals. Its genesis must be imported after
// x/bank's: the module account must already hold the credits.
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

// EndBlock pays out the credit withdrawals whose release time has come.
func (am AppModule) EndBlock(ctx context.Context) error {
	return am.keeper.EndBlock(ctx)
}
