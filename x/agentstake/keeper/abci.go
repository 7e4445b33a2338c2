package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/agentstake/types"
)

// EndBlock pays out every unbonding entry whose completion time is at or
// before the block time, to the agent's owner. The queue is ordered by
// completion time, so only matured entries are read.
func (k Keeper) EndBlock(ctx context.Context) error {
	now := k.BlockTime(ctx)
	rng := collections.NewPrefixUntilTripleRange[int64, sdk.AccAddress, uint64](now.UnixNano())
	iter, err := k.UnbondingQueue.Iterate(ctx, rng)
	if err != nil {
		return err
	}
	// Collect first: the queue is not modified while it is iterated.
	keys, err := iter.Keys()
	if err != nil {
		return err
	}
	paid := math.ZeroInt()
	for _, qk := range keys {
		op, id := qk.K2(), qk.K3()
		ek := collections.Join(op, id)
		entry, err := k.UnbondingEntries.Get(ctx, ek)
		if err != nil {
			return errorsmod.Wrapf(err, "unbonding entry %d in the queue", id)
		}
		if entry.Amount.IsPositive() {
			owner, _, err := types.ParseAddress(k.AddressCodec(), "owner", entry.Owner)
			if err != nil {
				return err
			}
			if err := k.bankKeeper.SendCoinsFromModuleToAccount(ctx, types.ModuleName, owner, coins(entry.Amount)); err != nil {
				return errorsmod.Wrapf(err, "paying unbonding entry %d", id)
			}
		}
		if err := k.UnbondingEntries.Remove(ctx, ek); err != nil {
			return err
		}
		if err := k.UnbondingQueue.Remove(ctx, qk); err != nil {
			return err
		}
		paid = paid.Add(entry.Amount)
		if err := k.Emit(ctx, &types.EventUnbondingCompleted{
			Operator: entry.Operator, EntryId: id, Owner: entry.Owner, Amount: entry.Amount,
		}); err != nil {
			return err
		}
	}
	return addInt(ctx, k.TotalUnbonding, paid.Neg())
}
