package keeper

import (
	"context"

	"github.com/openledger/openledger/x/modelreg/types"
)

// UpdateModel replaces the name, architecture, eval metrics, license and
// price of a model the signer owns. A revoked model cannot change.
func (k msgServer) UpdateModel(ctx context.Context, msg *types.MsgUpdateModel) (*types.MsgUpdateModelResponse, error) {
	m, err := k.ownedModel(ctx, msg.Owner, msg.ModelId)
	if err != nil {
		return nil, err
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	if err := types.ValidateMetadata(msg.Name, msg.Architecture, msg.License, msg.EvalMetrics, msg.Price, params.MaxPrice); err != nil {
		return nil, err
	}
	m.Name = msg.Name
	m.Architecture = msg.Architecture
	m.EvalMetrics = msg.EvalMetrics
	m.License = msg.License
	m.Price = msg.Price
	if err := k.saveModel(ctx, m, &types.EventModelUpdated{ModelId: m.Id}); err != nil {
		return nil, err
	}
	return &types.MsgUpdateModelResponse{}, nil
}
