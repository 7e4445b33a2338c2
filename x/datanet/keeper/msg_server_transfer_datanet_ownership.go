package keeper

import (
	"context"
	"fmt"
	"slices"

	"github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/modulekit"
)

// TransferDatanetOwnership hands a Datanet to a new owner. A new owner who
// was a curator leaves the curator set: the owner reviews by right.
func (k msgServer) TransferDatanetOwnership(ctx context.Context, msg *types.MsgTransferDatanetOwnership) (*types.MsgTransferDatanetOwnershipResponse, error) {
	d, err := k.ownedActiveDatanet(ctx, msg.Owner, msg.DatanetId)
	if err != nil {
		return nil, err
	}
	newOwner, err := modulekit.NewOwner(k.AddressCodec(), types.ErrInvalidAddress, types.ErrInvalidNewOwner,
		fmt.Sprintf("datanet %d", d.Id), d.Owner, msg.NewOwner)
	if err != nil {
		return nil, err
	}

	previous := d.Owner
	d.Owner = newOwner
	d.Curators = slices.DeleteFunc(slices.Clone(d.Curators), func(c string) bool { return c == newOwner })
	if err := k.saveDatanet(ctx, d, &types.EventDatanetOwnershipTransferred{DatanetId: d.Id, PreviousOwner: previous, NewOwner: newOwner}); err != nil {
		return nil, err
	}
	return &types.MsgTransferDatanetOwnershipResponse{}, nil
}
