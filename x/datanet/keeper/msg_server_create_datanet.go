package keeper

import (
	"context"

	"github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/modulekit"
)

// CreateDatanet creates a Datanet owned by the signer, who pays the creation
// fee.
func (k msgServer) CreateDatanet(ctx context.Context, msg *types.MsgCreateDatanet) (*types.MsgCreateDatanetResponse, error) {
	ownerAddr, owner, err := types.ParseAddress(k.AddressCodec(), "owner", msg.Owner)
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
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}

	if err := k.collect(ctx, ownerAddr, params.CreationFee, zeroCoin(params.CreationFee.Denom), params.FeeDestination); err != nil {
		return nil, err
	}
	id, err := modulekit.NextID(ctx, k.NextDatanetID)
	if err != nil {
		return nil, err
	}
	height := k.Height(ctx)
	d := types.Datanet{
		Id:            id,
		Owner:         owner,
		Status:        types.DATANET_STATUS_ACTIVE,
		CreatedHeight: height,
		UpdatedHeight: height,
	}
	meta.Apply(&d)
	if err := k.Datanets.Set(ctx, id, d); err != nil {
		return nil, err
	}

	if err := k.Emit(ctx, &types.EventDatanetCreated{
		DatanetId: id, Owner: owner, Name: d.Name,
		CreationFee: params.CreationFee, FeeDestination: params.FeeDestination,
	}); err != nil {
		return nil, err
	}
	return &types.MsgCreateDatanetResponse{DatanetId: id}, nil
}
