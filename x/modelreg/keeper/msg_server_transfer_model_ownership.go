package keeper

import (
	"context"
	"fmt"

	"github.com/openledger/openledger/x/internal/modulekit"
	"github.com/openledger/openledger/x/modelreg/types"
)

// TransferModelOwnership hands a model that is not revoked to a new owner.
func (k msgServer) TransferModelOwnership(ctx context.Context, msg *types.MsgTransferModelOwnership) (*types.MsgTransferModelOwnershipResponse, error) {
	m, err := k.ownedModel(ctx, msg.Owner, msg.ModelId)
	if err != nil {
		return nil, err
	}
	newOwner, err := modulekit.NewOwner(k.AddressCodec(), types.ErrInvalidAddress, types.ErrInvalidNewOwner,
		fmt.Sprintf("model %d", m.Id), m.Owner, msg.NewOwner)
	if err != nil {
		return nil, err
	}
	previous := m.Owner
	m.Owner = newOwner
	if err := k.saveModel(ctx, m, &types.EventModelOwnershipTransferred{ModelId: m.Id, PreviousOwner: previous, NewOwner: newOwner}); err != nil {
		return nil, err
	}
	return &types.MsgTransferModelOwnershipResponse{}, nil
}
