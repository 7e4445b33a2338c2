// Package attribution is the x/attribution module: Proof of Attribution records, their
// challenge window, attestor-voted challenges and contributor rewards. See
// README.md for the specification.
package attribution

import (
	"context"
	"fmt"

	"google.golang.org/grpc"

	"cosmossdk.io/core/appmodule"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/module"

	"github.com/openledger/openledger/x/attribution/keeper"
	"github.com/openledger/openledger/x/attribution/types"
	"github.com/openledger/openledger/x/internal/modulekit"
)

// ConsensusVersion is the version of the module's state layout; a change
// needs a migration. Version 2: records keep their receipt version, price,
// tokens, batch models and whether the node signed the root; challenges may
// dispute usage (keeper.Migrator.Migrate1to2).
const ConsensusVersion = 2

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

// RegisterServices registers the Msg and Query services and, with the
// module manager's configurator, the store migrations.
func (am AppModule) RegisterServices(registrar grpc.ServiceRegistrar) error {
	if err := am.Module.RegisterServices(registrar); err != nil {
		return err
	}
	if cfg, ok := registrar.(module.Configurator); ok {
		m := keeper.NewMigrator(am.keeper)
		migrate := func(ctx sdk.Context) error { return m.Migrate1to2(ctx) }
		if err := cfg.RegisterMigration(types.ModuleName, 1, migrate); err != nil {
			return fmt.Errorf("x/%s: registering the migration from version 1 to 2: %w", types.ModuleName, err)
		}
	}
	return nil
}

// EndBlock finalizes the records whose challenge window ended and expires
// the challenges whose voting period ended.
func (am AppModule) EndBlock(ctx context.Context) error {
	return am.keeper.EndBlock(ctx)
}
