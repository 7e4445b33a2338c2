package keeper

import (
	"fmt"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/agentstake/types"
)

// allKinds lists the agent kinds in enum order.
var allKinds = []types.AgentKind{types.AGENT_KIND_SERVING_NODE, types.AGENT_KIND_AUTONOMOUS_AGENT, types.AGENT_KIND_ATTESTOR}

// sums recomputes every total from the agents and the entries.
type sums struct {
	bonded, unbonding math.Int
	active            map[types.AgentKind]math.Int // look-ups only
	queueKeys         uint64
	entries           uint64
}

func (k Keeper) recompute(ctx sdk.Context) (sums, string) {
	s := sums{bonded: math.ZeroInt(), unbonding: math.ZeroInt(), active: map[types.AgentKind]math.Int{}}
	for _, kind := range allKinds {
		s.active[kind] = math.ZeroInt()
	}
	err := k.Agents.Walk(ctx, nil, func(_ sdk.AccAddress, a types.Agent) (bool, error) {
		s.bonded = s.bonded.Add(a.Bonded)
		if a.Status == types.AGENT_STATUS_ACTIVE {
			s.active[a.Kind] = s.active[a.Kind].Add(a.Bonded)
		}
		return false, nil
	})
	if err != nil {
		return s, fmt.Sprintf("walking agents: %v", err)
	}
	var missing string
	err = k.UnbondingEntries.Walk(ctx, nil, func(key collections.Pair[sdk.AccAddress, uint64], e types.UnbondingEntry) (bool, error) {
		s.unbonding = s.unbonding.Add(e.Amount)
		s.entries++
		has, err := k.UnbondingQueue.Has(ctx, collections.Join3(e.CompletionTime.UnixNano(), key.K1(), key.K2()))
		if err != nil {
			return true, err
		}
		if !has {
			missing = fmt.Sprintf("unbonding entry %d is not in the queue", e.Id)
			return true, nil
		}
		return false, nil
	})
	if err != nil {
		return s, fmt.Sprintf("walking unbonding entries: %v", err)
	}
	if missing != "" {
		return s, missing
	}
	err = k.UnbondingQueue.Walk(ctx, nil, func(collections.Triple[int64, sdk.AccAddress, uint64]) (bool, error) {
		s.queueKeys++
		return false, nil
	})
	if err != nil {
		return s, fmt.Sprintf("walking the unbonding queue: %v", err)
	}
	return s, ""
}

// HoldingsInvariant checks that the module account holds exactly the bond
// of every agent plus every unbonding entry, that the maintained totals
// equal the recomputed sums, and that the queue and the entries match.
func HoldingsInvariant(k Keeper) func(ctx sdk.Context) (string, bool) {
	return func(ctx sdk.Context) (string, bool) {
		s, problem := k.recompute(ctx)
		if problem != "" {
			return fmt.Sprintf("%s: holdings invariant broken: %s", types.ModuleName, problem), true
		}
		if s.queueKeys != s.entries {
			return fmt.Sprintf("%s: holdings invariant broken: %d queue keys for %d unbonding entries", types.ModuleName, s.queueKeys, s.entries), true
		}
		bonded, err1 := getInt(ctx, k.TotalBonded)
		unbonding, err2 := getInt(ctx, k.TotalUnbonding)
		if err1 != nil || err2 != nil {
			return fmt.Sprintf("%s: reading totals: %v %v", types.ModuleName, err1, err2), true
		}
		if !bonded.Equal(s.bonded) || !unbonding.Equal(s.unbonding) {
			return fmt.Sprintf("%s: holdings invariant broken: stored totals bonded %s unbonding %s, recomputed %s and %s",
				types.ModuleName, bonded, unbonding, s.bonded, s.unbonding), true
		}
		balance := k.bankKeeper.GetBalance(ctx, k.ModuleAddress(), types.BondDenom).Amount
		if want := s.bonded.Add(s.unbonding); !balance.Equal(want) {
			return fmt.Sprintf("%s: holdings invariant broken: module account holds %s%s, bonded %s + unbonding %s = %s",
				types.ModuleName, balance, types.BondDenom, s.bonded, s.unbonding, want), true
		}
		return "", false
	}
}

// ActiveStakeInvariant checks that each kind's maintained active stake
// equals the sum of the bonds of its ACTIVE agents.
func ActiveStakeInvariant(k Keeper) func(ctx sdk.Context) (string, bool) {
	return func(ctx sdk.Context) (string, bool) {
		s, problem := k.recompute(ctx)
		if problem != "" {
			return fmt.Sprintf("%s: active stake invariant broken: %s", types.ModuleName, problem), true
		}
		for _, kind := range allKinds {
			stored, err := k.activeStake(ctx, kind)
			if err != nil {
				return fmt.Sprintf("%s: reading active stake: %v", types.ModuleName, err), true
			}
			if !stored.Equal(s.active[kind]) {
				return fmt.Sprintf("%s: active stake invariant broken: %s stored %s, recomputed %s", types.ModuleName, kind, stored, s.active[kind]), true
			}
		}
		return "", false
	}
}

// AllInvariants checks every invariant of the module. It is a plain
// function: the SDK no longer has an invariant registry.
func AllInvariants(k Keeper) func(ctx sdk.Context) (string, bool) {
	return func(ctx sdk.Context) (string, bool) {
		for _, inv := range []func(sdk.Context) (string, bool){HoldingsInvariant(k), ActiveStakeInvariant(k)} {
			if msg, broken := inv(ctx); broken {
				return msg, true
			}
		}
		return "", false
	}
}
