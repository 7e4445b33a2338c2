package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

func TestWithdrawContribution(t *testing.T) {
	keepertest.Run(t, "Success - deposit returned, fee kept", newFixture, func(t *testing.T, f *fixture) {
		id := f.createDatanet(nil)
		before := f.balance(f.alice.Addr)
		cid := f.submit(f.alice, id, "a row")
		fee := f.contribution(cid).FeePaid.Amount

		resp := keepertest.MustDeliver(f.Chain(), f.Msgs.WithdrawContribution, &types.MsgWithdrawContribution{Contributor: f.alice.Str, ContributionId: cid})
		require.Equal(t, f.params().ContributionDeposit, resp.DepositReturned)
		require.Equal(t, before.Sub(fee), f.balance(f.alice.Addr))
		require.True(t, f.moduleBalance().IsZero())

		c := f.contribution(cid)
		require.Equal(t, types.CONTRIBUTION_STATUS_WITHDRAWN, c.Status)
		require.Equal(t, types.DEPOSIT_OUTCOME_RETURNED, c.DepositOutcome)
		require.Equal(t, int64(startHeight), c.ResolvedHeight)
		require.Len(t, keepertest.EventsOfType(f.Ctx, "openledger.datanet.v1.EventContributionWithdrawn"), 1)
	})

	cases := []keepertest.Failure[func(f *fixture, m *types.MsgWithdrawContribution)]{
		{Name: "Failure - not the contributor", Make: func(f *fixture, m *types.MsgWithdrawContribution) { m.Contributor = f.owner.Str }, Want: types.ErrNotContributor},
		{Name: "Failure - unknown contribution", Make: func(_ *fixture, m *types.MsgWithdrawContribution) { m.ContributionId = 9 }, Want: types.ErrContributionNotFound},
		{Name: "Failure - already accepted", Make: func(f *fixture, m *types.MsgWithdrawContribution) {
			f.review(f.owner, 1, accept(m.ContributionId))
		}, Want: types.ErrContributionNotPending},
		{Name: "Failure - already rejected", Make: func(f *fixture, m *types.MsgWithdrawContribution) {
			f.review(f.owner, 1, reject(m.ContributionId, "off topic"))
		}, Want: types.ErrContributionNotPending},
		{Name: "Failure - already withdrawn", Make: func(f *fixture, m *types.MsgWithdrawContribution) {
			_, err := keepertest.Deliver(f.Chain(), f.Msgs.WithdrawContribution, &types.MsgWithdrawContribution{Contributor: m.Contributor, ContributionId: m.ContributionId})
			require.NoError(f.T, err)
		}, Want: types.ErrContributionNotPending},
		{Name: "Failure - invalid signer", Make: func(_ *fixture, m *types.MsgWithdrawContribution) { m.Contributor = "x" }, Want: types.ErrInvalidAddress},
	}
	keepertest.RunBroken(t, cases, func(t testing.TB) (*fixture, *types.MsgWithdrawContribution) {
		f := newFixture(t)
		id := f.createDatanet(nil)
		cid := f.submit(f.alice, id, "a row")
		return f, &types.MsgWithdrawContribution{Contributor: f.alice.Str, ContributionId: cid}
	}, types.MsgServer.WithdrawContribution)
}
