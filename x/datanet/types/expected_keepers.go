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
	SendCoinsFromAccountToModule(ctx context.Context, senderAddr sdk.AccAddress, recipientModule string, amt sdk.Coins) error
	SendCoinsFromModuleToAccount(ctx context.Context, senderModule string, recipientAddr sdk.AccAddress, amt sdk.Coins) error
	BurnCoins(ctx context.Context, moduleName string, amounts sdk.Coins) error
	GetAllBalances(ctx context.Context, addr sdk.AccAddress) sdk.Coins
}

// CommunityPoolKeeper is what x/datanet needs from x/protocolpool. The
// signature matches protocolpool's Keeper.FundCommunityPool in SDK v0.54,
// which takes an sdk.Context.
type CommunityPoolKeeper = modulekit.CommunityPool
