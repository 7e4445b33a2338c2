package keeper

import (
	"context"

	"github.com/openledger/openledger/x/datanet/types"
)

// SetCurators replaces the curator set of a Datanet.
func (k msgServer) SetCurators(ctx context.Context, msg *types.MsgSetCurators) (*types.MsgSetCuratorsResponse, error) {
	d, err := k.ownedActiveDatanet(ctx, msg.Owner, msg.DatanetId)
	if err != nil {
		return nil, err
	}
	curators, err := types.CanonicalCurators(k.AddressCodec(), d.Owner, msg.Curators)
	if err != nil {
		return nil, err
	}

	d.Curators = curators
	if err := k.saveDatanet(ctx, d, &types.EventCuratorsSet{DatanetId: d.Id, Curators: curators}); err != nil {
		return nil, err
	}
	return &types.MsgSetCuratorsResponse{}, nil
}
