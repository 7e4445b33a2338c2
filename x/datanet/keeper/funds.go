package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/modulekit"
)

// Every payment to x/datanet is one transfer from the payer into the module
// account (so it succeeds or fails as a whole), after which the fee part
// leaves the module account at once: burned, or sent to the community pool.
// What stays is exactly the deposits of pending contributions, which the
// conservation invariant checks.

// collect moves fee + deposit from the payer into the module account, then
// routes the fee to its destination. Zero amounts move nothing.
func (k Keeper) collect(ctx context.Context, payer sdk.AccAddress, fee, deposit sdk.Coin, dest types.FeeDestination) error {
	// Coins.Add merges equal denoms and drops zero amounts (sdk.NewCoins
	// would panic on a fee and a deposit of the same denom).
	total := sdk.NewCoins().Add(fee).Add(deposit)
	if total.IsZero() {
		return nil
	}
	if err := k.bankKeeper.SendCoinsFromAccountToModule(ctx, payer, types.ModuleName, total); err != nil {
		return errorsmod.Wrapf(err, "paying fee %s and deposit %s", fee, deposit)
	}
	return k.routeFee(ctx, fee, dest)
}

// routeFee sends a fee held by the module account to its destination.
func (k Keeper) routeFee(ctx context.Context, fee sdk.Coin, dest types.FeeDestination) error {
	switch dest {
	case types.FEE_DESTINATION_BURN, types.FEE_DESTINATION_COMMUNITY_POOL:
		return modulekit.RouteFee(ctx, k.bankKeeper, k.communityPoolKeeper, types.ModuleName, k.ModuleAddress(),
			fee, dest == types.FEE_DESTINATION_COMMUNITY_POOL)
	}
	return errorsmod.Wrapf(types.ErrInvalidParams, "fee_destination %s", dest)
}

// returnDeposit pays a held deposit back.
func (k Keeper) returnDeposit(ctx context.Context, to string, deposit sdk.Coin) error {
	if deposit.IsZero() {
		return nil
	}
	addr, err := k.AddressCodec().StringToBytes(to)
	if err != nil {
		return errorsmod.Wrapf(types.ErrInvalidAddress, "deposit owner %q: %v", to, err)
	}
	if err := k.bankKeeper.SendCoinsFromModuleToAccount(ctx, types.ModuleName, addr, sdk.NewCoins(deposit)); err != nil {
		return errorsmod.Wrapf(err, "returning deposit %s to %s", deposit, to)
	}
	return nil
}

// burnDeposit burns a held deposit.
func (k Keeper) burnDeposit(ctx context.Context, deposit sdk.Coin) error {
	if deposit.IsZero() {
		return nil
	}
	if err := k.bankKeeper.BurnCoins(ctx, types.ModuleName, sdk.NewCoins(deposit)); err != nil {
		return errorsmod.Wrapf(err, "burning deposit %s", deposit)
	}
	return nil
}
