package app

import (
	"github.com/cosmos/evm/x/erc20"
	erc20v2 "github.com/cosmos/evm/x/erc20/v2"
	ibccallbackskeeper "github.com/cosmos/evm/x/ibc/callbacks/keeper"
	ibccallbacks "github.com/cosmos/ibc-go/v11/modules/apps/callbacks"
	"github.com/cosmos/ibc-go/v11/modules/apps/transfer"
	ibctransfertypes "github.com/cosmos/ibc-go/v11/modules/apps/transfer/types"
	transferv2 "github.com/cosmos/ibc-go/v11/modules/apps/transfer/v2"
	porttypes "github.com/cosmos/ibc-go/v11/modules/core/05-port/types"
	ibcapi "github.com/cosmos/ibc-go/v11/modules/core/api"
	ibctm "github.com/cosmos/ibc-go/v11/modules/light-clients/07-tendermint"

	"github.com/openledger/openledger/app/config"
	"github.com/openledger/openledger/app/ibccredit"
	inferencefeeskeeper "github.com/openledger/openledger/x/inferencefees/keeper"
)

// maxIBCCallbackGas bounds the gas an IBC callback into a contract may use, so
// a packet cannot carry unbounded EVM work into a relayer's transaction.
const maxIBCCallbackGas = uint64(1_000_000)

// wireIBCRouting builds the ICS-20 transfer stacks for IBC v1 (channels) and
// v2 (Eureka), routes them, and registers the Tendermint light client.
//
// IBC v1 transfer stack, as packets travel:
//
//	send: transfer.SendPacket -> erc20 -> ibccredit -> callbacks -> channel.SendPacket
//	recv: channel.RecvPacket -> callbacks.OnRecvPacket -> ibccredit.OnRecvPacket -> erc20.OnRecvPacket -> transfer.OnRecvPacket
//
// The erc20 middleware converts received tokens that have an ERC-20
// representation; ibccredit deposits OPEN that arrives with the memo
// {"openledger":{"deposit_credit":{}}} as the receiver's inference credit
// (after erc20, which leaves OPEN as it is); the callbacks middleware lets
// contracts react to packets. It must run after the x/inferencefees keeper
// is built.
// IBC v2: transferv2 wrapped by the erc20 v2 middleware, then by ibccredit's
// v2 middleware (the same memo and rules).
func (app *OpenLedgerApp) wireIBCRouting() ibctm.LightClientModule {
	var transferStack porttypes.IBCModule = transfer.NewIBCModule(app.TransferKeeper)
	transferStack = erc20.NewIBCMiddleware(app.Erc20Keeper, transferStack)
	creditDepositor := inferencefeeskeeper.NewMsgServerImpl(app.InferencefeesKeeper)
	credit := ibccredit.NewIBCMiddleware(creditDepositor, config.BaseDenom)
	credit.SetUnderlyingApplication(transferStack)
	transferStack = credit
	app.CallbackKeeper = ibccallbackskeeper.NewKeeper(app.AccountKeeper, app.EVMKeeper, app.Erc20Keeper)
	callbacks := ibccallbacks.NewIBCMiddleware(app.CallbackKeeper, maxIBCCallbackGas)
	callbacks.SetICS4Wrapper(app.IBCKeeper.ChannelKeeper)
	callbacks.SetUnderlyingApplication(transferStack)
	credit.SetICS4Wrapper(callbacks)
	transferStack = callbacks

	var transferStackV2 ibcapi.IBCModule = transferv2.NewIBCModule(app.TransferKeeper)
	transferStackV2 = erc20v2.NewIBCMiddleware(transferStackV2, app.Erc20Keeper)
	transferStackV2 = ibccredit.NewIBCMiddlewareV2(transferStackV2, creditDepositor, config.BaseDenom)

	router := porttypes.NewRouter()
	router.AddRoute(ibctransfertypes.ModuleName, transferStack)
	routerV2 := ibcapi.NewRouter()
	routerV2.AddRoute(ibctransfertypes.ModuleName, transferStackV2)
	app.IBCKeeper.SetRouter(router)
	app.IBCKeeper.SetRouterV2(routerV2)

	clientKeeper := app.IBCKeeper.ClientKeeper
	tmLightClient := ibctm.NewLightClientModule(app.appCodec, clientKeeper.GetStoreProvider())
	clientKeeper.AddRoute(ibctm.ModuleName, &tmLightClient)
	return tmLightClient
}
