package keeper

import (
	"context"

	"github.com/cosmos/gogoproto/proto"

	errorsmod "cosmossdk.io/errors"

	"github.com/openledger/openledger/x/modelreg/types"
)

// DeprecateModel marks an active model the signer owns as deprecated.
func (k msgServer) DeprecateModel(ctx context.Context, msg *types.MsgDeprecateModel) (*types.MsgDeprecateModelResponse, error) {
	if err := k.changeModel(ctx, msg.Owner, msg.ModelId, func(m *types.Model) (proto.Message, error) {
		if m.Status != types.MODEL_STATUS_ACTIVE {
			return nil, errorsmod.Wrapf(types.ErrModelNotActive, "model %d is %s", m.Id, m.Status)
		}
		m.Status = types.MODEL_STATUS_DEPRECATED
		return &types.EventModelDeprecated{ModelId: m.Id}, nil
	}); err != nil {
		return nil, err
	}
	return &types.MsgDeprecateModelResponse{}, nil
}
