package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	"github.com/openledger/openledger/x/inferencefees/types"
	"github.com/openledger/openledger/x/internal/modulekit"
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

// Credit returns a user's credit (zero for a user without one), the locked
// and available parts and the pending withdrawals.
func (q queryServer) Credit(ctx context.Context, req *types.QueryCreditRequest) (*types.QueryCreditResponse, error) {
	user, err := q.NeedAddress(req, "user", req.GetUser())
	if err != nil {
		return nil, err
	}
	c, err := q.k.GetCredit(ctx, user)
	if err != nil {
		return nil, err
	}
	ws, err := q.k.pendingWithdrawals(ctx, user)
	if err != nil {
		return nil, err
	}
	locked := math.MinInt(c.PendingWithdrawal, c.Balance)
	return &types.QueryCreditResponse{Credit: c, Locked: locked, Available: c.Balance.Sub(locked), Withdrawals: ws}, nil
}

// Channel returns one channel.
func (q queryServer) Channel(ctx context.Context, req *types.QueryChannelRequest) (*types.QueryChannelResponse, error) {
	user, err := q.NeedAddress(req, "user", req.GetUser())
	if err != nil {
		return nil, err
	}
	node, err := q.Address("serving_node", req.ServingNode)
	if err != nil {
		return nil, err
	}
	ch, found, err := q.k.GetChannel(ctx, user, node)
	if err != nil {
		return nil, err
	}
	if !found {
		return nil, errorsmod.Wrapf(types.ErrChannelNotFound, "user %s, serving node %s", req.User, req.ServingNode)
	}
	return &types.QueryChannelResponse{Channel: ch}, nil
}

// ChannelsByNode lists a serving node's channels by user.
func (q queryServer) ChannelsByNode(ctx context.Context, req *types.QueryChannelsByNodeRequest) (*types.QueryChannelsByNodeResponse, error) {
	node, err := q.NeedAddress(req, "serving_node", req.GetServingNode())
	if err != nil {
		return nil, err
	}
	chs, page, err := modulekit.PageByRef(ctx, q.k.Channels.Indexes.Node, req.Pagination, node, q.k.Channels.Get)
	return modulekit.Respond(&types.QueryChannelsByNodeResponse{Channels: chs, Pagination: page}, err)
}

// ChannelsByUser lists a user's channels by serving node.
func (q queryServer) ChannelsByUser(ctx context.Context, req *types.QueryChannelsByUserRequest) (*types.QueryChannelsByUserResponse, error) {
	user, err := q.NeedAddress(req, "user", req.GetUser())
	if err != nil {
		return nil, err
	}
	chs, page, err := modulekit.PageValuesUnder(ctx, q.k.Channels, req.Pagination, user)
	return modulekit.Respond(&types.QueryChannelsByUserResponse{Channels: chs, Pagination: page}, err)
}

// Totals returns the cumulative fee figures.
func (q queryServer) Totals(ctx context.Context, req *types.QueryTotalsRequest) (*types.QueryTotalsResponse, error) {
	return modulekit.Answer(req, q.ErrNil, func() (types.Totals, error) { return q.k.GetTotals(ctx) },
		func(t types.Totals) *types.QueryTotalsResponse { return &types.QueryTotalsResponse{Totals: t} })
}
