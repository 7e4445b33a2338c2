package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

func TestArchiveDatanet(t *testing.T) {
	keepertest.Run(t, "Success - pending contributions closed and refunded, accepted ones kept", newFixture, func(t *testing.T, f *fixture) {
		id := f.createDatanet(nil)
		accepted := f.submit(f.alice, id, "row one")
		f.review(f.owner, id, accept(accepted))
		p1 := f.submit(f.alice, id, "row two")
		p2 := f.submit(f.bob, id, "row three")
		deposit := f.params().ContributionDeposit.Amount
		require.Equal(t, deposit.MulRaw(2), f.moduleBalance())
		aliceBefore, bobBefore := f.balance(f.alice.Addr), f.balance(f.bob.Addr)

		resp := keepertest.MustDeliver(f.Chain(), f.Msgs.ArchiveDatanet, &types.MsgArchiveDatanet{Owner: f.owner.Str, DatanetId: id})
		require.Equal(t, []uint64{p1, p2}, resp.ClosedContributionIds)

		d := f.datanet(id)
		require.Equal(t, types.DATANET_STATUS_ARCHIVED, d.Status)
		require.Equal(t, uint64(1), d.CurrentVersion, "versions survive archiving")
		for _, pid := range []uint64{p1, p2} {
			c := f.contribution(pid)
			require.Equal(t, types.CONTRIBUTION_STATUS_WITHDRAWN, c.Status)
			require.Equal(t, types.DEPOSIT_OUTCOME_RETURNED, c.DepositOutcome)
			require.Equal(t, types.ArchivedReason, c.Reason)
		}
		require.Equal(t, types.CONTRIBUTION_STATUS_ACCEPTED, f.contribution(accepted).Status)
		require.True(t, f.moduleBalance().IsZero())
		require.Equal(t, aliceBefore.Add(deposit), f.balance(f.alice.Addr))
		require.Equal(t, bobBefore.Add(deposit), f.balance(f.bob.Addr))
		require.Len(t, keepertest.EventsOfType(f.Ctx, "openledger.datanet.v1.EventDatanetArchived"), 1)
		require.Len(t, keepertest.EventsOfType(f.Ctx, "openledger.datanet.v1.EventContributionWithdrawn"), 2)

		// The current version can still be proven.
		_, err := f.Queries.MembershipProof(f.Ctx, &types.QueryMembershipProofRequest{ContributionId: accepted})
		require.NoError(t, err)
	})

	cases := ownerFailures(func(m *types.MsgArchiveDatanet) (*string, *uint64) { return &m.Owner, &m.DatanetId })
	keepertest.RunBroken(t, cases, func(t testing.TB) (*fixture, *types.MsgArchiveDatanet) {
		f := newFixture(t)
		id := f.createDatanet(nil)
		f.submit(f.alice, id, "pending row")
		return f, &types.MsgArchiveDatanet{Owner: f.owner.Str, DatanetId: id}
	}, types.MsgServer.ArchiveDatanet)
}
