package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/attribution/types"
)

// ClaimRewards pays the claimant everything claimable for it: one
// per-address total, so the cost does not grow with the number of records
// that paid it.
func (k msgServer) ClaimRewards(ctx context.Context, msg *types.MsgClaimRewards) (*types.MsgClaimRewardsResponse, error) {
	addr, claimant, err := types.ParseAddress(k.AddressCodec(), "claimant", msg.Claimant)
	if err != nil {
		return nil, err
	}
	amt, err := amountOf(ctx, k.Claimable, addr)
	if err != nil {
		return nil, err
	}
	if !amt.IsPositive() {
		return nil, errorsmod.Wrapf(types.ErrNothingToClaim, "%s has no claimable rewards", claimant)
	}
	coin := sdk.NewCoin(types.RewardDenom, amt)
	if err := k.bankKeeper.SendCoinsFromModuleToAccount(ctx, types.ModuleName, addr, sdk.NewCoins(coin)); err != nil {
		return nil, errorsmod.Wrapf(err, "paying %s to %s", coin, claimant)
	}
	if err := k.Claimable.Remove(ctx, addr); err != nil {
		return nil, err
	}
	if err := k.Emit(ctx, &types.EventRewardsClaimed{Claimant: claimant, Amount: coin}); err != nil {
		return nil, err
	}
	return &types.MsgClaimRewardsResponse{Amount: coin}, nil
}
