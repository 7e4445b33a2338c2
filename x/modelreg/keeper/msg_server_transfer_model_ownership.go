package keeper

import (
	"context"
	"fmt"

	"github.com/cosmos/gogoproto/proto"

	"github.com/openledger/openledger/x/internal/modulekit"
	"github.com/openledger/openledger/x/modelreg/types"
)

// TransferModelOwnership hands a model that is not revoked to a new owner.
func (k msgServer) TransferModelOwnership(ctx context.Context, msg *types.MsgTransferModelOwnership) (*types.MsgTransferModelOwnershipResponse, error) {
	if err := k.changeModel(ctx, msg.Owner, msg.ModelId, func(m *types.Model) (proto.Message, error) {
		newOwner, err := modulekit.NewOwner(k.AddressCodec(), types.ErrInvalidAddress, types.ErrInvalidNewOwner,
			fmt.Sprintf("model %d", m.Id), m.Owner, msg.NewOwner)
		if err != nil {
			return nil, err
		}
		previous := m.Owner
		m.Owner = newOwner
		return &types.EventModelOwnershipTransferred{ModelId: m.Id, PreviousOwner: previous, NewOwner: newOwner}, nil
	}); err != nil {
		return nil, err
	}
	return &types.MsgTransferModelOwnershipResponse{}, nil
}
