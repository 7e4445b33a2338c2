package types_test

import (
	agentstakekeeper "github.com/openledger/openledger/x/agentstake/keeper"
	attributionkeeper "github.com/openledger/openledger/x/attribution/keeper"
	"github.com/openledger/openledger/x/inferencefees/types"
	modelregkeeper "github.com/openledger/openledger/x/modelreg/keeper"
)

// The other modules' keepers are the ones the application passes in.
var (
	_ types.ModelregKeeper    = modelregkeeper.Keeper{}
	_ types.AgentstakeKeeper  = agentstakekeeper.Keeper{}
	_ types.AttributionKeeper = attributionkeeper.Keeper{}
)
