package keeper

import (
	"context"
	"fmt"
	"slices"

	"github.com/cosmos/gogoproto/proto"

	"github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/modulekit"
)

// TransferDatanetOwnership hands a Datanet to a new owner. A new owner who
// was a curator leaves the curator set: the owner reviews by right.
func (k msgServer) TransferDatanetOwnership(ctx context.Context, msg *types.MsgTransferDatanetOwnership) (*types.MsgTransferDatanetOwnershipResponse, error) {
	if err := k.changeDatanet(ctx, msg.Owner, msg.DatanetId, func(d *types.Datanet) (proto.Message, error) {
		newOwner, err := modulekit.NewOwner(k.AddressCodec(), types.ErrInvalidAddress, types.ErrInvalidNewOwner,
			fmt.Sprintf("datanet %d", d.Id), d.Owner, msg.NewOwner)
		if err != nil {
			return nil, err
		}
		previous := d.Owner
		d.Owner = newOwner
		d.Curators = slices.DeleteFunc(slices.Clone(d.Curators), func(c string) bool { return c == newOwner })
		return &types.EventDatanetOwnershipTransferred{DatanetId: d.Id, PreviousOwner: previous, NewOwner: newOwner}, nil
	}); err != nil {
		return nil, err
	}
	return &types.MsgTransferDatanetOwnershipResponse{}, nil
}
