package types

import (
	"context"

	datanettypes "github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/modulekit"
)

// AccountKeeper is what x/modelreg needs from x/auth: its module account's
// address.
type AccountKeeper = modulekit.ModuleAccounts

// BankKeeper is what x/modelreg needs from x/bank: collecting registration
// fees into the module account and burning them.
type BankKeeper interface {
	modulekit.Collector
	modulekit.Burner
}

// CommunityPoolKeeper is what x/modelreg needs from x/protocolpool. The
// signature matches protocolpool's Keeper.FundCommunityPool in SDK v0.54,
// which takes an sdk.Context.
type CommunityPoolKeeper = modulekit.CommunityPool

// DatanetKeeper is what x/modelreg needs from x/datanet: the Datanet
// versions a model was trained on. It matches x/datanet's Keeper.GetVersion
// (version 0 there means the current one; x/modelreg never asks for 0).
type DatanetKeeper interface {
	GetVersion(ctx context.Context, datanetID, version uint64) (datanettypes.Version, error)
}
