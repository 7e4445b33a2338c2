package keeper_test

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/openledger/openledger/x/attribution/keeper"
	"github.com/openledger/openledger/x/attribution/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

func (f *fixture) vote(a account, cid uint64, uphold bool) types.ChallengeStatus {
	f.T.Helper()
	resp, err := keepertest.Deliver(f.Chain(), f.Msgs.VoteChallenge, &types.MsgVoteChallenge{Attestor: a.Str, ChallengeId: cid, Uphold: uphold})
	require.NoError(f.T, err)
	return resp.Status
}

func TestVoteChallenge(t *testing.T) {
	bond := types.DefaultChallengeBond.Amount

	keepertest.Run(t, "Success - upheld: record overturned, bond back, node slashed", newFixture, func(t *testing.T, f *fixture) {
		rid, cid := f.challenge()
		pool := f.communityPool()
		challengerBefore := f.balance(f.challenger.Addr)

		require.Equal(t, types.CHALLENGE_STATUS_OPEN, f.vote(f.att1, cid, true))
		require.Equal(t, math.NewInt(400), f.getChallenge(cid).UpholdStake)
		require.Equal(t, types.CHALLENGE_STATUS_UPHELD, f.vote(f.att2, cid, true))

		c := f.getChallenge(cid)
		require.Equal(t, types.CHALLENGE_STATUS_UPHELD, c.Status)
		require.Equal(t, math.NewInt(700), c.UpholdStake)
		require.Equal(t, oneOPEN().MulRaw(50), c.Slashed)
		r := f.getRecord(rid)
		require.Equal(t, types.RECORD_STATUS_OVERTURNED, r.Status)
		require.Zero(t, r.OpenChallengeId)
		// Pending payouts are gone; the whole reward went to the pool.
		for _, a := range []account{f.alice, f.bob, f.owner, f.owner2} {
			pending, claimable := f.rewards(a)
			require.True(t, pending.IsZero() && claimable.IsZero(), a.Str)
		}
		require.Equal(t, pool.AddRaw(1_000_003), f.communityPool())
		require.Equal(t, challengerBefore.Add(bond), f.balance(f.challenger.Addr))
		require.True(t, f.moduleBalance().IsZero())
		require.Equal(t, []slashCall{{
			operator: f.node.Addr, challenger: f.challenger.Addr, evidenceRef: "attribution/challenge/1", infractionHeight: startHeight,
		}}, f.agentstake.slashes)
		require.Len(t, keepertest.EventsOfType(f.Ctx, "openledger.attribution.v1.EventRecordOverturned"), 1)
		require.Len(t, keepertest.EventsOfType(f.Ctx, "openledger.attribution.v1.EventChallengeResolved"), 1)

		// Neither the deadline nor a late vote changes anything.
		f.endBlockAt(r.ChallengeDeadline.Add(types.DefaultVotingPeriod))
		require.Equal(t, types.RECORD_STATUS_OVERTURNED, f.getRecord(rid).Status)
		keepertest.RequireFailsUnchanged(f.Chain(), f.Msgs.VoteChallenge, &types.MsgVoteChallenge{Attestor: f.att3.Str, ChallengeId: cid}, types.ErrChallengeNotOpen)
	})

	keepertest.Run(t, "Success - upheld, overturned reward burned by param", newFixture, func(t *testing.T, f *fixture) {
		keepertest.SetParams(f, func(p *types.Params) { p.OverturnedDestination = types.FUNDS_DESTINATION_BURN })
		_, cid := f.challenge()
		supply := f.bank.Supply().AmountOf(denom)
		f.vote(f.att1, cid, true)
		f.vote(f.att3, cid, true)
		require.Equal(t, supply.SubRaw(1_000_003), f.bank.Supply().AmountOf(denom))
	})

	keepertest.Run(t, "Success - upheld even when the node can no longer be slashed", newFixture, func(t *testing.T, f *fixture) {
		_, cid := f.challenge()
		f.agentstake.slashErr = errors.New("agent not found")
		f.vote(f.att1, cid, true)
		require.Equal(t, types.CHALLENGE_STATUS_UPHELD, f.vote(f.att2, cid, true))
		require.True(t, f.getChallenge(cid).Slashed.IsZero())
	})

	keepertest.Run(t, "Success - rejected: bond burned, record resumes and finalizes at its deadline", newFixture, func(t *testing.T, f *fixture) {
		rid, cid := f.challenge()
		supply := f.bank.Supply().AmountOf(denom)
		f.vote(f.att1, cid, false)
		require.Equal(t, types.CHALLENGE_STATUS_REJECTED, f.vote(f.att2, cid, false))
		require.Equal(t, supply.Sub(bond), f.bank.Supply().AmountOf(denom))
		r := f.getRecord(rid)
		require.Equal(t, types.RECORD_STATUS_PENDING, r.Status)
		require.Empty(t, f.agentstake.slashes)

		// The record can be challenged again before its deadline.
		f.challenger = f.bob
		resp := keepertest.MustDeliver(f.Chain(), f.Msgs.ChallengeAttribution, f.challengeMsg(rid, 0))
		f.vote(f.att1, resp.ChallengeId, false)
		f.vote(f.att3, resp.ChallengeId, false)

		f.endBlockAt(r.ChallengeDeadline)
		require.Equal(t, types.RECORD_STATUS_FINAL, f.getRecord(rid).Status)
		_, claimable := f.rewards(f.alice)
		require.Equal(t, math.NewInt(540_001), claimable)
	})

	keepertest.Run(t, "Success - rejected after the deadline: final at once", newFixture, func(t *testing.T, f *fixture) {
		rid, cid := f.challenge()
		f.vote(f.att1, cid, false)
		f.setTime(f.getRecord(rid).ChallengeDeadline.Add(time.Hour))
		f.vote(f.att2, cid, false)
		require.Equal(t, types.RECORD_STATUS_FINAL, f.getRecord(rid).Status)
		_, claimable := f.rewards(f.bob)
		require.Equal(t, math.NewInt(225_000), claimable)
	})

	keepertest.Run(t, "Success - expired without quorum: bond back, record resumes", newFixture, func(t *testing.T, f *fixture) {
		rid, cid := f.challenge()
		f.vote(f.att1, cid, true)
		f.vote(f.att2, cid, false)
		challengerBefore := f.balance(f.challenger.Addr)
		deadline := f.getChallenge(cid).VotingDeadline

		f.endBlockAt(deadline.Add(-time.Second))
		require.Equal(t, types.CHALLENGE_STATUS_OPEN, f.getChallenge(cid).Status)
		// Voting closes at the deadline even before the end blocker runs.
		f.setTime(deadline)
		keepertest.RequireFailsUnchanged(f.Chain(), f.Msgs.VoteChallenge, &types.MsgVoteChallenge{Attestor: f.att3.Str, ChallengeId: cid, Uphold: true}, types.ErrVotingClosed)

		f.endBlockAt(deadline)
		require.Equal(t, types.CHALLENGE_STATUS_EXPIRED, f.getChallenge(cid).Status)
		require.Equal(t, challengerBefore.Add(bond), f.balance(f.challenger.Addr))
		// The voting period (48h) outlasts the window (24h): final at once.
		require.Equal(t, types.RECORD_STATUS_FINAL, f.getRecord(rid).Status)
		require.Empty(t, f.agentstake.slashes)
	})

	keepertest.Run(t, "Success - expired before the record's deadline: pending again", newFixture, func(t *testing.T, f *fixture) {
		keepertest.SetParams(f, func(p *types.Params) { p.VotingPeriod = time.Hour })
		rid, cid := f.challenge()
		f.endBlockAt(startTime.Add(time.Hour))
		require.Equal(t, types.CHALLENGE_STATUS_EXPIRED, f.getChallenge(cid).Status)
		require.Equal(t, types.RECORD_STATUS_PENDING, f.getRecord(rid).Status)
		f.endBlockAt(f.getRecord(rid).ChallengeDeadline)
		require.Equal(t, types.RECORD_STATUS_FINAL, f.getRecord(rid).Status)
	})

	keepertest.Run(t, "Success - quorum against the total stake at the time of the vote", newFixture, func(t *testing.T, f *fixture) {
		_, cid := f.challenge()
		total := math.NewInt(600) // attestors left: 400 of 600 is not two thirds
		f.agentstake.totalOverride = &total
		require.Equal(t, types.CHALLENGE_STATUS_OPEN, f.vote(f.att1, cid, true))
		require.Equal(t, types.CHALLENGE_STATUS_UPHELD, f.vote(f.att3, cid, true))
	})

	failures := []keepertest.Failure[func(f *fixture, m *types.MsgVoteChallenge)]{
		{Name: "Failure - invalid attestor", Make: func(_ *fixture, m *types.MsgVoteChallenge) { m.Attestor = "" }, Want: types.ErrInvalidAddress},
		{Name: "Failure - not an attestor", Make: func(f *fixture, m *types.MsgVoteChallenge) { m.Attestor = f.bob.Str }, Want: types.ErrNotActiveAttestor},
		{Name: "Failure - attestor without stake", Make: func(f *fixture, m *types.MsgVoteChallenge) {
			f.agentstake.attestors[0].stake = math.ZeroInt()
		}, Want: types.ErrNotActiveAttestor},
		{Name: "Failure - double vote", Make: func(f *fixture, m *types.MsgVoteChallenge) {
			f.vote(f.att1, m.ChallengeId, true)
			m.Uphold = false
		}, Want: types.ErrAlreadyVoted},
		{Name: "Failure - unknown challenge", Make: func(_ *fixture, m *types.MsgVoteChallenge) { m.ChallengeId = 9 }, Want: types.ErrChallengeNotFound},
		{Name: "Failure - challenge resolved", Make: func(f *fixture, m *types.MsgVoteChallenge) {
			f.vote(f.att1, m.ChallengeId, false)
			f.vote(f.att2, m.ChallengeId, false)
			m.Attestor = f.att3.Str
		}, Want: types.ErrChallengeNotOpen},
		{Name: "Failure - voting closed", Make: func(f *fixture, m *types.MsgVoteChallenge) {
			f.setTime(f.getChallenge(m.ChallengeId).VotingDeadline)
		}, Want: types.ErrVotingClosed},
	}
	keepertest.RunBroken(t, failures, func(t testing.TB) (*fixture, *types.MsgVoteChallenge) {
		f := newFixture(t)
		_, cid := f.challenge()
		return f, &types.MsgVoteChallenge{Attestor: f.att1.Str, ChallengeId: cid, Uphold: true}
	}, types.MsgServer.VoteChallenge)

	t.Run("Success - evidence reference", func(t *testing.T) {
		require.Equal(t, "attribution/challenge/12", keeper.EvidenceRef(12))
	})
}
