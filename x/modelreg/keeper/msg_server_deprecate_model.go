package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	"github.com/openledger/openledger/x/modelreg/types"
)

// DeprecateModel marks an active model the signer owns as deprecated.
func (k msgServer) DeprecateModel(ctx context.Context, msg *types.MsgDeprecateModel) (*types.MsgDeprecateModelResponse, error) {
	m, err := k.ownedModel(ctx, msg.Owner, msg.ModelId)
	if err != nil {
		return nil, err
	}
	if m.Status != types.MODEL_STATUS_ACTIVE {
		return nil, errorsmod.Wrapf(types.ErrModelNotActive, "model %d is %s", m.Id, m.Status)
	}
	m.Status = types.MODEL_STATUS_DEPRECATED
	if err := k.saveModel(ctx, m, &types.EventModelDeprecated{ModelId: m.Id}); err != nil {
		return nil, err
	}
	return &types.MsgDeprecateModelResponse{}, nil
}
