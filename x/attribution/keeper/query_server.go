package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/attribution/types"
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

// Record returns one record.
func (q queryServer) Record(ctx context.Context, req *types.QueryRecordRequest) (*types.QueryRecordResponse, error) {
	return modulekit.Answer(req, q.ErrNil, func() (types.AttributionRecord, error) { return q.k.GetRecord(ctx, req.RecordId) },
		func(r types.AttributionRecord) *types.QueryRecordResponse {
			return &types.QueryRecordResponse{Record: r}
		})
}

// Records lists every record.
func (q queryServer) Records(ctx context.Context, req *types.QueryRecordsRequest) (*types.QueryRecordsResponse, error) {
	if req == nil {
		return nil, q.ErrNil
	}
	recs, page, err := modulekit.PageValues(ctx, q.k.Records, req.Pagination)
	return modulekit.Respond(&types.QueryRecordsResponse{Records: recs, Pagination: page}, err)
}

// RecordsByModel lists the records of a model.
func (q queryServer) RecordsByModel(ctx context.Context, req *types.QueryRecordsByModelRequest) (*types.QueryRecordsByModelResponse, error) {
	if err := q.NeedID(req, "model_id", req.GetModelId()); err != nil {
		return nil, err
	}
	recs, page, err := modulekit.PageByRef(ctx, q.k.Records.Indexes.Model, req.Pagination, req.ModelId, q.k.GetRecord)
	return modulekit.Respond(&types.QueryRecordsByModelResponse{Records: recs, Pagination: page}, err)
}

// RecordsByContribution lists the records that weigh a contribution.
func (q queryServer) RecordsByContribution(ctx context.Context, req *types.QueryRecordsByContributionRequest) (*types.QueryRecordsByContributionResponse, error) {
	if err := q.NeedID(req, "contribution_id", req.GetContributionId()); err != nil {
		return nil, err
	}
	recs, page, err := modulekit.PageByRef(ctx, q.k.Records.Indexes.Contribution, req.Pagination, req.ContributionId, q.k.GetRecord)
	return modulekit.Respond(&types.QueryRecordsByContributionResponse{Records: recs, Pagination: page}, err)
}

// RecordsByServingNode lists the records a serving node made.
func (q queryServer) RecordsByServingNode(ctx context.Context, req *types.QueryRecordsByServingNodeRequest) (*types.QueryRecordsByServingNodeResponse, error) {
	node, err := q.NeedAddress(req, "serving_node", req.GetServingNode())
	if err != nil {
		return nil, err
	}
	recs, page, err := modulekit.PageByRef(ctx, q.k.Records.Indexes.ServingNode, req.Pagination, node, q.k.GetRecord)
	return modulekit.Respond(&types.QueryRecordsByServingNodeResponse{Records: recs, Pagination: page}, err)
}

// Rewards returns the pending and claimable rewards of an address.
func (q queryServer) Rewards(ctx context.Context, req *types.QueryRewardsRequest) (*types.QueryRewardsResponse, error) {
	addr, err := q.NeedAddress(req, "address", req.GetAddress())
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
	if err := q.NeedID(req, "contribution_id", req.GetContributionId()); err != nil {
		return nil, err
	}
	amt, err := amountOf(ctx, q.k.ContributionEarnings, req.ContributionId)
	if err != nil {
		return nil, err
	}
	return &types.QueryContributionEarningsResponse{Earned: sdk.NewCoin(types.RewardDenom, amt)}, nil
}

// AddressEarnings returns an address's lifetime earnings.
func (q queryServer) AddressEarnings(ctx context.Context, req *types.QueryAddressEarningsRequest) (*types.QueryAddressEarningsResponse, error) {
	addr, err := q.NeedAddress(req, "address", req.GetAddress())
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
	return modulekit.Answer(req, q.ErrNil, func() (types.Challenge, error) { return q.k.GetChallenge(ctx, req.ChallengeId) },
		func(c types.Challenge) *types.QueryChallengeResponse {
			return &types.QueryChallengeResponse{Challenge: c}
		})
}

// ChallengesByRecord lists the challenges of a record.
func (q queryServer) ChallengesByRecord(ctx context.Context, req *types.QueryChallengesByRecordRequest) (*types.QueryChallengesByRecordResponse, error) {
	if err := q.NeedID(req, "record_id", req.GetRecordId()); err != nil {
		return nil, err
	}
	chs, page, err := modulekit.PageByRef(ctx, q.k.Challenges.Indexes.Record, req.Pagination, req.RecordId, q.k.GetChallenge)
	return modulekit.Respond(&types.QueryChallengesByRecordResponse{Challenges: chs, Pagination: page}, err)
}

// Votes lists the votes on a challenge.
func (q queryServer) Votes(ctx context.Context, req *types.QueryVotesRequest) (*types.QueryVotesResponse, error) {
	if err := q.NeedID(req, "challenge_id", req.GetChallengeId()); err != nil {
		return nil, err
	}
	votes, page, err := modulekit.PageValuesUnder(ctx, q.k.Votes, req.Pagination, req.ChallengeId)
	return modulekit.Respond(&types.QueryVotesResponse{Votes: votes, Pagination: page}, err)
}
