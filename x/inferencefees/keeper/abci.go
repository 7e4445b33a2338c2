package keeper

import (
	"context"
	"fmt"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/inferencefees/types"
)

// EndBlock pays out every withdrawal whose release time has come (release
// time <= block time), in (release time, user, id) order. Each pays
// min(requested, balance): settlements during the delay lower it. A payout
// the bank refuses does not stop the chain: the withdrawal is dropped, its
// amount stays in the credit and EventWithdrawalFailed says why.
func (k Keeper) EndBlock(ctx context.Context) error {
	now := k.BlockTime(ctx)
	var due []QueueKey
	err := k.WithdrawalQueue.Walk(ctx, nil, func(key QueueKey) (bool, error) {
		if key.K1().After(now) {
			return true, nil
		}
		due = append(due, key)
		return false, nil
	})
	if err != nil {
		return err
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	for _, key := range due {
		cacheCtx, write := sdkCtx.CacheContext()
		if err := k.releaseWithdrawal(cacheCtx, key, true); err == nil {
			write()
			continue
		} else if failErr := k.dropWithdrawal(sdkCtx, key, err); failErr != nil {
			return fmt.Errorf("x/%s: dropping withdrawal %d after %w: %w", types.ModuleName, key.K3(), err, failErr)
		}
	}
	return nil
}

// releaseWithdrawal ends a matured withdrawal: it pays out min(requested,
// balance) when pay is set, and in every case removes the withdrawal and its
// requested amount from the credit's pending sum.
func (k Keeper) releaseWithdrawal(ctx context.Context, key QueueKey, pay bool) error {
	user, id := key.K2(), key.K3()
	w, err := k.Withdrawals.Get(ctx, collections.Join(user, id))
	if err != nil {
		return err
	}
	credit, err := k.GetCredit(ctx, user)
	if err != nil {
		return err
	}
	paid := math.ZeroInt()
	if pay {
		paid = math.MinInt(w.Amount, credit.Balance)
		credit.Balance = credit.Balance.Sub(paid)
	}
	credit.PendingWithdrawal = math.MaxInt(credit.PendingWithdrawal.Sub(w.Amount), math.ZeroInt())
	if err := k.Withdrawals.Remove(ctx, collections.Join(user, id)); err != nil {
		return err
	}
	if err := k.WithdrawalQueue.Remove(ctx, key); err != nil {
		return err
	}
	if err := k.setCredit(ctx, user, credit); err != nil {
		return err
	}
	if !pay {
		return nil
	}
	if err := k.payOut(ctx, user, paid); err != nil {
		return errorsmod.Wrapf(err, "paying out withdrawal %d", id)
	}
	return k.Emit(ctx, &types.EventWithdrawalCompleted{User: w.User, WithdrawalId: id, Requested: w.Amount, Paid: paid})
}

// dropWithdrawal ends a withdrawal whose payout failed, keeping its amount
// in the credit.
func (k Keeper) dropWithdrawal(ctx sdk.Context, key QueueKey, reason error) error {
	if err := k.releaseWithdrawal(ctx, key, false); err != nil {
		return err
	}
	user, err := k.AddressCodec().BytesToString(key.K2())
	if err != nil {
		return err
	}
	return k.Emit(ctx, &types.EventWithdrawalFailed{User: user, WithdrawalId: key.K3(), Reason: reason.Error()})
}
