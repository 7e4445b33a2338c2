package keeper

import (
	"context"

	"github.com/cosmos/gogoproto/proto"

	"github.com/openledger/openledger/x/modelreg/types"
)

// UpdateModel replaces the name, architecture, eval metrics, license and
// price of a model the signer owns. A revoked model cannot change.
func (k msgServer) UpdateModel(ctx context.Context, msg *types.MsgUpdateModel) (*types.MsgUpdateModelResponse, error) {
	if err := k.changeModel(ctx, msg.Owner, msg.ModelId, func(m *types.Model) (proto.Message, error) {
		params, err := k.Params.Get(ctx)
		if err != nil {
			return nil, err
		}
		if err := types.ValidateMetadata(msg.Name, msg.Architecture, msg.License, msg.EvalMetrics, msg.Price, params.MaxPrice); err != nil {
			return nil, err
		}
		m.Name, m.Architecture, m.EvalMetrics, m.License, m.Price = msg.Name, msg.Architecture, msg.EvalMetrics, msg.License, msg.Price
		return &types.EventModelUpdated{ModelId: m.Id}, nil
	}); err != nil {
		return nil, err
	}
	return &types.MsgUpdateModelResponse{}, nil
}
