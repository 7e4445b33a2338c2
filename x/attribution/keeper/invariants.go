package keeper

import (
	"context"
	"fmt"
	"time"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/attribution/types"
)

// AllInvariants checks every invariant of the module. They are plain
// functions: the SDK no longer has an invariant registry.
func AllInvariants(k Keeper) func(ctx sdk.Context) (string, bool) {
	return func(ctx sdk.Context) (string, bool) {
		for _, inv := range []func(sdk.Context) (string, bool){
			FundsInvariant(k), PendingInvariant(k), QueuesInvariant(k),
		} {
			if msg, broken := inv(ctx); broken {
				return msg, true
			}
		}
		return "", false
	}
}

func broken(format string, args ...any) (string, bool) {
	return fmt.Sprintf("%s: %s", types.ModuleName, fmt.Sprintf(format, args...)), true
}

// FundsInvariant: the module account holds exactly the data rewards of the
// PENDING and CHALLENGED records, plus every claimable reward, plus the
// bonds of the OPEN challenges.
func FundsInvariant(k Keeper) func(ctx sdk.Context) (string, bool) {
	return func(ctx sdk.Context) (string, bool) {
		want := math.ZeroInt()
		err := k.Records.Walk(ctx, nil, func(_ uint64, r types.AttributionRecord) (bool, error) {
			if r.Status == types.RECORD_STATUS_PENDING || r.Status == types.RECORD_STATUS_CHALLENGED {
				want = want.Add(r.DataReward.Amount)
			}
			return false, nil
		})
		if err == nil {
			err = k.Claimable.Walk(ctx, nil, func(_ sdk.AccAddress, amt math.Int) (bool, error) {
				want = want.Add(amt)
				return false, nil
			})
		}
		if err == nil {
			err = k.Challenges.Walk(ctx, nil, func(_ uint64, c types.Challenge) (bool, error) {
				if c.Status == types.CHALLENGE_STATUS_OPEN {
					want = want.Add(c.Bond.Amount)
				}
				return false, nil
			})
		}
		if err != nil {
			return broken("funds invariant: %v", err)
		}
		got := k.bankKeeper.GetBalance(ctx, k.ModuleAddress(), types.RewardDenom).Amount
		if !got.Equal(want) {
			return broken("funds invariant broken: module account holds %s%s, records, claims and bonds need %s%s",
				got, types.RewardDenom, want, types.RewardDenom)
		}
		return "", false
	}
}

// PendingInvariant: every address's pending total is the sum of its payouts
// in PENDING and CHALLENGED records.
func PendingInvariant(k Keeper) func(ctx sdk.Context) (string, bool) {
	return func(ctx sdk.Context) (string, bool) {
		want := newAddrSums(k.AddressCodec())
		err := k.Records.Walk(ctx, nil, func(_ uint64, r types.AttributionRecord) (bool, error) {
			if r.Status == types.RECORD_STATUS_PENDING || r.Status == types.RECORD_STATUS_CHALLENGED {
				return false, k.addPayouts(want, r.Payouts)
			}
			return false, nil
		})
		if err != nil {
			return broken("pending invariant: %v", err)
		}
		var msg string
		n := 0
		err = k.Pending.Walk(ctx, nil, func(addr sdk.AccAddress, amt math.Int) (bool, error) {
			n++
			str, err := k.AddressCodec().BytesToString(addr)
			if err != nil {
				return true, err
			}
			w, ok := want.get(str)
			if !ok || !w.Equal(amt) || !amt.IsPositive() {
				msg = fmt.Sprintf("pending of %s is %s, its payouts sum to %v", addr, amt, w)
				return true, nil
			}
			return false, nil
		})
		if err != nil {
			return broken("pending invariant: %v", err)
		}
		if msg == "" && n != len(want.keys) {
			msg = fmt.Sprintf("%d addresses have pending totals, %d have pending payouts", n, len(want.keys))
		}
		if msg != "" {
			return broken("pending invariant broken: %s", msg)
		}
		return "", false
	}
}

// QueuesInvariant: the record queue holds exactly the PENDING records (at
// their deadline) and the challenge queue exactly the OPEN challenges.
func QueuesInvariant(k Keeper) func(ctx sdk.Context) (string, bool) {
	return func(ctx sdk.Context) (string, bool) {
		pending, msg, err := queuedExactly(ctx, k.Records.Walk, k.RecordQueue, "record",
			func(r types.AttributionRecord) (time.Time, bool, fmt.Stringer) {
				return r.ChallengeDeadline, r.Status == types.RECORD_STATUS_PENDING, r.Status
			})
		open := 0
		if err == nil && msg == "" {
			open, msg, err = queuedExactly(ctx, k.Challenges.Walk, k.ChallengeQueue, "challenge",
				func(c types.Challenge) (time.Time, bool, fmt.Stringer) {
					return c.VotingDeadline, c.Status == types.CHALLENGE_STATUS_OPEN, c.Status
				})
		}
		if err != nil {
			return broken("queues invariant: %v", err)
		}
		if msg == "" {
			nr, err1 := countKeys(ctx, k.RecordQueue)
			nc, err2 := countKeys(ctx, k.ChallengeQueue)
			if err1 != nil || err2 != nil {
				return broken("queues invariant: %v %v", err1, err2)
			}
			if nr != pending || nc != open {
				msg = fmt.Sprintf("queues hold %d records and %d challenges, state has %d pending and %d open", nr, nc, pending, open)
			}
		}
		if msg != "" {
			return broken("queues invariant broken: %s", msg)
		}
		return "", false
	}
}

// queuedExactly walks a map of items and checks that each is in queue (at
// its deadline) exactly when it should be; it returns how many are, or
// what is wrong.
func queuedExactly[V any](ctx sdk.Context,
	walk func(context.Context, collections.Ranger[uint64], func(uint64, V) (bool, error)) error,
	queue collections.KeySet[collections.Pair[int64, uint64]], kind string,
	queueing func(V) (deadline time.Time, queued bool, status fmt.Stringer),
) (int, string, error) {
	n := 0
	var msg string
	err := walk(ctx, nil, func(id uint64, v V) (bool, error) {
		deadline, want, status := queueing(v)
		has, err := queue.Has(ctx, deadlineKey(deadline, id))
		if err != nil {
			return true, err
		}
		if has != want {
			msg = fmt.Sprintf("%s %d is %s and queued=%t", kind, id, status, has)
			return true, nil
		}
		if has {
			n++
		}
		return false, nil
	})
	return n, msg, err
}

func countKeys(ctx sdk.Context, ks collections.KeySet[collections.Pair[int64, uint64]]) (int, error) {
	n := 0
	err := ks.Walk(ctx, nil, func(collections.Pair[int64, uint64]) (bool, error) {
		n++
		return false, nil
	})
	return n, err
}
