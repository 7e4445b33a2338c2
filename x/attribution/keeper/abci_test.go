package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/openledger/openledger/x/attribution/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

func TestEndBlockDeadlineQueue(t *testing.T) {
	keepertest.Run(t, "Success - a record waits for its deadline, then becomes final", newFixture, func(t *testing.T, f *fixture) {
		id := f.record(f.validInput())
		deadline := f.getRecord(id).ChallengeDeadline
		poolBefore := f.communityPool()

		f.endBlockAt(deadline.Add(-time.Nanosecond))
		require.Equal(t, types.RECORD_STATUS_PENDING, f.getRecord(id).Status)

		f.endBlockAt(deadline)
		r := f.getRecord(id)
		require.Equal(t, types.RECORD_STATUS_FINAL, r.Status)
		require.Equal(t, f.Ctx.BlockHeight(), r.ResolvedHeight)
		pending, claimable := f.rewards(f.alice)
		require.True(t, pending.IsZero())
		require.Equal(t, math.NewInt(540_001), claimable)
		_, claimable = f.rewards(f.owner)
		require.Equal(t, math.NewInt(75_000), claimable)
		// The unattributed part and the dust go to the community pool.
		require.Equal(t, poolBefore.AddRaw(150_002), f.communityPool())
		require.Equal(t, math.NewInt(1_000_003-150_002), f.moduleBalance())

		earned, err := f.Queries.ContributionEarnings(f.Ctx, &types.QueryContributionEarningsRequest{ContributionId: 1})
		require.NoError(t, err)
		require.Equal(t, math.NewInt(450_001), earned.Earned.Amount)
		addrEarned, err := f.Queries.AddressEarnings(f.Ctx, &types.QueryAddressEarningsRequest{Address: f.alice.Str})
		require.NoError(t, err)
		require.Equal(t, math.NewInt(540_001), addrEarned.Earned.Amount)
		require.Len(t, keepertest.EventsOfType(f.Ctx, "openledger.attribution.v1.EventRecordFinalized"), 1)

		// Nothing left in the queue: a later block changes nothing.
		before := f.Chain().Snapshot()
		f.endBlockAt(deadline.Add(time.Hour))
		f.Chain().RequireUnchanged(before)
	})

	keepertest.Run(t, "Success - records mature in deadline order across blocks", newFixture, func(t *testing.T, f *fixture) {
		var ids []uint64
		for i := 0; i < 4; i++ {
			f.setTime(startTime.Add(time.Duration(i) * time.Hour))
			ids = append(ids, f.record(f.validInput()))
		}
		window := types.DefaultChallengeWindow
		f.endBlockAt(startTime.Add(window + 90*time.Minute)) // records 1 and 2
		statuses := func() []types.RecordStatus {
			var out []types.RecordStatus
			for _, id := range ids {
				out = append(out, f.getRecord(id).Status)
			}
			return out
		}
		require.Equal(t, []types.RecordStatus{
			types.RECORD_STATUS_FINAL, types.RECORD_STATUS_FINAL,
			types.RECORD_STATUS_PENDING, types.RECORD_STATUS_PENDING,
		}, statuses())
		_, claimable := f.rewards(f.bob)
		require.Equal(t, math.NewInt(2*225_000), claimable)

		f.endBlockAt(startTime.Add(window + 10*time.Hour)) // the rest
		require.Equal(t, []types.RecordStatus{
			types.RECORD_STATUS_FINAL, types.RECORD_STATUS_FINAL,
			types.RECORD_STATUS_FINAL, types.RECORD_STATUS_FINAL,
		}, statuses())
		pending, claimable := f.rewards(f.bob)
		require.True(t, pending.IsZero())
		require.Equal(t, math.NewInt(4*225_000), claimable)
	})

	keepertest.Run(t, "Success - unattributed part burned by param", newFixture, func(t *testing.T, f *fixture) {
		keepertest.SetParams(f, func(p *types.Params) { p.UnattributedDestination = types.FUNDS_DESTINATION_BURN })
		id := f.record(f.validInput())
		supply := f.bank.Supply().AmountOf(denom)
		pool := f.communityPool()
		f.endBlockAt(f.getRecord(id).ChallengeDeadline)
		require.Equal(t, supply.SubRaw(150_002), f.bank.Supply().AmountOf(denom))
		require.Equal(t, pool, f.communityPool())
	})

	keepertest.Run(t, "Success - a new challenge window applies to new records only", newFixture, func(t *testing.T, f *fixture) {
		first := f.record(f.validInput())
		keepertest.SetParams(f, func(p *types.Params) { p.ChallengeWindow = time.Hour })
		second := f.record(f.validInput())
		f.endBlockAt(startTime.Add(time.Hour))
		require.Equal(t, types.RECORD_STATUS_PENDING, f.getRecord(first).Status)
		require.Equal(t, types.RECORD_STATUS_FINAL, f.getRecord(second).Status)
	})
}
