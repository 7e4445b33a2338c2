package types_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/openledger/openledger/ai/llm/influence"
	"github.com/openledger/openledger/x/attribution/types"
)

func TestSplitReward(t *testing.T) {
	entries := []types.SplitEntry{
		{ContributionID: 1, Ppm: 333_333, Contributor: "alice", DatanetOwner: "zed"},
		{ContributionID: 2, Ppm: 333_333, Contributor: "bob", DatanetOwner: "amy"},
		{ContributionID: 5, Ppm: 333_333, Contributor: "alice", DatanetOwner: "zed"},
	}
	payouts, unattributed := types.SplitReward(math.NewInt(1_000_000_007), entries, 1500)
	// share = floor(1,000,000,007 * 333,333 / 1e6) = 333,333,002; owner cut
	// floor(share * 0.15) = 49,999,950; contributor 283,333,052.
	require.Equal(t, []types.Payout{
		{Recipient: "alice", ContributionId: 1, Amount: math.NewInt(283_333_052)},
		{Recipient: "bob", ContributionId: 2, Amount: math.NewInt(283_333_052)},
		{Recipient: "alice", ContributionId: 5, Amount: math.NewInt(283_333_052)},
		{Recipient: "amy", ContributionId: 0, Amount: math.NewInt(49_999_950)},
		{Recipient: "zed", ContributionId: 0, Amount: math.NewInt(99_999_900)},
	}, payouts)
	require.Equal(t, math.NewInt(1_000_000_007-3*333_333_002), unattributed)
	require.Equal(t, math.NewInt(1_000_000_007), types.SumPayouts(payouts).Add(unattributed))

	t.Run("Success - whole share to the owner", func(t *testing.T) {
		p, u := types.SplitReward(math.NewInt(100), entries[:1], 10_000)
		require.Equal(t, []types.Payout{{Recipient: "zed", Amount: math.NewInt(33)}}, p)
		require.Equal(t, math.NewInt(67), u)
	})
	t.Run("Success - zero reward pays nothing", func(t *testing.T) {
		p, u := types.SplitReward(math.ZeroInt(), entries, 1000)
		require.Empty(t, p)
		require.True(t, u.IsZero())
	})
	t.Run("Success - full weight, no owner share", func(t *testing.T) {
		p, u := types.SplitReward(math.NewInt(7), []types.SplitEntry{{ContributionID: 1, Ppm: 1_000_000, Contributor: "a", DatanetOwner: "o"}}, 0)
		require.Equal(t, []types.Payout{{Recipient: "a", ContributionId: 1, Amount: math.NewInt(7)}}, p)
		require.True(t, u.IsZero())
	})
}

func TestValidateWeights(t *testing.T) {
	w := func(pairs ...uint64) []types.ContributionWeight {
		var out []types.ContributionWeight
		for i := 0; i < len(pairs); i += 2 {
			out = append(out, types.ContributionWeight{ContributionId: pairs[i], Ppm: uint32(pairs[i+1])})
		}
		return out
	}
	require.NoError(t, types.ValidateWeights(nil, 1))
	require.NoError(t, types.ValidateWeights(w(1, 500_000, 2, 500_000), 2))
	require.ErrorIs(t, types.ValidateWeights(w(1, 1, 2, 1), 1), types.ErrTooManyWeights)
	require.ErrorIs(t, types.ValidateWeights(w(2, 1, 1, 1), 2), types.ErrWeightsNotAscending)
	require.ErrorIs(t, types.ValidateWeights(w(1, 0), 2), types.ErrZeroWeight)
	require.ErrorIs(t, types.ValidateWeights(w(1, 1_000_001), 2), types.ErrWeightTooLarge)
	require.ErrorIs(t, types.ValidateWeights(w(1, 500_001, 2, 500_000), 2), types.ErrWeightsSumTooLarge)
	require.ErrorIs(t, types.ValidateWeights(w(0, 1), 2), types.ErrUnknownContribution)
	require.True(t, types.EqualWeights(w(1, 2), w(1, 2)))
	require.False(t, types.EqualWeights(w(1, 2), w(1, 3)))
	require.False(t, types.EqualWeights(w(1, 2), nil))
}

func TestValidateMethod(t *testing.T) {
	// influence.Method is what gradient attribution writes.
	for _, ok := range []string{"suffix-array-v1", "infini-gram.v2", "a", influence.Method} {
		require.NoError(t, types.ValidateMethod(ok))
	}
	for _, bad := range []string{"", "Suffix", "suffix array", "x_y", "abcdefghijklmnopqrstuvwxyz0123456"} {
		require.ErrorIs(t, types.ValidateMethod(bad), types.ErrInvalidMethod, bad)
	}
}
