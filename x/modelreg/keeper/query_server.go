package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/openledger/openledger/x/internal/modulekit"
	"github.com/openledger/openledger/x/modelreg/types"
)

// queryServer implements types.QueryServer; its Params query is the one
// every module answers alike.
type queryServer struct {
	modulekit.ParamsQuery[types.QueryParamsRequest, types.Params, types.QueryParamsResponse]
	k Keeper
}

// NewQueryServerImpl returns the Query service of the keeper.
func NewQueryServerImpl(k Keeper) types.QueryServer {
	return queryServer{k: k, ParamsQuery: modulekit.NewParamsQuery[types.QueryParamsRequest](k.Params, errNilRequest,
		func(p types.Params) *types.QueryParamsResponse { return &types.QueryParamsResponse{Params: p} })}
}

// errNilRequest answers a request that is nil.
var errNilRequest = errorsmod.Wrap(types.ErrInvalidRequest, "empty request")

// Model returns one model.
func (q queryServer) Model(ctx context.Context, req *types.QueryModelRequest) (*types.QueryModelResponse, error) {
	return modulekit.Answer(req, errNilRequest, func() (types.Model, error) { return q.k.GetModel(ctx, req.ModelId) },
		func(m types.Model) *types.QueryModelResponse { return &types.QueryModelResponse{Model: m} })
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
		models, page, err = modulekit.PageByRef(ctx, q.k.Models.Indexes.Owner, req.Pagination, owner, q.k.GetModel)
	} else {
		models, page, err = modulekit.PageValues(ctx, q.k.Models, req.Pagination)
	}
	if err != nil {
		return nil, err
	}
	return &types.QueryModelsResponse{Models: models, Pagination: page}, nil
}

// ModelsByBase lists the fine-tunes and adapters of a base model.
func (q queryServer) ModelsByBase(ctx context.Context, req *types.QueryModelsByBaseRequest) (*types.QueryModelsByBaseResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	if req.BaseModelId == 0 {
		return nil, errorsmod.Wrap(types.ErrInvalidRequest, "base_model_id must be set")
	}
	models, page, err := modulekit.PageByRef(ctx, q.k.Models.Indexes.Base, req.Pagination, req.BaseModelId, q.k.GetModel)
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
	models, page, err := modulekit.PageByRef(ctx, q.k.Models.Indexes.Datanet, req.Pagination, req.DatanetId, q.k.GetModel)
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
