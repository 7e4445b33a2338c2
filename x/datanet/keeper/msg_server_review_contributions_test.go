package keeper_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"

	"github.com/openledger/openledger/x/datanet/merkle"
	"github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

// expectedRoot computes a version root from scratch over contributions in
// acceptance order.
func expectedRoot(f *fixture, ids ...uint64) []byte {
	f.T.Helper()
	leaves := make([]merkle.Hash, len(ids))
	for i, id := range ids {
		leaf, err := merkle.LeafHash(id, f.contribution(id).ContentHash)
		require.NoError(f.T, err)
		leaves[i] = leaf
	}
	root, err := merkle.Root(leaves)
	require.NoError(f.T, err)
	return root.Bytes()
}

func TestReviewContributions(t *testing.T) {
	keepertest.Run(t, "Success - acceptance makes version 1 over the accepted contributions", newFixture, func(t *testing.T, f *fixture) {
		id := f.createDatanet(nil)
		c1 := f.submit(f.alice, id, "row one")
		c2 := f.submit(f.bob, id, "row two")
		aliceBefore := f.balance(f.alice.Addr)
		f.Ctx = f.Ctx.WithBlockHeight(startHeight + 3).WithHeaderInfo(headerAt(startHeight + 3))

		resp := f.review(f.owner, id, accept(c2), accept(c1))
		require.Equal(t, []uint64{c2, c1}, resp.AcceptedIds)
		require.Empty(t, resp.RejectedIds)
		require.Equal(t, uint64(1), resp.Version)
		require.Equal(t, expectedRoot(f, c2, c1), resp.Root, "leaves in batch order")

		v, err := f.K.GetVersion(f.Ctx, id, 1)
		require.NoError(t, err)
		require.Equal(t, types.Version{DatanetId: id, Version: 1, Root: resp.Root, LeafCount: 2, Height: startHeight + 3}, v)
		d := f.datanet(id)
		require.Equal(t, uint64(1), d.CurrentVersion)
		require.Equal(t, int64(startHeight+3), d.UpdatedHeight)

		for i, cid := range []uint64{c2, c1} {
			c := f.contribution(cid)
			require.Equal(t, types.CONTRIBUTION_STATUS_ACCEPTED, c.Status)
			require.Equal(t, uint64(1), c.AcceptedVersion)
			require.Equal(t, uint64(i), c.LeafIndex)
			require.Equal(t, f.owner.Str, c.Reviewer)
			require.Equal(t, types.DEPOSIT_OUTCOME_RETURNED, c.DepositOutcome)
			require.Equal(t, int64(startHeight+3), c.ResolvedHeight)
			owner, err := f.K.AcceptedContent.Get(f.Ctx, collections.Join(id, c.ContentHash))
			require.NoError(t, err)
			require.Equal(t, cid, owner)
			got, err := f.K.AcceptedOrder.Get(f.Ctx, collections.Join(id, uint64(i)))
			require.NoError(t, err)
			require.Equal(t, cid, got)
		}
		require.Equal(t, aliceBefore.Add(f.params().ContributionDeposit.Amount), f.balance(f.alice.Addr), "deposit returned")
		require.True(t, f.moduleBalance().IsZero())
		require.Len(t, keepertest.EventsOfType(f.Ctx, "openledger.datanet.v1.EventContributionReviewed"), 2)
		require.Len(t, keepertest.EventsOfType(f.Ctx, "openledger.datanet.v1.EventVersionCreated"), 1)
	})

	keepertest.Run(t, "Success - version N+1 covers everything accepted so far, in acceptance order", newFixture, func(t *testing.T, f *fixture) {
		id := f.createDatanet(nil)
		var order []uint64
		for batch := 1; batch <= 5; batch++ {
			var decisions []types.ReviewDecision
			for i := 0; i < batch; i++ {
				cid := f.submit(f.alice, id, fmt.Sprintf("batch %d row %d", batch, i))
				decisions = append([]types.ReviewDecision{accept(cid)}, decisions...) // newest first
			}
			resp := f.review(f.owner, id, decisions...)
			for _, d := range decisions {
				order = append(order, d.ContributionId)
			}
			require.Equal(t, uint64(batch), resp.Version)
			require.Equal(t, expectedRoot(f, order...), resp.Root, "version %d", batch)

			stored, err := f.K.MerkleFrontiers.Get(f.Ctx, id)
			require.NoError(t, err)
			require.Equal(t, uint64(len(order)), stored.LeafCount)
			require.LessOrEqual(t, len(stored.Branch), merkle.Depth)
		}
		// Earlier versions keep their roots.
		v2, err := f.K.GetVersion(f.Ctx, id, 2)
		require.NoError(t, err)
		require.Equal(t, expectedRoot(f, order[:3]...), v2.Root)
		require.Equal(t, uint64(3), v2.LeafCount)
	})

	keepertest.Run(t, "Success - rejection burns the deposit and makes no version", newFixture, func(t *testing.T, f *fixture) {
		id := f.createDatanet(nil)
		cid := f.submit(f.alice, id, "spam")
		supply := f.bank.Supply().AmountOf(denom)
		before := f.balance(f.alice.Addr)

		resp := f.review(f.owner, id, reject(cid, "spam"))
		require.Equal(t, []uint64{cid}, resp.RejectedIds)
		require.Zero(t, resp.Version)
		require.Empty(t, resp.Root)

		c := f.contribution(cid)
		require.Equal(t, types.CONTRIBUTION_STATUS_REJECTED, c.Status)
		require.Equal(t, types.DEPOSIT_OUTCOME_BURNED, c.DepositOutcome)
		require.Equal(t, "spam", c.Reason)
		require.Equal(t, before, f.balance(f.alice.Addr))
		require.Equal(t, supply.Sub(f.params().ContributionDeposit.Amount), f.bank.Supply().AmountOf(denom))
		require.True(t, f.moduleBalance().IsZero())
		require.Zero(t, f.datanet(id).CurrentVersion)
		require.Empty(t, keepertest.EventsOfType(f.Ctx, "openledger.datanet.v1.EventVersionCreated"))
	})

	keepertest.Run(t, "Success - rejection returns the deposit when the param says so", newFixture, func(t *testing.T, f *fixture) {
		keepertest.SetParams(f, func(p *types.Params) { p.RejectedDeposit = types.REJECTED_DEPOSIT_POLICY_RETURN })
		id := f.createDatanet(nil)
		cid := f.submit(f.alice, id, "not quite")
		before := f.balance(f.alice.Addr)
		f.review(f.owner, id, reject(cid, "needs sources"))
		require.Equal(t, types.DEPOSIT_OUTCOME_RETURNED, f.contribution(cid).DepositOutcome)
		require.Equal(t, before.Add(f.params().ContributionDeposit.Amount), f.balance(f.alice.Addr))
	})

	keepertest.Run(t, "Success - duplicate content in one batch: the first accepted keeps it", newFixture, func(t *testing.T, f *fixture) {
		id := f.createDatanet(nil)
		first := f.submit(f.alice, id, "same row")
		second := f.submit(f.bob, id, "same row")
		other := f.submit(f.bob, id, "other row")
		bobBefore := f.balance(f.bob.Addr)

		resp := f.review(f.owner, id, accept(second), accept(first), accept(other))
		require.Equal(t, []uint64{second, other}, resp.AcceptedIds)
		require.Equal(t, []uint64{first}, resp.RejectedIds)
		require.Equal(t, expectedRoot(f, second, other), resp.Root)

		dup := f.contribution(first)
		require.Equal(t, types.CONTRIBUTION_STATUS_REJECTED, dup.Status)
		require.Equal(t, types.DuplicateContentReason, dup.Reason)
		require.Equal(t, types.DEPOSIT_OUTCOME_RETURNED, dup.DepositOutcome)
		require.Equal(t, bobBefore.Add(f.params().ContributionDeposit.Amount.MulRaw(2)), f.balance(f.bob.Addr))
	})

	keepertest.Run(t, "Success - pending duplicate of content accepted earlier is rejected", newFixture, func(t *testing.T, f *fixture) {
		id := f.createDatanet(nil)
		first := f.submit(f.alice, id, "same row")
		late := f.submit(f.bob, id, "same row")
		f.review(f.owner, id, accept(first))

		resp := f.review(f.owner, id, accept(late))
		require.Empty(t, resp.AcceptedIds)
		require.Zero(t, resp.Version, "a batch of duplicates makes no version")
		require.Equal(t, types.DuplicateContentReason, f.contribution(late).Reason)
		require.Equal(t, uint64(1), f.datanet(id).CurrentVersion)
	})

	keepertest.Run(t, "Success - curator reviews under curator-set-reviews", newFixture, func(t *testing.T, f *fixture) {
		id := f.createDatanet(func(m *types.MsgCreateDatanet) { m.CurationPolicy = types.CURATION_POLICY_CURATOR_SET_REVIEWS })
		keepertest.MustDeliver(f.Chain(), f.Msgs.SetCurators, &types.MsgSetCurators{Owner: f.owner.Str, DatanetId: id, Curators: []string{f.carol.Str}})
		c1 := f.submit(f.alice, id, "one")
		c2 := f.submit(f.alice, id, "two")
		f.review(f.carol, id, accept(c1))
		f.review(f.owner, id, accept(c2))
		require.Equal(t, f.carol.Str, f.contribution(c1).Reviewer)
		require.Equal(t, uint64(2), f.datanet(id).CurrentVersion)
	})

	keepertest.Run(t, "Success - a full batch", newFixture, func(t *testing.T, f *fixture) {
		id := f.createDatanet(nil)
		decisions := make([]types.ReviewDecision, types.MaxReviewBatch)
		for i := range decisions {
			decisions[i] = types.ReviewDecision{ContributionId: f.submit(f.alice, id, fmt.Sprintf("row %d", i)), Accept: i%3 != 0, Reason: "ok"}
		}
		resp := f.review(f.owner, id, decisions...)
		require.Len(t, resp.AcceptedIds, 66)
		require.Len(t, resp.RejectedIds, 34)
		require.Equal(t, expectedRoot(f, resp.AcceptedIds...), resp.Root)
	})

	cases := []keepertest.Failure[func(f *fixture, m *types.MsgReviewContributions)]{
		{Name: "Failure - reviewing someone else's Datanet", Make: func(f *fixture, m *types.MsgReviewContributions) { m.Reviewer = f.stranger.Str }, Want: types.ErrNotReviewer},
		{Name: "Failure - curator under owner-reviews", Make: func(f *fixture, m *types.MsgReviewContributions) {
			_, err := keepertest.Deliver(f.Chain(), f.Msgs.SetCurators, &types.MsgSetCurators{Owner: f.owner.Str, DatanetId: m.DatanetId, Curators: []string{f.carol.Str}})
			require.NoError(f.T, err)
			m.Reviewer = f.carol.Str
		}, Want: types.ErrNotReviewer},
		{Name: "Failure - the contributor reviewing their own work", Make: func(f *fixture, m *types.MsgReviewContributions) { m.Reviewer = f.alice.Str }, Want: types.ErrNotReviewer},
		{Name: "Failure - empty batch", Make: func(_ *fixture, m *types.MsgReviewContributions) { m.Decisions = nil }, Want: types.ErrInvalidReviewBatch},
		{Name: "Failure - batch too large", Make: func(_ *fixture, m *types.MsgReviewContributions) {
			m.Decisions = make([]types.ReviewDecision, types.MaxReviewBatch+1)
		}, Want: types.ErrInvalidReviewBatch},
		{Name: "Failure - same contribution twice", Make: func(_ *fixture, m *types.MsgReviewContributions) {
			m.Decisions = append(m.Decisions, reject(m.Decisions[0].ContributionId, ""))
		}, Want: types.ErrInvalidReviewBatch},
		{Name: "Failure - reviewing an accepted contribution", Make: func(f *fixture, m *types.MsgReviewContributions) {
			f.review(f.owner, m.DatanetId, accept(m.Decisions[1].ContributionId))
		}, Want: types.ErrContributionNotPending},
		{Name: "Failure - reviewing a withdrawn contribution", Make: func(f *fixture, m *types.MsgReviewContributions) {
			_, err := keepertest.Deliver(f.Chain(), f.Msgs.WithdrawContribution, &types.MsgWithdrawContribution{Contributor: f.alice.Str, ContributionId: m.Decisions[1].ContributionId})
			require.NoError(f.T, err)
		}, Want: types.ErrContributionNotPending},
		{Name: "Failure - contribution of another Datanet", Make: func(f *fixture, m *types.MsgReviewContributions) {
			other := f.createDatanet(nil)
			m.Decisions = append(m.Decisions, accept(f.submit(f.alice, other, "elsewhere")))
		}, Want: types.ErrWrongDatanet},
		{Name: "Failure - unknown contribution", Make: func(_ *fixture, m *types.MsgReviewContributions) {
			m.Decisions = append(m.Decisions, accept(1000))
		}, Want: types.ErrContributionNotFound},
		{Name: "Failure - unknown Datanet", Make: func(_ *fixture, m *types.MsgReviewContributions) { m.DatanetId = 77 }, Want: types.ErrDatanetNotFound},
		{Name: "Failure - archived Datanet", Make: func(f *fixture, m *types.MsgReviewContributions) {
			_, err := keepertest.Deliver(f.Chain(), f.Msgs.ArchiveDatanet, &types.MsgArchiveDatanet{Owner: f.owner.Str, DatanetId: m.DatanetId})
			require.NoError(f.T, err)
		}, Want: types.ErrDatanetArchived},
		{Name: "Failure - reason too long", Make: func(_ *fixture, m *types.MsgReviewContributions) {
			m.Decisions[1].Reason = strings.Repeat("r", types.MaxReasonLength+1)
		}, Want: types.ErrInvalidReason},
		{Name: "Failure - reason with a newline", Make: func(_ *fixture, m *types.MsgReviewContributions) { m.Decisions[0].Reason = "a\nb" }, Want: types.ErrInvalidReason},
		{Name: "Failure - invalid reviewer", Make: func(_ *fixture, m *types.MsgReviewContributions) { m.Reviewer = "open" }, Want: types.ErrInvalidAddress},
	}
	keepertest.RunBroken(t, cases, func(t testing.TB) (*fixture, *types.MsgReviewContributions) {
		f := newFixture(t)
		id := f.createDatanet(nil)
		c1 := f.submit(f.alice, id, "one")
		c2 := f.submit(f.alice, id, "two")
		// The first decision is valid: a failure later in the batch must
		// leave it unapplied too.
		return f, &types.MsgReviewContributions{
			Reviewer: f.owner.Str, DatanetId: id,
			Decisions: []types.ReviewDecision{accept(c1), reject(c2, "duplicate of upstream")},
		}
	}, types.MsgServer.ReviewContributions)
}
