package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/agentstake/types"
	"github.com/openledger/openledger/x/internal/modulekit"
)

// BeginUnbonding moves stake from the bond into an unbonding entry that
// completes at block time + unbonding_period (EndBlock pays it to the
// owner). The entry stays slashable for faults committed before it was
// created. An ACTIVE agent whose bond falls below its kind's minimum leaves
// the active set (INACTIVE). Any status may unbond, tombstoned included.
func (k msgServer) BeginUnbonding(ctx context.Context, msg *types.MsgBeginUnbonding) (*types.MsgBeginUnbondingResponse, error) {
	op, agent, err := k.ownedAgent(ctx, msg.Owner, msg.Operator)
	if err != nil {
		return nil, err
	}
	if err := types.ValidateAmount("amount", msg.Amount); err != nil {
		return nil, err
	}
	if msg.Amount.GT(agent.Bonded) {
		return nil, errorsmod.Wrapf(types.ErrUnbondMoreThanBonded, "unbonding %s of a bond of %s", msg.Amount, agent.Bonded)
	}
	params, minStake, err := k.minStake(ctx, agent.Kind)
	if err != nil {
		return nil, err
	}
	n, err := k.countUnbonding(ctx, op)
	if err != nil {
		return nil, err
	}
	if n >= uint64(params.MaxUnbondingEntries) {
		return nil, errorsmod.Wrapf(types.ErrTooManyUnbonding, "agent %s has %d unbonding entries, at most %d", agent.Operator, n, params.MaxUnbondingEntries)
	}

	id, err := modulekit.NextID(ctx, k.NextUnbondingID)
	if err != nil {
		return nil, err
	}
	entry := types.UnbondingEntry{
		Operator: agent.Operator, Id: id, Owner: agent.Owner,
		InitialAmount: msg.Amount, Amount: msg.Amount,
		CreationHeight: k.Height(ctx), CompletionTime: k.BlockTime(ctx).Add(params.UnbondingPeriod),
	}
	if err := k.UnbondingEntries.Set(ctx, collections.Join(op, id), entry); err != nil {
		return nil, err
	}
	if err := k.UnbondingQueue.Set(ctx, collections.Join3(entry.CompletionTime.UnixNano(), op, id)); err != nil {
		return nil, err
	}
	if err := addInt(ctx, k.TotalUnbonding, msg.Amount); err != nil {
		return nil, err
	}
	before := agent
	agent.Bonded = agent.Bonded.Sub(msg.Amount)
	if agent.Status == types.AGENT_STATUS_ACTIVE && agent.Bonded.LT(minStake) {
		agent.Status = types.AGENT_STATUS_INACTIVE
	}
	if err := k.saveAgent(ctx, op, &before, agent); err != nil {
		return nil, err
	}
	if err := k.Emit(ctx, &types.EventUnbondingStarted{
		Operator: agent.Operator, EntryId: id, Amount: msg.Amount, CompletionTime: entry.CompletionTime,
	}); err != nil {
		return nil, err
	}
	return &types.MsgBeginUnbondingResponse{Entry: entry}, nil
}

// countUnbonding counts an agent's unbonding entries (at most
// max_unbonding_entries, so the walk is short).
func (k Keeper) countUnbonding(ctx context.Context, op sdk.AccAddress) (uint64, error) {
	var n uint64
	err := k.UnbondingEntries.Walk(ctx, collections.NewPrefixedPairRange[sdk.AccAddress, uint64](op),
		func(collections.Pair[sdk.AccAddress, uint64], types.UnbondingEntry) (bool, error) {
			n++
			return false, nil
		})
	return n, err
}
