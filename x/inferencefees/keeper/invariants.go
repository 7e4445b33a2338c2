package keeper

import (
	"fmt"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/inferencefees/types"
)

// AllInvariants checks every invariant of the module. They are plain
// functions: the SDK no longer has an invariant registry.
func AllInvariants(k Keeper) func(ctx sdk.Context) (string, bool) {
	return func(ctx sdk.Context) (string, bool) {
		for _, inv := range []func(sdk.Context) (string, bool){CreditBackingInvariant(k), TotalsInvariant(k), PendingWithdrawalsInvariant(k)} {
			if msg, broken := inv(ctx); broken {
				return msg, true
			}
		}
		return "", false
	}
}

// CreditBackingInvariant: the module account holds exactly the sum of the
// credit balances (every fee leaves it within the message that brought it).
func CreditBackingInvariant(k Keeper) func(ctx sdk.Context) (string, bool) {
	return func(ctx sdk.Context) (string, bool) {
		sum := math.ZeroInt()
		err := k.Credits.Walk(ctx, nil, func(_ sdk.AccAddress, c types.Credit) (bool, error) {
			sum = sum.Add(c.Balance)
			return false, nil
		})
		if err != nil {
			return fmt.Sprintf("%s: walking credits: %v", types.ModuleName, err), true
		}
		held := k.bankKeeper.GetBalance(ctx, k.ModuleAddress(), types.Denom).Amount
		if !held.Equal(sum) {
			return fmt.Sprintf("%s: credit backing broken: module account holds %s, credits sum to %s", types.ModuleName, held, sum), true
		}
		return "", false
	}
}

// TotalsInvariant: settled = burned + model owners + serving nodes +
// protocol + attribution.
func TotalsInvariant(k Keeper) func(ctx sdk.Context) (string, bool) {
	return func(ctx sdk.Context) (string, bool) {
		t, err := k.GetTotals(ctx)
		if err != nil {
			return fmt.Sprintf("%s: reading totals: %v", types.ModuleName, err), true
		}
		if !t.Balanced() {
			return fmt.Sprintf("%s: totals broken: settled %s != burned %s + owners %s + nodes %s + protocol %s + attribution %s",
				types.ModuleName, t.Settled, t.Burned, t.ToModelOwners, t.ToServingNodes, t.ToProtocol, t.ToAttribution), true
		}
		return "", false
	}
}

// PendingWithdrawalsInvariant: each credit's pending_withdrawal is the sum
// of its user's withdrawals, and every withdrawal is in the release queue.
func PendingWithdrawalsInvariant(k Keeper) func(ctx sdk.Context) (string, bool) {
	return func(ctx sdk.Context) (string, bool) {
		var msg string
		err := k.Credits.Walk(ctx, nil, func(user sdk.AccAddress, c types.Credit) (bool, error) {
			ws, err := k.pendingWithdrawals(ctx, user)
			if err != nil {
				return true, err
			}
			sum := math.ZeroInt()
			for _, w := range ws {
				sum = sum.Add(w.Amount)
				queued, err := k.WithdrawalQueue.Has(ctx, QueueKeyOf(user, w))
				if err != nil {
					return true, err
				}
				if !queued {
					msg = fmt.Sprintf("withdrawal %d of %s is not queued", w.Id, c.User)
					return true, nil
				}
			}
			if !sum.Equal(c.PendingWithdrawal) {
				msg = fmt.Sprintf("credit of %s: pending %s, withdrawals sum to %s", c.User, c.PendingWithdrawal, sum)
				return true, nil
			}
			return false, nil
		})
		if err != nil {
			return fmt.Sprintf("%s: walking credits: %v", types.ModuleName, err), true
		}
		if msg != "" {
			return fmt.Sprintf("%s: pending withdrawals broken: %s", types.ModuleName, msg), true
		}
		return "", false
	}
}
