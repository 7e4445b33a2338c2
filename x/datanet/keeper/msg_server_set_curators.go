package keeper

import (
	"context"

	"github.com/cosmos/gogoproto/proto"

	"github.com/openledger/openledger/x/datanet/types"
)

// SetCurators replaces the curator set of a Datanet.
func (k msgServer) SetCurators(ctx context.Context, msg *types.MsgSetCurators) (*types.MsgSetCuratorsResponse, error) {
	if err := k.changeDatanet(ctx, msg.Owner, msg.DatanetId, func(d *types.Datanet) (proto.Message, error) {
		curators, err := types.CanonicalCurators(k.AddressCodec(), d.Owner, msg.Curators)
		if err != nil {
			return nil, err
		}
		d.Curators = curators
		return &types.EventCuratorsSet{DatanetId: d.Id, Curators: curators}, nil
	}); err != nil {
		return nil, err
	}
	return &types.MsgSetCuratorsResponse{}, nil
}
