package keeper

import (
	"context"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/openledger/openledger/x/internal/modulekit"
	"github.com/openledger/openledger/x/modelreg/types"
)

// queryServer implements types.QueryServer; its Params query and request
// checks are the ones every module has.
type queryServer struct {
	modulekit.QueryServer[types.QueryParamsRequest, types.Params, types.QueryParamsResponse]
	k Keeper
}

// NewQueryServerImpl returns the Query service of the keeper.
func NewQueryServerImpl(k Keeper) types.QueryServer {
	requests := modulekit.NewRequests(types.ErrInvalidRequest, k.AddressCodec(), types.ErrInvalidAddress)
	return queryServer{k: k, QueryServer: modulekit.NewQueryServer[types.QueryParamsRequest](requests, k.Params,
		func(p types.Params) *types.QueryParamsResponse { return &types.QueryParamsResponse{Params: p} })}
}

// Model returns one model.
func (q queryServer) Model(ctx context.Context, req *types.QueryModelRequest) (*types.QueryModelResponse, error) {
	return modulekit.Answer(req, q.ErrNil, func() (types.Model, error) { return q.k.GetModel(ctx, req.ModelId) },
		func(m types.Model) *types.QueryModelResponse { return &types.QueryModelResponse{Model: m} })
}

// Models lists models: all, or those of one owner.
func (q queryServer) Models(ctx context.Context, req *types.QueryModelsRequest) (*types.QueryModelsResponse, error) {
	if req == nil {
		return nil, q.ErrNil
	}
	var (
		models []types.Model
		page   *query.PageResponse
		err    error
	)
	if req.Owner != "" {
		owner, perr := q.Address("owner", req.Owner)
		if perr != nil {
			return nil, perr
		}
		models, page, err = modulekit.PageByRef(ctx, q.k.Models.Indexes.Owner, req.Pagination, owner, q.k.GetModel)
	} else {
		models, page, err = modulekit.PageValues(ctx, q.k.Models, req.Pagination)
	}
	return modulekit.Respond(&types.QueryModelsResponse{Models: models, Pagination: page}, err)
}

// ModelsByBase lists the fine-tunes and adapters of a base model.
func (q queryServer) ModelsByBase(ctx context.Context, req *types.QueryModelsByBaseRequest) (*types.QueryModelsByBaseResponse, error) {
	if err := q.NeedID(req, "base_model_id", req.GetBaseModelId()); err != nil {
		return nil, err
	}
	models, page, err := modulekit.PageByRef(ctx, q.k.Models.Indexes.Base, req.Pagination, req.BaseModelId, q.k.GetModel)
	return modulekit.Respond(&types.QueryModelsByBaseResponse{Models: models, Pagination: page}, err)
}

// ModelsByDatanet lists the models trained on a Datanet.
func (q queryServer) ModelsByDatanet(ctx context.Context, req *types.QueryModelsByDatanetRequest) (*types.QueryModelsByDatanetResponse, error) {
	if err := q.NeedID(req, "datanet_id", req.GetDatanetId()); err != nil {
		return nil, err
	}
	models, page, err := modulekit.PageByRef(ctx, q.k.Models.Indexes.Datanet, req.Pagination, req.DatanetId, q.k.GetModel)
	return modulekit.Respond(&types.QueryModelsByDatanetResponse{Models: models, Pagination: page}, err)
}

// Lineage returns the ancestors and the transitive datasets of a model.
func (q queryServer) Lineage(ctx context.Context, req *types.QueryLineageRequest) (*types.QueryLineageResponse, error) {
	if req == nil {
		return nil, q.ErrNil
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
