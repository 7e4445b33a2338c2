package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/openledger/openledger/x/inferencefees/types"
	"github.com/openledger/openledger/x/internal/modulekit"
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

// parseAddress parses an address of a query request.
func (q queryServer) parseAddress(field, s string) (sdk.AccAddress, error) {
	addr, _, err := types.ParseAddress(q.k.AddressCodec(), field, s)
	if err != nil {
		return nil, errorsmod.Wrapf(types.ErrInvalidRequest, "%v", err)
	}
	return addr, nil
}

// Credit returns a user's credit (zero for a user without one), the locked
// and available parts and the pending withdrawals.
func (q queryServer) Credit(ctx context.Context, req *types.QueryCreditRequest) (*types.QueryCreditResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	user, err := q.parseAddress("user", req.User)
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
	if req == nil {
		return nil, errNilRequest
	}
	user, err := q.parseAddress("user", req.User)
	if err != nil {
		return nil, err
	}
	node, err := q.parseAddress("serving_node", req.ServingNode)
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
	if req == nil {
		return nil, errNilRequest
	}
	node, err := q.parseAddress("serving_node", req.ServingNode)
	if err != nil {
		return nil, err
	}
	chs, page, err := modulekit.PageByRef(ctx, q.k.Channels.Indexes.Node, req.Pagination, node, q.k.Channels.Get)
	if err != nil {
		return nil, err
	}
	return &types.QueryChannelsByNodeResponse{Channels: chs, Pagination: page}, nil
}

// ChannelsByUser lists a user's channels by serving node.
func (q queryServer) ChannelsByUser(ctx context.Context, req *types.QueryChannelsByUserRequest) (*types.QueryChannelsByUserResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	user, err := q.parseAddress("user", req.User)
	if err != nil {
		return nil, err
	}
	chs, page, err := query.CollectionPaginate(ctx, q.k.Channels, req.Pagination,
		func(_ ChannelKey, ch types.Channel) (types.Channel, error) { return ch, nil },
		query.WithCollectionPaginationPairPrefix[sdk.AccAddress, sdk.AccAddress](user))
	if err != nil {
		return nil, err
	}
	return &types.QueryChannelsByUserResponse{Channels: chs, Pagination: page}, nil
}

// Totals returns the cumulative fee figures.
func (q queryServer) Totals(ctx context.Context, req *types.QueryTotalsRequest) (*types.QueryTotalsResponse, error) {
	return modulekit.Answer(req, errNilRequest, func() (types.Totals, error) { return q.k.GetTotals(ctx) },
		func(t types.Totals) *types.QueryTotalsResponse { return &types.QueryTotalsResponse{Totals: t} })
}
