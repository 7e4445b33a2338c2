package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	"github.com/openledger/openledger/x/agentstake/types"
)

// UpdateAgent replaces the models, endpoint and metadata URI of an agent the
// signer owns. Every listed model must exist and be active now.
func (k msgServer) UpdateAgent(ctx context.Context, msg *types.MsgUpdateAgent) (*types.MsgUpdateAgentResponse, error) {
	op, agent, err := k.ownedAgent(ctx, msg.Owner, msg.Operator)
	if err != nil {
		return nil, err
	}
	if agent.Status == types.AGENT_STATUS_TOMBSTONED {
		return nil, errorsmod.Wrapf(types.ErrAgentTombstoned, "operator %s", agent.Operator)
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	if err := k.checkProfile(ctx, params, agent.Kind, msg.ModelIds, msg.Endpoint, msg.MetadataUri); err != nil {
		return nil, err
	}
	before := agent
	agent.ModelIds = msg.ModelIds
	agent.Endpoint = msg.Endpoint
	agent.MetadataUri = msg.MetadataUri
	if err := k.saveAgent(ctx, op, &before, agent); err != nil {
		return nil, err
	}
	if err := k.Emit(ctx, &types.EventAgentUpdated{Operator: agent.Operator}); err != nil {
		return nil, err
	}
	return &types.MsgUpdateAgentResponse{}, nil
}
