package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/attribution/keeper"
	"github.com/openledger/openledger/x/attribution/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

func TestInvariants(t *testing.T) {
	keepertest.Run(t, "Success - every status holds", newFixture, func(t *testing.T, f *fixture) {
		richState(f)
		msg, broken := keeper.AllInvariants(f.K)(f.Ctx)
		require.False(t, broken, msg)
	})

	cases := []struct {
		name   string
		mutate func(f *fixture)
		want   string
	}{
		{"Failure - coins leave the module account", func(f *fixture) {
			require.NoError(f.T, f.bank.SendCoinsFromModuleToAccount(f.Ctx, types.ModuleName, f.bob.Addr,
				sdk.NewCoins(sdk.NewCoin(denom, math.NewInt(1)))))
		}, "funds invariant"},
		{"Failure - claimable without funds", func(f *fixture) {
			require.NoError(f.T, f.K.Claimable.Set(f.Ctx, f.bob.Addr, math.NewInt(5)))
		}, "funds invariant"},
		{"Failure - pending total off by one", func(f *fixture) {
			require.NoError(f.T, f.K.Pending.Set(f.Ctx, f.bob.Addr, math.NewInt(225_001)))
		}, "pending invariant"},
		{"Failure - pending total without payouts", func(f *fixture) {
			require.NoError(f.T, f.K.Pending.Set(f.Ctx, f.node.Addr, math.NewInt(1)))
		}, "pending invariant"},
		{"Failure - pending total missing", func(f *fixture) {
			require.NoError(f.T, f.K.Pending.Remove(f.Ctx, f.bob.Addr))
		}, "pending invariant"},
		{"Failure - pending record out of the queue", func(f *fixture) {
			r := f.getRecord(1)
			require.NoError(f.T, f.K.RecordQueue.Remove(f.Ctx, collections.Join(r.ChallengeDeadline.UnixNano(), r.Id)))
		}, "queues invariant"},
		{"Failure - stray queue entry", func(f *fixture) {
			require.NoError(f.T, f.K.ChallengeQueue.Set(f.Ctx, collections.Join(int64(5), uint64(9))))
		}, "queues invariant"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			f.record(f.validInput())
			tc.mutate(f)
			msg, broken := keeper.AllInvariants(f.K)(f.Ctx)
			require.True(t, broken)
			require.Contains(t, msg, tc.want)
		})
	}
}
