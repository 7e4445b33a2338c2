package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	"github.com/openledger/openledger/x/agentstake/types"
)

// AddStake bonds more of the owner's coins. An INACTIVE agent whose bond
// reaches its kind's minimum again becomes ACTIVE; a jailed agent stays
// jailed; a tombstoned agent takes no stake.
func (k msgServer) AddStake(ctx context.Context, msg *types.MsgAddStake) (*types.MsgAddStakeResponse, error) {
	op, agent, err := k.ownedAgent(ctx, msg.Owner, msg.Operator)
	if err != nil {
		return nil, err
	}
	if err := types.ValidateAmount("amount", msg.Amount); err != nil {
		return nil, err
	}
	if agent.Status == types.AGENT_STATUS_TOMBSTONED {
		return nil, errorsmod.Wrapf(types.ErrAgentTombstoned, "operator %s", agent.Operator)
	}
	_, minStake, err := k.minStake(ctx, agent.Kind)
	if err != nil {
		return nil, err
	}
	ownerAddr, _, err := types.ParseAddress(k.AddressCodec(), "owner", agent.Owner)
	if err != nil {
		return nil, err
	}
	if err := k.bankKeeper.SendCoinsFromAccountToModule(ctx, ownerAddr, types.ModuleName, coins(msg.Amount)); err != nil {
		return nil, errorsmod.Wrapf(err, "bonding %s", msg.Amount)
	}
	before := agent
	agent.Bonded = agent.Bonded.Add(msg.Amount)
	if agent.Status == types.AGENT_STATUS_INACTIVE && agent.Bonded.GTE(minStake) {
		agent.Status = types.AGENT_STATUS_ACTIVE
	}
	if err := k.saveAgent(ctx, op, &before, agent); err != nil {
		return nil, err
	}
	if err := k.Emit(ctx, &types.EventStakeAdded{Operator: agent.Operator, Amount: msg.Amount, Bonded: agent.Bonded}); err != nil {
		return nil, err
	}
	return &types.MsgAddStakeResponse{}, nil
}
