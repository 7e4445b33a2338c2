package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	"github.com/openledger/openledger/x/modelreg/types"
)

// TransferModelOwnership hands a model that is not revoked to a new owner.
func (k msgServer) TransferModelOwnership(ctx context.Context, msg *types.MsgTransferModelOwnership) (*types.MsgTransferModelOwnershipResponse, error) {
	m, err := k.ownedModel(ctx, msg.Owner, msg.ModelId)
	if err != nil {
		return nil, err
	}
	_, newOwner, err := types.ParseAddress(k.AddressCodec(), "new owner", msg.NewOwner)
	if err != nil {
		return nil, errorsmod.Wrapf(types.ErrInvalidNewOwner, "%v", err)
	}
	if newOwner == m.Owner {
		return nil, errorsmod.Wrapf(types.ErrInvalidNewOwner, "%s already owns model %d", newOwner, m.Id)
	}
	previous := m.Owner
	m.Owner = newOwner
	m.UpdatedHeight = k.Height(ctx)
	if err := k.Models.Set(ctx, m.Id, m); err != nil {
		return nil, err
	}
	if err := k.Emit(ctx, &types.EventModelOwnershipTransferred{
		ModelId: m.Id, PreviousOwner: previous, NewOwner: newOwner,
	}); err != nil {
		return nil, err
	}
	return &types.MsgTransferModelOwnershipResponse{}, nil
}
