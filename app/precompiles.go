package app

import (
	"fmt"

	"github.com/ethereum/go-ethereum/common"

	"github.com/openledger/openledger/precompiles/datanet"
	datanetkeeper "github.com/openledger/openledger/x/datanet/keeper"
)

// registerOpenLedgerPrecompiles makes the AI modules callable from the EVM.
// It runs once their keepers exist; a precompile is only callable while its
// address is among x/vm's active static precompiles.
func (app *OpenLedgerApp) registerOpenLedgerPrecompiles() {
	codec := app.AccountKeeper.AddressCodec()
	datanetPrecompile, err := datanet.NewPrecompile(
		datanetkeeper.NewMsgServerImpl(app.DatanetKeeper), datanetkeeper.NewQueryServerImpl(app.DatanetKeeper),
		codec, app.BankKeeper,
	)
	if err != nil {
		panic(fmt.Sprintf("datanet precompile: %v", err))
	}
	app.EVMKeeper.RegisterStaticPrecompile(common.HexToAddress(datanet.Address), datanetPrecompile)
}
