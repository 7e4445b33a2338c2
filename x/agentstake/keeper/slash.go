package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/agentstake/types"
	"github.com/openledger/openledger/x/internal/modulekit"
)

// Slash takes a reason's fraction (params) of an agent's bond and of every
// unbonding entry created at or after infractionHeight (0: every entry),
// pays challenger (nil: none) challenger_reward_bps of the total and burns
// the rest, jails the agent (tombstones it for equivocation), appends a
// slash record and emits EventAgentSlashed. It returns the total slashed. A
// tombstoned agent cannot be slashed again. Every check runs before the
// first write.
func (k Keeper) Slash(ctx context.Context, operator sdk.AccAddress, reason types.SlashReason, evidenceRef string,
	challenger sdk.AccAddress, infractionHeight int64,
) (math.Int, error) {
	if err := types.ValidateSlashReason(reason); err != nil {
		return math.Int{}, err
	}
	if err := types.ValidateEvidenceRef(evidenceRef); err != nil {
		return math.Int{}, err
	}
	height := k.Height(ctx)
	if infractionHeight < 0 || infractionHeight > height {
		return math.Int{}, errorsmod.Wrapf(types.ErrInvalidInfractionHeight, "%d (current height %d)", infractionHeight, height)
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return math.Int{}, err
	}
	bps, err := params.SlashBPS(reason)
	if err != nil {
		return math.Int{}, err
	}
	agent, err := k.GetAgent(ctx, operator)
	if err != nil {
		return math.Int{}, err
	}
	if agent.Status == types.AGENT_STATUS_TOMBSTONED {
		return math.Int{}, errorsmod.Wrapf(types.ErrAgentTombstoned, "operator %s", agent.Operator)
	}

	fraction := func(v math.Int) math.Int { return v.MulRaw(int64(bps)).QuoRaw(types.BPSTotal) }

	// Unbonding entries created at or after the infraction.
	type cut struct {
		key   collections.Pair[sdk.AccAddress, uint64]
		entry types.UnbondingEntry
		take  math.Int
	}
	var cuts []cut
	slashedUnbonding := math.ZeroInt()
	err = k.UnbondingEntries.Walk(ctx, collections.NewPrefixedPairRange[sdk.AccAddress, uint64](operator),
		func(key collections.Pair[sdk.AccAddress, uint64], e types.UnbondingEntry) (bool, error) {
			if e.CreationHeight < infractionHeight {
				return false, nil
			}
			if take := fraction(e.Amount); take.IsPositive() {
				cuts = append(cuts, cut{key: key, entry: e, take: take})
				slashedUnbonding = slashedUnbonding.Add(take)
			}
			return false, nil
		})
	if err != nil {
		return math.Int{}, err
	}
	slashedBonded := fraction(agent.Bonded)
	total := slashedBonded.Add(slashedUnbonding)
	reward := math.ZeroInt()
	challengerStr := ""
	if challenger != nil && !k.bankKeeper.BlockedAddr(challenger) {
		reward = total.MulRaw(int64(params.ChallengerRewardBps)).QuoRaw(types.BPSTotal)
		if challengerStr, err = k.AddressCodec().BytesToString(challenger); err != nil {
			return math.Int{}, errorsmod.Wrapf(types.ErrInvalidAddress, "challenger: %v", err)
		}
	}
	burned := total.Sub(reward)

	// Writes.
	for _, c := range cuts {
		c.entry.Amount = c.entry.Amount.Sub(c.take)
		if c.entry.Amount.IsZero() {
			if err := k.removeUnbondingEntry(ctx, c.entry, c.key); err != nil {
				return math.Int{}, err
			}
			continue
		}
		if err := k.UnbondingEntries.Set(ctx, c.key, c.entry); err != nil {
			return math.Int{}, err
		}
	}
	if err := addInt(ctx, k.TotalUnbonding, slashedUnbonding.Neg()); err != nil {
		return math.Int{}, err
	}
	if reward.IsPositive() {
		if err := k.bankKeeper.SendCoinsFromModuleToAccount(ctx, types.ModuleName, challenger, coins(reward)); err != nil {
			return math.Int{}, errorsmod.Wrapf(err, "paying the challenger reward %s", reward)
		}
	}
	if burned.IsPositive() {
		if err := k.bankKeeper.BurnCoins(ctx, types.ModuleName, coins(burned)); err != nil {
			return math.Int{}, errorsmod.Wrapf(err, "burning slashed stake %s", burned)
		}
	}

	before := agent
	agent.Bonded = agent.Bonded.Sub(slashedBonded)
	if reason == types.SLASH_REASON_EQUIVOCATION {
		agent.Status = types.AGENT_STATUS_TOMBSTONED
	} else {
		agent.Status = types.AGENT_STATUS_JAILED
	}
	if until := k.BlockTime(ctx).Add(params.JailDuration); until.After(agent.JailedUntil) {
		agent.JailedUntil = until
	}
	if err := k.saveAgent(ctx, operator, &before, agent); err != nil {
		return math.Int{}, err
	}

	id, err := modulekit.NextID(ctx, k.NextSlashID)
	if err != nil {
		return math.Int{}, err
	}
	record := types.SlashRecord{
		Operator: agent.Operator, Id: id, Reason: reason, EvidenceRef: evidenceRef,
		InfractionHeight: infractionHeight, Height: height, FractionBps: bps,
		SlashedBonded: slashedBonded, SlashedUnbonding: slashedUnbonding,
		Challenger: challengerStr, ChallengerReward: reward, Burned: burned,
	}
	if err := k.SlashRecords.Set(ctx, collections.Join(operator, id), record); err != nil {
		return math.Int{}, err
	}
	if err := k.Emit(ctx, &types.EventAgentSlashed{Record: record}); err != nil {
		return math.Int{}, err
	}
	return total, nil
}

