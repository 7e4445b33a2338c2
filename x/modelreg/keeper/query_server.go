package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/openledger/openledger/x/modelreg/types"
)

// queryServer implements types.QueryServer.
type queryServer struct {
	k Keeper
}

// NewQueryServerImpl returns the Query service of the keeper.
func NewQueryServerImpl(k Keeper) types.QueryServer {
	return queryServer{k: k}
}

// errNilRequest answers a request that is nil.
var errNilRequest = errorsmod.Wrap(types.ErrInvalidRequest, "empty request")

// Params returns the module parameters.
func (q queryServer) Params(ctx context.Context, req *types.QueryParamsRequest) (*types.QueryParamsResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	params, err := q.k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	return &types.QueryParamsResponse{Params: params}, nil
}

// Model returns one model.
func (q queryServer) Model(ctx context.Context, req *types.QueryModelRequest) (*types.QueryModelResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	m, err := q.k.GetModel(ctx, req.ModelId)
	if err != nil {
		return nil, err
	}
	return &types.QueryModelResponse{Model: m}, nil
}

// Models lists models: all, or those of one owner.
func (q queryServer) Models(ctx context.Context, req *types.QueryModelsRequest) (*types.QueryModelsResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	var (
		models []types.Model
		page   *query.PageResponse
		err    error
	)
	if req.Owner != "" {
		owner, _, perr := types.ParseAddress(q.k.AddressCodec(), "owner", req.Owner)
		if perr != nil {
			return nil, errorsmod.Wrapf(types.ErrInvalidRequest, "%v", perr)
		}
		models, page, err = query.CollectionPaginate(ctx, q.k.Models.Indexes.Owner, req.Pagination,
			func(key collections.Pair[sdk.AccAddress, uint64], _ collections.NoValue) (types.Model, error) {
				return q.k.GetModel(ctx, key.K2())
			},
			query.WithCollectionPaginationPairPrefix[sdk.AccAddress, uint64](owner))
	} else {
		models, page, err = query.CollectionPaginate(ctx, q.k.Models, req.Pagination,
			func(_ uint64, m types.Model) (types.Model, error) { return m, nil })
	}
	if err != nil {
		return nil, err
	}
	return &types.QueryModelsResponse{Models: models, Pagination: page}, nil
}

// pageRefIndex pages through the models indexed under one reference id.
func (q queryServer) pageRefIndex(ctx context.Context, idx *RefIndex, ref uint64, pr *query.PageRequest) ([]types.Model, *query.PageResponse, error) {
	return query.CollectionPaginate(ctx, idx, pr,
		func(key collections.Pair[uint64, uint64], _ collections.NoValue) (types.Model, error) {
			return q.k.GetModel(ctx, key.K2())
		},
		query.WithCollectionPaginationPairPrefix[uint64, uint64](ref))
}

// ModelsByBase lists the fine-tunes and adapters of a base model.
func (q queryServer) ModelsByBase(ctx context.Context, req *types.QueryModelsByBaseRequest) (*types.QueryModelsByBaseResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	if req.BaseModelId == 0 {
		return nil, errorsmod.Wrap(types.ErrInvalidRequest, "base_model_id must be set")
	}
	models, page, err := q.pageRefIndex(ctx, q.k.Models.Indexes.Base, req.BaseModelId, req.Pagination)
	if err != nil {
		return nil, err
	}
	return &types.QueryModelsByBaseResponse{Models: models, Pagination: page}, nil
}

// ModelsByDatanet lists the models trained on a Datanet.
func (q queryServer) ModelsByDatanet(ctx context.Context, req *types.QueryModelsByDatanetRequest) (*types.QueryModelsByDatanetResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	if req.DatanetId == 0 {
		return nil, errorsmod.Wrap(types.ErrInvalidRequest, "datanet_id must be set")
	}
	models, page, err := q.pageRefIndex(ctx, q.k.Models.Indexes.Datanet, req.DatanetId, req.Pagination)
	if err != nil {
		return nil, err
	}
	return &types.QueryModelsByDatanetResponse{Models: models, Pagination: page}, nil
}

// Lineage returns the ancestors and the transitive datasets of a model.
func (q queryServer) Lineage(ctx context.Context, req *types.QueryLineageRequest) (*types.QueryLineageResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	m, err := q.k.GetModel(ctx, req.ModelId)
	if err != nil {
		return nil, err
	}
	l, err := q.k.Lineage(ctx, m)
	if err != nil {
		return nil, err
	}
	return &types.QueryLineageResponse{Ancestors: l.Ancestors, Datasets: l.Datasets}, nil
}
