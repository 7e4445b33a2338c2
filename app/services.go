package app

import (
	"errors"

	evmaddress "github.com/cosmos/evm/encoding/address"
	evmmempool "github.com/cosmos/evm/mempool"

	"cosmossdk.io/client/v2/autocli"
	"cosmossdk.io/core/appmodule"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/grpc/cmtservice"
	"github.com/cosmos/cosmos-sdk/client/grpc/node"
	runtimeservices "github.com/cosmos/cosmos-sdk/runtime/services"
	sdkserver "github.com/cosmos/cosmos-sdk/server"
	"github.com/cosmos/cosmos-sdk/server/api"
	serverconfig "github.com/cosmos/cosmos-sdk/server/config"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtx "github.com/cosmos/cosmos-sdk/x/auth/tx"
)

// RegisterAPIRoutes serves every module's queries over REST (grpc-gateway)
// and the Swagger UI when enabled.
func (app *OpenLedgerApp) RegisterAPIRoutes(apiServer *api.Server, apiConfig serverconfig.APIConfig) {
	clientCtx := apiServer.ClientCtx
	authtx.RegisterGRPCGatewayRoutes(clientCtx, apiServer.GRPCGatewayRouter)
	cmtservice.RegisterGRPCGatewayRoutes(clientCtx, apiServer.GRPCGatewayRouter)
	node.RegisterGRPCGatewayRoutes(clientCtx, apiServer.GRPCGatewayRouter)
	app.BasicModuleManager.RegisterGRPCGatewayRoutes(clientCtx, apiServer.GRPCGatewayRouter)
	if err := sdkserver.RegisterSwaggerAPI(clientCtx, apiServer.Router, apiConfig.Swagger); err != nil {
		panic(err)
	}
}

// RegisterTxService serves transaction simulation and broadcast over gRPC.
func (app *OpenLedgerApp) RegisterTxService(clientCtx client.Context) {
	authtx.RegisterTxService(app.GRPCQueryRouter(), clientCtx, app.Simulate, app.interfaceRegistry)
}

// RegisterTendermintService serves CometBFT queries (blocks, validators) over gRPC.
func (app *OpenLedgerApp) RegisterTendermintService(clientCtx client.Context) {
	cmtservice.RegisterTendermintService(clientCtx, app.GRPCQueryRouter(), app.interfaceRegistry, app.Query)
}

// RegisterNodeService serves the node's configuration and status over gRPC.
func (app *OpenLedgerApp) RegisterNodeService(clientCtx client.Context, cfg serverconfig.Config) {
	node.RegisterNodeService(clientCtx, app.GRPCQueryRouter(), cfg, func() int64 {
		return app.CommitMultiStore().EarliestVersion()
	})
}

// AutoCliOpts lets AutoCLI build `tx` and `query` commands from the modules'
// service descriptors, with OpenLedger's address codecs.
func (app *OpenLedgerApp) AutoCliOpts() autocli.AppOptions {
	modules := make(map[string]appmodule.AppModule)
	// order-independent: a copy into another map.
	for name, m := range app.ModuleManager.Modules {
		if appModule, ok := m.(appmodule.AppModule); ok {
			modules[name] = appModule
		}
	}
	cfg := sdk.GetConfig()
	return autocli.AppOptions{
		Modules:               modules,
		ModuleOptions:         runtimeservices.ExtractAutoCLIOptions(app.ModuleManager.Modules),
		AddressCodec:          evmaddress.NewEvmCodec(cfg.GetBech32AccountAddrPrefix()),
		ValidatorAddressCodec: evmaddress.NewEvmCodec(cfg.GetBech32ValidatorAddrPrefix()),
		ConsensusAddressCodec: evmaddress.NewEvmCodec(cfg.GetBech32ConsensusAddrPrefix()),
	}
}

// Close stops the EVM mempool and then the base application.
func (app *OpenLedgerApp) Close() error {
	var err error
	if mempool, ok := app.EVMMempool.(*evmmempool.Mempool); ok && mempool != nil {
		err = mempool.Close()
	}
	return errors.Join(err, app.BaseApp.Close())
}
