package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/openledger/openledger/x/attribution/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

// TestFlowRecordMatureClaim follows a data reward from the settling module
// to the contributors: recorded through RecordAttribution inside the
// settlement, still pending a block before the deadline, final at the first
// end blocker past it, then claimed by every recipient.
func TestFlowRecordMatureClaim(t *testing.T) {
	f := newFixture(t)
	supply := f.bank.Supply()
	feesBefore := f.bank.ModuleBalance(feesModule).AmountOf(denom)
	in := f.validInput()
	in.DataReward.Amount = oneOPEN().MulRaw(10) // 10 OPEN
	id := f.record(in)

	// Blocks go by inside the window: nothing is claimable.
	for h := 1; h <= 23; h++ {
		f.endBlockAt(startTime.Add(time.Duration(h) * time.Hour))
	}
	keepertest.RequireFailsUnchanged(f.Chain(), f.Msgs.ClaimRewards, &types.MsgClaimRewards{Claimant: f.alice.Str}, types.ErrNothingToClaim)
	f.endBlockAt(startTime.Add(24*time.Hour + 5*time.Second))
	require.Equal(t, types.RECORD_STATUS_FINAL, f.getRecord(id).Status)

	paid := math.ZeroInt()
	for _, a := range []account{f.alice, f.bob, f.owner, f.owner2} {
		before := f.balance(a.Addr)
		resp := keepertest.MustDeliver(f.Chain(), f.Msgs.ClaimRewards, &types.MsgClaimRewards{Claimant: a.Str})
		require.Equal(t, before.Add(resp.Amount.Amount), f.balance(a.Addr))
		paid = paid.Add(resp.Amount.Amount)
	}
	// 85% attributed (0.5 + 0.25 + 0.1), the rest in the community pool.
	require.Equal(t, oneOPEN().MulRaw(85).QuoRaw(10), paid)
	require.Equal(t, oneOPEN().MulRaw(15).QuoRaw(10), f.communityPool())
	require.True(t, f.moduleBalance().IsZero())
	require.Equal(t, feesBefore.Sub(in.DataReward.Amount), f.bank.ModuleBalance(feesModule).AmountOf(denom))
	require.True(t, supply.Equal(f.bank.Supply()))
}

// TestFlowChallengeVoteOverturn follows a fraudulent record: a watcher
// recomputes one receipt, proves it against the receipts root and
// challenges; attestors vote it upheld; the record is overturned, the
// watcher gets its bond back, the serving node is slashed, the reward goes
// to the community pool and nobody can claim from the record.
func TestFlowChallengeVoteOverturn(t *testing.T) {
	f := newFixture(t)
	id := f.record(f.validInput())
	f.endBlockAt(startTime.Add(2 * time.Hour))

	msg := f.challengeMsg(id, 2)
	resp := keepertest.MustDeliver(f.Chain(), f.Msgs.ChallengeAttribution, msg)
	q, err := f.Queries.ChallengesByRecord(f.Ctx, &types.QueryChallengesByRecordRequest{RecordId: id})
	require.NoError(t, err)
	require.Len(t, q.Challenges, 1)

	f.endBlockAt(startTime.Add(3 * time.Hour))
	require.Equal(t, types.CHALLENGE_STATUS_OPEN, f.vote(f.att2, resp.ChallengeId, true))
	f.endBlockAt(startTime.Add(4 * time.Hour))
	require.Equal(t, types.CHALLENGE_STATUS_OPEN, f.vote(f.att3, resp.ChallengeId, false))
	require.Equal(t, types.CHALLENGE_STATUS_UPHELD, f.vote(f.att1, resp.ChallengeId, true))

	require.Equal(t, types.RECORD_STATUS_OVERTURNED, f.getRecord(id).Status)
	require.Len(t, f.agentstake.slashes, 1)
	require.Equal(t, f.node.Addr, f.agentstake.slashes[0].operator)
	require.Equal(t, math.NewInt(1_000_003), f.communityPool())

	// The window passes: still nothing to claim for anyone.
	f.endBlockAt(startTime.Add(72 * time.Hour))
	for _, a := range []account{f.alice, f.bob, f.owner, f.owner2} {
		keepertest.RequireFailsUnchanged(f.Chain(), f.Msgs.ClaimRewards, &types.MsgClaimRewards{Claimant: a.Str}, types.ErrNothingToClaim)
	}
	votes, err := f.Queries.Votes(f.Ctx, &types.QueryVotesRequest{ChallengeId: resp.ChallengeId})
	require.NoError(t, err)
	require.Len(t, votes.Votes, 3)
}
