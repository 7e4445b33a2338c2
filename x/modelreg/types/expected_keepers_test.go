package types_test

import (
	datanetkeeper "github.com/openledger/openledger/x/datanet/keeper"
	"github.com/openledger/openledger/x/modelreg/types"
)

// x/datanet's keeper is the DatanetKeeper the application passes in.
var _ types.DatanetKeeper = datanetkeeper.Keeper{}
