package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/openledger/openledger/x/attribution/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

func TestClaimRewards(t *testing.T) {
	keepertest.Run(t, "Success - pays everything final in one transfer", newFixture, func(t *testing.T, f *fixture) {
		for i := 0; i < 3; i++ {
			f.record(f.validInput())
		}
		f.endBlockAt(startTime.Add(types.DefaultChallengeWindow))
		f.record(f.validInput()) // still pending: not claimable
		before := f.balance(f.alice.Addr)

		resp := keepertest.MustDeliver(f.Chain(), f.Msgs.ClaimRewards, &types.MsgClaimRewards{Claimant: f.alice.Str})
		require.Equal(t, math.NewInt(3*540_001), resp.Amount.Amount)
		require.Equal(t, before.AddRaw(3*540_001), f.balance(f.alice.Addr))
		pending, claimable := f.rewards(f.alice)
		require.Equal(t, math.NewInt(540_001), pending)
		require.True(t, claimable.IsZero())
		require.Len(t, keepertest.EventsOfType(f.Ctx, "openledger.attribution.v1.EventRewardsClaimed"), 1)

		// A second claim finds nothing.
		keepertest.RequireFailsUnchanged(f.Chain(), f.Msgs.ClaimRewards, &types.MsgClaimRewards{Claimant: f.alice.Str}, types.ErrNothingToClaim)
	})

	keepertest.Run(t, "Failure - nothing claimable while rewards are pending", newFixture, func(t *testing.T, f *fixture) {
		f.record(f.validInput())
		keepertest.RequireFailsUnchanged(f.Chain(), f.Msgs.ClaimRewards, &types.MsgClaimRewards{Claimant: f.alice.Str}, types.ErrNothingToClaim)
	})

	keepertest.Run(t, "Failure - invalid claimant", newFixture, func(t *testing.T, f *fixture) {
		keepertest.RequireFailsUnchanged(f.Chain(), f.Msgs.ClaimRewards, &types.MsgClaimRewards{Claimant: "open1bad"}, types.ErrInvalidAddress)
	})
}
