package keeper

import (
	"context"

	"github.com/openledger/openledger/x/datanet/types"
)

// UpdateDatanet replaces the editable metadata of a Datanet.
func (k msgServer) UpdateDatanet(ctx context.Context, msg *types.MsgUpdateDatanet) (*types.MsgUpdateDatanetResponse, error) {
	d, err := k.ownedActiveDatanet(ctx, msg.Owner, msg.DatanetId)
	if err != nil {
		return nil, err
	}
	meta := types.Metadata{
		Name: msg.Name, Summary: msg.Summary, Description: msg.Description, Tags: msg.Tags,
		License: msg.License, Visibility: msg.Visibility, CurationPolicy: msg.CurationPolicy,
	}
	if err := meta.Validate(); err != nil {
		return nil, err
	}

	meta.Apply(&d)
	if err := k.saveDatanet(ctx, d, &types.EventDatanetUpdated{DatanetId: d.Id}); err != nil {
		return nil, err
	}
	return &types.MsgUpdateDatanetResponse{}, nil
}
