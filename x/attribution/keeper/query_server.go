package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/openledger/openledger/x/attribution/types"
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

// parseAddress parses a request address; errors are ErrInvalidRequest.
func (q queryServer) parseAddress(field, s string) (sdk.AccAddress, error) {
	addr, _, err := types.ParseAddress(q.k.AddressCodec(), field, s)
	if err != nil {
		return nil, errorsmod.Wrapf(types.ErrInvalidRequest, "%v", err)
	}
	return addr, nil
}

// Record returns one record.
func (q queryServer) Record(ctx context.Context, req *types.QueryRecordRequest) (*types.QueryRecordResponse, error) {
	return modulekit.Answer(req, errNilRequest, func() (types.AttributionRecord, error) { return q.k.GetRecord(ctx, req.RecordId) },
		func(r types.AttributionRecord) *types.QueryRecordResponse {
			return &types.QueryRecordResponse{Record: r}
		})
}

// Records lists every record.
func (q queryServer) Records(ctx context.Context, req *types.QueryRecordsRequest) (*types.QueryRecordsResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	recs, page, err := modulekit.PageValues(ctx, q.k.Records, req.Pagination)
	if err != nil {
		return nil, err
	}
	return &types.QueryRecordsResponse{Records: recs, Pagination: page}, nil
}

// RecordsByModel lists the records of a model.
func (q queryServer) RecordsByModel(ctx context.Context, req *types.QueryRecordsByModelRequest) (*types.QueryRecordsByModelResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	if req.ModelId == 0 {
		return nil, errorsmod.Wrap(types.ErrInvalidRequest, "model_id must be set")
	}
	recs, page, err := modulekit.PageByRef(ctx, q.k.Records.Indexes.Model, req.Pagination, req.ModelId, q.k.GetRecord)
	if err != nil {
		return nil, err
	}
	return &types.QueryRecordsByModelResponse{Records: recs, Pagination: page}, nil
}

// RecordsByContribution lists the records that weigh a contribution.
func (q queryServer) RecordsByContribution(ctx context.Context, req *types.QueryRecordsByContributionRequest) (*types.QueryRecordsByContributionResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	if req.ContributionId == 0 {
		return nil, errorsmod.Wrap(types.ErrInvalidRequest, "contribution_id must be set")
	}
	recs, page, err := modulekit.PageByRef(ctx, q.k.Records.Indexes.Contribution, req.Pagination, req.ContributionId, q.k.GetRecord)
	if err != nil {
		return nil, err
	}
	return &types.QueryRecordsByContributionResponse{Records: recs, Pagination: page}, nil
}

// RecordsByServingNode lists the records a serving node made.
func (q queryServer) RecordsByServingNode(ctx context.Context, req *types.QueryRecordsByServingNodeRequest) (*types.QueryRecordsByServingNodeResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	node, err := q.parseAddress("serving_node", req.ServingNode)
	if err != nil {
		return nil, err
	}
	recs, page, err := modulekit.PageByRef(ctx, q.k.Records.Indexes.ServingNode, req.Pagination, node, q.k.GetRecord)
	if err != nil {
		return nil, err
	}
	return &types.QueryRecordsByServingNodeResponse{Records: recs, Pagination: page}, nil
}

// Rewards returns the pending and claimable rewards of an address.
func (q queryServer) Rewards(ctx context.Context, req *types.QueryRewardsRequest) (*types.QueryRewardsResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	addr, err := q.parseAddress("address", req.Address)
	if err != nil {
		return nil, err
	}
	pending, err := amountOf(ctx, q.k.Pending, addr)
	if err != nil {
		return nil, err
	}
	claimable, err := amountOf(ctx, q.k.Claimable, addr)
	if err != nil {
		return nil, err
	}
	return &types.QueryRewardsResponse{
		Pending:   sdk.NewCoin(types.RewardDenom, pending),
		Claimable: sdk.NewCoin(types.RewardDenom, claimable),
	}, nil
}

// ContributionEarnings returns a contribution's lifetime earnings.
func (q queryServer) ContributionEarnings(ctx context.Context, req *types.QueryContributionEarningsRequest) (*types.QueryContributionEarningsResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	if req.ContributionId == 0 {
		return nil, errorsmod.Wrap(types.ErrInvalidRequest, "contribution_id must be set")
	}
	amt, err := amountOf(ctx, q.k.ContributionEarnings, req.ContributionId)
	if err != nil {
		return nil, err
	}
	return &types.QueryContributionEarningsResponse{Earned: sdk.NewCoin(types.RewardDenom, amt)}, nil
}

// AddressEarnings returns an address's lifetime earnings.
func (q queryServer) AddressEarnings(ctx context.Context, req *types.QueryAddressEarningsRequest) (*types.QueryAddressEarningsResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	addr, err := q.parseAddress("address", req.Address)
	if err != nil {
		return nil, err
	}
	amt, err := amountOf(ctx, q.k.AddressEarnings, addr)
	if err != nil {
		return nil, err
	}
	return &types.QueryAddressEarningsResponse{Earned: sdk.NewCoin(types.RewardDenom, amt)}, nil
}

// Challenge returns one challenge.
func (q queryServer) Challenge(ctx context.Context, req *types.QueryChallengeRequest) (*types.QueryChallengeResponse, error) {
	return modulekit.Answer(req, errNilRequest, func() (types.Challenge, error) { return q.k.GetChallenge(ctx, req.ChallengeId) },
		func(c types.Challenge) *types.QueryChallengeResponse {
			return &types.QueryChallengeResponse{Challenge: c}
		})
}

// ChallengesByRecord lists the challenges of a record.
func (q queryServer) ChallengesByRecord(ctx context.Context, req *types.QueryChallengesByRecordRequest) (*types.QueryChallengesByRecordResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	if req.RecordId == 0 {
		return nil, errorsmod.Wrap(types.ErrInvalidRequest, "record_id must be set")
	}
	chs, page, err := modulekit.PageByRef(ctx, q.k.Challenges.Indexes.Record, req.Pagination, req.RecordId, q.k.GetChallenge)
	if err != nil {
		return nil, err
	}
	return &types.QueryChallengesByRecordResponse{Challenges: chs, Pagination: page}, nil
}

// Votes lists the votes on a challenge.
func (q queryServer) Votes(ctx context.Context, req *types.QueryVotesRequest) (*types.QueryVotesResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	if req.ChallengeId == 0 {
		return nil, errorsmod.Wrap(types.ErrInvalidRequest, "challenge_id must be set")
	}
	votes, page, err := query.CollectionPaginate(ctx, q.k.Votes, req.Pagination,
		func(_ collections.Pair[uint64, sdk.AccAddress], v types.Vote) (types.Vote, error) { return v, nil },
		query.WithCollectionPaginationPairPrefix[uint64, sdk.AccAddress](req.ChallengeId))
	if err != nil {
		return nil, err
	}
	return &types.QueryVotesResponse{Votes: votes, Pagination: page}, nil
}
