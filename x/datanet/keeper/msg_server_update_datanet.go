package keeper

import (
	"context"

	"github.com/cosmos/gogoproto/proto"

	"github.com/openledger/openledger/x/datanet/types"
)

// UpdateDatanet replaces the editable metadata of a Datanet.
func (k msgServer) UpdateDatanet(ctx context.Context, msg *types.MsgUpdateDatanet) (*types.MsgUpdateDatanetResponse, error) {
	if err := k.changeDatanet(ctx, msg.Owner, msg.DatanetId, func(d *types.Datanet) (proto.Message, error) {
		meta := types.Metadata{
			Name: msg.Name, Summary: msg.Summary, Description: msg.Description, Tags: msg.Tags,
			License: msg.License, Visibility: msg.Visibility, CurationPolicy: msg.CurationPolicy,
		}
		if err := meta.Validate(); err != nil {
			return nil, err
		}
		meta.Apply(d)
		return &types.EventDatanetUpdated{DatanetId: d.Id}, nil
	}); err != nil {
		return nil, err
	}
	return &types.MsgUpdateDatanetResponse{}, nil
}
