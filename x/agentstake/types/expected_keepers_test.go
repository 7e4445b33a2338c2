package types_test

import (
	"github.com/openledger/openledger/x/agentstake/types"
	modelregkeeper "github.com/openledger/openledger/x/modelreg/keeper"
)

// x/modelreg's keeper is the ModelregKeeper the application passes in.
var _ types.ModelregKeeper = modelregkeeper.Keeper{}
