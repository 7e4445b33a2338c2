package types

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/internal/modulekit"
)

// AccountKeeper is what x/datanet needs from x/auth: its module account's
// address.
type AccountKeeper = modulekit.ModuleAccounts

// BankKeeper is what x/datanet needs from x/bank: moving fees and deposits
// between accounts and the module account, burning, and reading the module
// balance for the conservation invariant.
type BankKeeper interface {
	modulekit.Collector
	modulekit.Payer
	modulekit.Burner
	GetAllBalances(ctx context.Context, addr sdk.AccAddress) sdk.Coins
}

// CommunityPoolKeeper is what x/datanet needs from x/protocolpool. The
// signature matches protocolpool's Keeper.FundCommunityPool in SDK v0.54,
// which takes an sdk.Context.
type CommunityPoolKeeper = modulekit.CommunityPool
