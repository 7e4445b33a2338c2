package types_test

import (
	"github.com/openledger/openledger/x/attribution/types"
	datanetkeeper "github.com/openledger/openledger/x/datanet/keeper"
)

// x/datanet's keeper is the DatanetKeeper the application passes in.
var _ types.DatanetKeeper = datanetkeeper.Keeper{}
