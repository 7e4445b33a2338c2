package keeper

import (
	"bytes"
	"fmt"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/datanet/types"
)

// SDK v0.54 has no x/crisis, so invariants are plain functions: tests and
// tools call them, and an app may run them wherever it likes (for example in
// a simulation or an upgrade handler).

// AllInvariants runs every invariant of the module.
func AllInvariants(k Keeper) func(ctx sdk.Context) (string, bool) {
	return func(ctx sdk.Context) (string, bool) {
		for _, inv := range []func(sdk.Context) (string, bool){ConservationInvariant(k), MerkleInvariant(k)} {
			if msg, broken := inv(ctx); broken {
				return msg, true
			}
		}
		return "", false
	}
}

// ConservationInvariant checks that the module account holds exactly the
// deposits of the pending contributions: fees leave it in the transaction
// that pays them, deposits leave it when their contribution is resolved.
func ConservationInvariant(k Keeper) func(ctx sdk.Context) (string, bool) {
	return func(ctx sdk.Context) (string, bool) {
		pending := sdk.NewCoins()
		err := k.Contributions.Walk(ctx, nil, func(_ uint64, c types.Contribution) (bool, error) {
			if c.Status == types.CONTRIBUTION_STATUS_PENDING {
				pending = pending.Add(c.Deposit)
			}
			return false, nil
		})
		if err != nil {
			return invariantMessage("conservation", fmt.Sprintf("reading contributions: %v", err)), true
		}
		held := k.bankKeeper.GetAllBalances(ctx, k.ModuleAddress())
		if !held.Equal(pending) {
			return invariantMessage("conservation",
				fmt.Sprintf("module account holds %s, pending deposits are %s", held, pending)), true
		}
		return invariantMessage("conservation", fmt.Sprintf("module account holds the pending deposits %s", pending)), false
	}
}

// MerkleInvariant checks, for every Datanet, that the accepted order has no
// gaps, that its frontier covers every accepted contribution, and that the
// current version's root is the frontier's root.
func MerkleInvariant(k Keeper) func(ctx sdk.Context) (string, bool) {
	return func(ctx sdk.Context) (string, bool) {
		var problem string
		err := k.Datanets.Walk(ctx, nil, func(id uint64, d types.Datanet) (bool, error) {
			frontier, err := k.loadFrontier(ctx, id)
			if err != nil {
				return true, err
			}
			count := uint64(0)
			err = k.AcceptedOrder.Walk(ctx, collections.NewPrefixedPairRange[uint64, uint64](id),
				func(key collections.Pair[uint64, uint64], _ uint64) (bool, error) {
					if key.K2() != count {
						problem = fmt.Sprintf("datanet %d: leaf %d missing from the accepted order", id, count)
						return true, nil
					}
					count++
					return false, nil
				})
			if err != nil || problem != "" {
				return true, err
			}
			if count != frontier.Count() {
				problem = fmt.Sprintf("datanet %d: %d accepted, frontier covers %d", id, count, frontier.Count())
				return true, nil
			}
			if d.CurrentVersion == 0 {
				if count != 0 {
					problem = fmt.Sprintf("datanet %d: %d accepted but no version", id, count)
				}
				return problem != "", nil
			}
			v, err := k.GetVersion(ctx, id, d.CurrentVersion)
			if err != nil {
				return true, err
			}
			root := frontier.Root()
			if v.LeafCount != count || !bytes.Equal(v.Root, root[:]) {
				problem = fmt.Sprintf("datanet %d version %d: root %X over %d leaves, frontier gives %s over %d",
					id, v.Version, v.Root, v.LeafCount, root, count)
				return true, nil
			}
			return false, nil
		})
		if err != nil {
			return invariantMessage("merkle", err.Error()), true
		}
		if problem != "" {
			return invariantMessage("merkle", problem), true
		}
		return invariantMessage("merkle", "every current version root matches its Datanet's accepted contributions"), false
	}
}

// invariantMessage formats an invariant's message the way the SDK's
// deprecated FormatInvariant does.
func invariantMessage(name, msg string) string {
	return fmt.Sprintf("%s: %s invariant\n%s\n", types.ModuleName, name, msg)
}
