package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/openledger/openledger/x/attribution/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

func recordIDs(rs []types.AttributionRecord) []uint64 {
	var ids []uint64
	for _, r := range rs {
		ids = append(ids, r.Id)
	}
	return ids
}

func TestQueries(t *testing.T) {
	f := newFixture(t)
	richState(f) // records 1..4, challenges 1..3 (on records 2, 3, 4)
	in := f.validInput()
	in.ModelID, in.BatchModelIDs = 8, []uint64{8}
	in.ServingNode = f.bob.Str
	in.Weights = in.Weights[2:] // only contribution 3
	f.record(in)                // 5
	q := f.Queries

	t.Run("Success - params", func(t *testing.T) {
		resp, err := q.Params(f.Ctx, &types.QueryParamsRequest{})
		require.NoError(t, err)
		require.Equal(t, types.DefaultParams(), resp.Params)
	})
	t.Run("Success - record", func(t *testing.T) {
		resp, err := q.Record(f.Ctx, &types.QueryRecordRequest{RecordId: 2})
		require.NoError(t, err)
		require.Equal(t, types.RECORD_STATUS_OVERTURNED, resp.Record.Status)
	})
	t.Run("Success - records, paginated", func(t *testing.T) {
		resp, err := q.Records(f.Ctx, &types.QueryRecordsRequest{Pagination: &query.PageRequest{Limit: 3, CountTotal: true}})
		require.NoError(t, err)
		require.Equal(t, []uint64{1, 2, 3}, recordIDs(resp.Records))
		require.Equal(t, uint64(5), resp.Pagination.Total)
		next, err := q.Records(f.Ctx, &types.QueryRecordsRequest{Pagination: &query.PageRequest{Key: resp.Pagination.NextKey}})
		require.NoError(t, err)
		require.Equal(t, []uint64{4, 5}, recordIDs(next.Records))
	})
	t.Run("Success - records by model", func(t *testing.T) {
		resp, err := q.RecordsByModel(f.Ctx, &types.QueryRecordsByModelRequest{ModelId: 8})
		require.NoError(t, err)
		require.Equal(t, []uint64{5}, recordIDs(resp.Records))
		resp, err = q.RecordsByModel(f.Ctx, &types.QueryRecordsByModelRequest{ModelId: 7, Pagination: &query.PageRequest{Limit: 2}})
		require.NoError(t, err)
		require.Equal(t, []uint64{1, 2}, recordIDs(resp.Records))
		require.NotNil(t, resp.Pagination.NextKey)
	})
	t.Run("Success - records by serving node", func(t *testing.T) {
		resp, err := q.RecordsByServingNode(f.Ctx, &types.QueryRecordsByServingNodeRequest{ServingNode: f.bob.Str})
		require.NoError(t, err)
		require.Equal(t, []uint64{5}, recordIDs(resp.Records))
		resp, err = q.RecordsByServingNode(f.Ctx, &types.QueryRecordsByServingNodeRequest{ServingNode: f.node.Str})
		require.NoError(t, err)
		require.Equal(t, []uint64{1, 2, 3, 4}, recordIDs(resp.Records))
	})
	t.Run("Success - records by contribution", func(t *testing.T) {
		resp, err := q.RecordsByContribution(f.Ctx, &types.QueryRecordsByContributionRequest{ContributionId: 3})
		require.NoError(t, err)
		require.Equal(t, []uint64{1, 2, 3, 4, 5}, recordIDs(resp.Records))
		resp, err = q.RecordsByContribution(f.Ctx, &types.QueryRecordsByContributionRequest{ContributionId: 1})
		require.NoError(t, err)
		require.Equal(t, []uint64{1, 2, 3, 4}, recordIDs(resp.Records))
	})
	t.Run("Success - rewards and earnings", func(t *testing.T) {
		pending, claimable := f.rewards(f.bob)
		require.Equal(t, math.NewInt(2*225_000), pending) // records 3 and 4
		require.Equal(t, math.NewInt(225_000), claimable) // record 1
		c, err := q.ContributionEarnings(f.Ctx, &types.QueryContributionEarningsRequest{ContributionId: 2})
		require.NoError(t, err)
		require.Equal(t, math.NewInt(225_000), c.Earned.Amount)
		a, err := q.AddressEarnings(f.Ctx, &types.QueryAddressEarningsRequest{Address: f.node.Str})
		require.NoError(t, err)
		require.True(t, a.Earned.Amount.IsZero())
		require.Equal(t, denom, a.Earned.Denom)
	})
	t.Run("Success - challenges and votes", func(t *testing.T) {
		c, err := q.Challenge(f.Ctx, &types.QueryChallengeRequest{ChallengeId: 1})
		require.NoError(t, err)
		require.Equal(t, types.CHALLENGE_STATUS_UPHELD, c.Challenge.Status)
		byRecord, err := q.ChallengesByRecord(f.Ctx, &types.QueryChallengesByRecordRequest{RecordId: 4})
		require.NoError(t, err)
		require.Len(t, byRecord.Challenges, 1)
		require.Equal(t, uint64(3), byRecord.Challenges[0].Id)
		votes, err := q.Votes(f.Ctx, &types.QueryVotesRequest{ChallengeId: 1})
		require.NoError(t, err)
		require.Len(t, votes.Votes, 2)
	})

	keepertest.RunQueryFailures(t, []keepertest.QueryFailure{
		{Name: "Failure - nil request", Call: func() error { return keepertest.ErrOf(q.Record(f.Ctx, nil)) }, Want: types.ErrInvalidRequest},
		{Name: "Failure - unknown record", Call: func() error { return keepertest.ErrOf(q.Record(f.Ctx, &types.QueryRecordRequest{RecordId: 99})) }, Want: types.ErrRecordNotFound},
		{Name: "Failure - unknown challenge", Call: func() error {
			return keepertest.ErrOf(q.Challenge(f.Ctx, &types.QueryChallengeRequest{ChallengeId: 99}))
		}, Want: types.ErrChallengeNotFound},
		{Name: "Failure - model 0", Call: func() error { return keepertest.ErrOf(q.RecordsByModel(f.Ctx, &types.QueryRecordsByModelRequest{})) }, Want: types.ErrInvalidRequest},
		{Name: "Failure - contribution 0", Call: func() error {
			return keepertest.ErrOf(q.RecordsByContribution(f.Ctx, &types.QueryRecordsByContributionRequest{}))
		}, Want: types.ErrInvalidRequest},
		{Name: "Failure - bad serving node", Call: func() error {
			return keepertest.ErrOf(q.RecordsByServingNode(f.Ctx, &types.QueryRecordsByServingNodeRequest{ServingNode: "x"}))
		}, Want: types.ErrInvalidRequest},
		{Name: "Failure - bad rewards address", Call: func() error { return keepertest.ErrOf(q.Rewards(f.Ctx, &types.QueryRewardsRequest{})) }, Want: types.ErrInvalidRequest},
		{Name: "Failure - bad earnings address", Call: func() error {
			return keepertest.ErrOf(q.AddressEarnings(f.Ctx, &types.QueryAddressEarningsRequest{Address: "x"}))
		}, Want: types.ErrInvalidRequest},
		{Name: "Failure - record 0 challenges", Call: func() error {
			return keepertest.ErrOf(q.ChallengesByRecord(f.Ctx, &types.QueryChallengesByRecordRequest{}))
		}, Want: types.ErrInvalidRequest},
		{Name: "Failure - challenge 0 votes", Call: func() error { return keepertest.ErrOf(q.Votes(f.Ctx, &types.QueryVotesRequest{})) }, Want: types.ErrInvalidRequest},
		{Name: "Failure - contribution 0 earnings", Call: func() error {
			return keepertest.ErrOf(q.ContributionEarnings(f.Ctx, &types.QueryContributionEarningsRequest{}))
		}, Want: types.ErrInvalidRequest},
	})
}
