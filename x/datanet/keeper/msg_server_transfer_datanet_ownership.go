package keeper

import (
	"context"
	"slices"

	errorsmod "cosmossdk.io/errors"

	"github.com/openledger/openledger/x/datanet/types"
)

// TransferDatanetOwnership hands a Datanet to a new owner. A new owner who
// was a curator leaves the curator set: the owner reviews by right.
func (k msgServer) TransferDatanetOwnership(ctx context.Context, msg *types.MsgTransferDatanetOwnership) (*types.MsgTransferDatanetOwnershipResponse, error) {
	d, err := k.ownedActiveDatanet(ctx, msg.Owner, msg.DatanetId)
	if err != nil {
		return nil, err
	}
	_, newOwner, err := types.ParseAddress(k.AddressCodec(), "new owner", msg.NewOwner)
	if err != nil {
		return nil, errorsmod.Wrapf(types.ErrInvalidNewOwner, "%v", err)
	}
	if newOwner == d.Owner {
		return nil, errorsmod.Wrapf(types.ErrInvalidNewOwner, "%s already owns datanet %d", newOwner, d.Id)
	}

	previous := d.Owner
	d.Owner = newOwner
	d.Curators = slices.DeleteFunc(slices.Clone(d.Curators), func(c string) bool { return c == newOwner })
	d.UpdatedHeight = k.Height(ctx)
	if err := k.Datanets.Set(ctx, d.Id, d); err != nil {
		return nil, err
	}
	if err := k.Emit(ctx, &types.EventDatanetOwnershipTransferred{
		DatanetId: d.Id, PreviousOwner: previous, NewOwner: newOwner,
	}); err != nil {
		return nil, err
	}
	return &types.MsgTransferDatanetOwnershipResponse{}, nil
}
