package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/internal/modulekit"
	"github.com/openledger/openledger/x/modelreg/types"
)

// A registration fee is one transfer from the payer into the module account
// (so it succeeds or fails as a whole), after which it leaves the module
// account at once: burned, or sent to the community pool. The module account
// holds nothing between messages, which the invariant checks.

// collectFee moves the fee from the payer to its destination. A zero fee
// moves nothing.
func (k Keeper) collectFee(ctx context.Context, payer sdk.AccAddress, fee sdk.Coin, dest types.FeeDestination) error {
	if fee.IsZero() {
		return nil
	}
	switch dest {
	case types.FEE_DESTINATION_BURN, types.FEE_DESTINATION_COMMUNITY_POOL:
	default:
		return errorsmod.Wrapf(types.ErrInvalidParams, "fee_destination %s", dest)
	}
	if err := k.bankKeeper.SendCoinsFromAccountToModule(ctx, payer, types.ModuleName, sdk.NewCoins(fee)); err != nil {
		return errorsmod.Wrapf(err, "paying registration fee %s", fee)
	}
	return modulekit.RouteFee(ctx, k.bankKeeper, k.communityPoolKeeper, types.ModuleName, k.ModuleAddress(),
		fee, dest == types.FEE_DESTINATION_COMMUNITY_POOL)
}
