package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/inferencefees/types"
	"github.com/openledger/openledger/x/internal/modulekit"
)

// RequestWithdrawal starts a withdrawal of part of the user's credit. The
// amount stays in the credit, and keeps paying settlements of vouchers the
// user already handed out, until the release time (block time +
// withdrawal_delay); EndBlock then pays out min(amount, balance).
func (k msgServer) RequestWithdrawal(ctx context.Context, msg *types.MsgRequestWithdrawal) (*types.MsgRequestWithdrawalResponse, error) {
	c, err := k.newCreditChange(ctx, types.ParseAddress, msg.User, msg.Amount)
	if err != nil {
		return nil, err
	}
	user, userStr, p, credit := c.user, c.userStr, c.params, c.credit
	available := math.MaxInt(credit.Balance.Sub(credit.PendingWithdrawal), math.ZeroInt())
	if msg.Amount.Amount.GT(available) {
		return nil, errorsmod.Wrapf(types.ErrWithdrawalExceedsCredit, "requested %s, available %s (balance %s, already under withdrawal %s)",
			msg.Amount.Amount, available, credit.Balance, credit.PendingWithdrawal)
	}
	pending, err := k.pendingWithdrawals(ctx, user)
	if err != nil {
		return nil, err
	}
	if len(pending) >= types.MaxPendingWithdrawals {
		return nil, errorsmod.Wrapf(types.ErrTooManyWithdrawals, "%d pending, at most %d", len(pending), types.MaxPendingWithdrawals)
	}

	id, err := modulekit.NextID(ctx, k.NextWithdrawalID)
	if err != nil {
		return nil, err
	}
	release := k.BlockTime(ctx).Add(p.WithdrawalDelay)
	w := types.Withdrawal{Id: id, User: userStr, Amount: msg.Amount.Amount, RequestedHeight: k.Height(ctx), ReleaseTime: release}
	if err := k.Withdrawals.Set(ctx, collections.Join(user, id), w); err != nil {
		return nil, err
	}
	if err := k.WithdrawalQueue.Set(ctx, collections.Join3(release, user, id)); err != nil {
		return nil, err
	}
	credit.PendingWithdrawal = credit.PendingWithdrawal.Add(msg.Amount.Amount)
	if err := k.setCredit(ctx, user, credit); err != nil {
		return nil, err
	}
	if err := k.Emit(ctx, &types.EventWithdrawalRequested{User: userStr, WithdrawalId: id, Amount: msg.Amount.Amount, ReleaseTime: release}); err != nil {
		return nil, err
	}
	return &types.MsgRequestWithdrawalResponse{WithdrawalId: id, ReleaseTime: release}, nil
}

// pendingWithdrawals lists a user's pending withdrawals by id.
func (k Keeper) pendingWithdrawals(ctx context.Context, user sdk.AccAddress) ([]types.Withdrawal, error) {
	var out []types.Withdrawal
	err := k.Withdrawals.Walk(ctx, collections.NewPrefixedPairRange[sdk.AccAddress, uint64](user),
		func(_ WithdrawalKey, w types.Withdrawal) (bool, error) {
			out = append(out, w)
			return false, nil
		})
	return out, err
}