// removeUnbondingEntry deletes an entry and its queue key (not the totals).
func (k Keeper) removeUnbondingEntry(ctx context.Context, e types.UnbondingEntry, key collections.Pair[sdk.AccAddress, uint64]) error {
	if err := k.UnbondingEntries.Remove(ctx, key); err != nil {
		return err
	}
	return k.UnbondingQueue.Remove(ctx, collections.Join3(e.CompletionTime.UnixNano(), key.K1(), key.K2()))
}

// SlashForAttribution slashes a serving node for an upheld attribution
// challenge (reason SLASH_REASON_ATTRIBUTION_FRAUD), pays the challenger
// share to challenger, burns the rest and jails the node; infractionHeight
// is the height the fraudulent record was made (unbonding entries created at
// or after it are slashed too). It returns the total slashed.
func (k Keeper) SlashForAttribution(ctx context.Context, operator sdk.AccAddress, evidenceRef string, challenger sdk.AccAddress, infractionHeight int64) (math.Int, error) {
	return k.Slash(ctx, operator, types.SLASH_REASON_ATTRIBUTION_FRAUD, evidenceRef, challenger, infractionHeight)
}

// activeAgentOfKind loads an agent that is ACTIVE and of the given kind.
func (k Keeper) activeAgentOfKind(ctx context.Context, operator sdk.AccAddress, kind types.AgentKind) (types.Agent, error) {
	a, err := k.GetAgent(ctx, operator)
	if err != nil {
		return a, err
	}
	if a.Kind != kind {
		return a, errorsmod.Wrapf(types.ErrWrongAgentKind, "operator %s is a %s, not a %s", a.Operator, a.Kind, kind)
	}
	if a.Status != types.AGENT_STATUS_ACTIVE {
		return a, errorsmod.Wrapf(types.ErrAgentNotActive, "operator %s is %s", a.Operator, a.Status)
	}
	return a, nil
}

// CheckActiveServingNode returns nil when operator is a registered serving
// node with status ACTIVE (not jailed, unbonded out or tombstoned) that lists
// modelID among the models it serves; otherwise a wrapped ErrAgentNotFound,
// ErrWrongAgentKind, ErrAgentNotActive or ErrModelNotServed.
func (k Keeper) CheckActiveServingNode(ctx context.Context, operator sdk.AccAddress, modelID uint64) error {
	a, err := k.activeAgentOfKind(ctx, operator, types.AGENT_KIND_SERVING_NODE)
	if err != nil {
		return err
	}
	for _, id := range a.ModelIds {
		if id == modelID {
			return nil
		}
	}
	return errorsmod.Wrapf(types.ErrModelNotServed, "serving node %s does not serve model %d", a.Operator, modelID)
}

// AttestorStake is the bonded stake of an ACTIVE attestor (errors as
// CheckActiveServingNode's).
func (k Keeper) AttestorStake(ctx context.Context, operator sdk.AccAddress) (math.Int, error) {
	a, err := k.activeAgentOfKind(ctx, operator, types.AGENT_KIND_ATTESTOR)
	if err != nil {
		return math.Int{}, err
	}
	return a.Bonded, nil
}

// TotalAttestorStake is the bonded stake of all ACTIVE attestors, a
// maintained total (O(1)).
func (k Keeper) TotalAttestorStake(ctx context.Context) (math.Int, error) {
	return k.activeStake(ctx, types.AGENT_KIND_ATTESTOR)
}
