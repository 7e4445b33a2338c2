package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	"github.com/openledger/openledger/x/agentstake/types"
)

// Unjail returns a jailed agent to the active set once its jail time is
// over, if its bond is at least its kind's minimum. A tombstoned agent
// never returns.
func (k msgServer) Unjail(ctx context.Context, msg *types.MsgUnjail) (*types.MsgUnjailResponse, error) {
	op, agent, err := k.ownedAgent(ctx, msg.Owner, msg.Operator)
	if err != nil {
		return nil, err
	}
	switch agent.Status {
	case types.AGENT_STATUS_TOMBSTONED:
		return nil, errorsmod.Wrapf(types.ErrAgentTombstoned, "operator %s", agent.Operator)
	case types.AGENT_STATUS_JAILED:
	default:
		return nil, errorsmod.Wrapf(types.ErrNotJailed, "operator %s is %s", agent.Operator, agent.Status)
	}
	if now := k.BlockTime(ctx); now.Before(agent.JailedUntil) {
		return nil, errorsmod.Wrapf(types.ErrStillJailed, "operator %s is jailed until %s (now %s)", agent.Operator, agent.JailedUntil, now)
	}
	_, minStake, err := k.minStake(ctx, agent.Kind)
	if err != nil {
		return nil, err
	}
	if agent.Bonded.LT(minStake) {
		return nil, errorsmod.Wrapf(types.ErrBelowMinStake, "bond %s is below the %s minimum %s: add stake first", agent.Bonded, agent.Kind, minStake)
	}
	before := agent
	agent.Status = types.AGENT_STATUS_ACTIVE
	if err := k.saveAgent(ctx, op, &before, agent); err != nil {
		return nil, err
	}
	return &types.MsgUnjailResponse{}, nil
}
