package app

import (
	"fmt"

	"github.com/ethereum/go-ethereum/common"

	"github.com/openledger/openledger/precompiles/agentstake"
	"github.com/openledger/openledger/precompiles/attribution"
	"github.com/openledger/openledger/precompiles/datanet"
	"github.com/openledger/openledger/precompiles/inferencefees"
	"github.com/openledger/openledger/precompiles/modelreg"
	"github.com/openledger/openledger/precompiles/precompilekit"
	agentstakekeeper "github.com/openledger/openledger/x/agentstake/keeper"
	attributionkeeper "github.com/openledger/openledger/x/attribution/keeper"
	datanetkeeper "github.com/openledger/openledger/x/datanet/keeper"
	inferencefeeskeeper "github.com/openledger/openledger/x/inferencefees/keeper"
	modelregkeeper "github.com/openledger/openledger/x/modelreg/keeper"
)

// registerOpenLedgerPrecompiles makes the AI modules callable from the EVM.
// It runs once their keepers exist; a precompile is only callable while its
// address is among x/vm's active static precompiles.
func (app *OpenLedgerApp) registerOpenLedgerPrecompiles() {
	codec := app.AccountKeeper.AddressCodec()
	register := func(address string, p *precompilekit.Precompile, err error) {
		if err != nil {
			panic(fmt.Sprintf("precompile at %s: %v", address, err))
		}
		app.EVMKeeper.RegisterStaticPrecompile(common.HexToAddress(address), p)
	}
	datanetPrecompile, err := datanet.NewPrecompile(
		datanetkeeper.NewMsgServerImpl(app.DatanetKeeper), datanetkeeper.NewQueryServerImpl(app.DatanetKeeper),
		codec, app.BankKeeper,
	)
	register(datanet.Address, datanetPrecompile, err)
	modelregPrecompile, err := modelreg.NewPrecompile(
		modelregkeeper.NewMsgServerImpl(app.ModelregKeeper), modelregkeeper.NewQueryServerImpl(app.ModelregKeeper),
		codec, app.BankKeeper,
	)
	register(modelreg.Address, modelregPrecompile, err)
	agentstakePrecompile, err := agentstake.NewPrecompile(
		agentstakekeeper.NewMsgServerImpl(app.AgentstakeKeeper), agentstakekeeper.NewQueryServerImpl(app.AgentstakeKeeper),
		codec, app.BankKeeper,
	)
	register(agentstake.Address, agentstakePrecompile, err)
	inferencefeesPrecompile, err := inferencefees.NewPrecompile(
		inferencefeeskeeper.NewMsgServerImpl(app.InferencefeesKeeper), inferencefeeskeeper.NewQueryServerImpl(app.InferencefeesKeeper),
		codec, app.BankKeeper,
	)
	register(inferencefees.Address, inferencefeesPrecompile, err)
	attributionPrecompile, err := attribution.NewPrecompile(
		attributionkeeper.NewMsgServerImpl(app.AttributionKeeper), attributionkeeper.NewQueryServerImpl(app.AttributionKeeper),
		codec, app.BankKeeper,
	)
	register(attribution.Address, attributionPrecompile, err)
}
