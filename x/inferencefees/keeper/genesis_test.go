package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/core/header"
	"cosmossdk.io/math"

	"github.com/openledger/openledger/x/inferencefees/keeper"
	"github.com/openledger/openledger/x/inferencefees/types"
	"github.com/openledger/openledger/x/internal/banktest"
	"github.com/openledger/openledger/x/internal/keepertest"
)

func TestGenesisRoundTrip(t *testing.T) {
	f := newFixture(t)
	f.deposit(f.alice, math.NewInt(1_000))
	f.deposit(f.bob, math.NewInt(2_000))
	keepertest.MustDeliver(f.Chain(), f.Msgs.RequestWithdrawal, &types.MsgRequestWithdrawal{User: f.alice.Str, Amount: coin(100)})
	keepertest.MustDeliver(f.Chain(), f.Msgs.RequestWithdrawal, &types.MsgRequestWithdrawal{User: f.bob.Str, Amount: coin(200)})
	keepertest.MustDeliver(f.Chain(), f.Msgs.SettleBatch, f.batch(1, 5, f.voucher(f.alice, f.node, math.NewInt(300), 1), f.voucher(f.bob, f.node, math.NewInt(400), 2)))

	exported, err := f.K.ExportGenesis(f.Ctx)
	require.NoError(t, err)
	require.Len(t, exported.Credits, 2)
	require.Len(t, exported.Withdrawals, 2)
	require.Len(t, exported.Channels, 2)
	require.Equal(t, uint64(3), exported.NextWithdrawalId)

	// Import into a fresh store whose bank holds the same coins.
	to, k2 := keepertest.RequireGenesisRoundTrip(t, f.Store, exported, f.freshKeeper)
	ctx := to.Ctx
	_, broken := keeper.AllInvariants(k2)(ctx)
	require.False(t, broken)

	// The queue was rebuilt: the withdrawals mature in the new store.
	later := startTime.Add(2 * time.Hour)
	ctx = ctx.WithHeaderInfo(header.Info{Height: startHeight + 1, Time: later})
	require.NoError(t, k2.EndBlock(ctx))
	c, err := k2.GetCredit(ctx, f.alice.Addr)
	require.NoError(t, err)
	require.Equal(t, math.NewInt(600), c.Balance)

	t.Run("Failure - module account does not hold the credits", func(t *testing.T) {
		empty := f.Fresh(t)
		noFunds := &fixture{bank: &bank{Bank: banktest.New(types.ModuleName)}, models: f.models, nodes: f.nodes, attr: f.attr}
		k3 := noFunds.freshKeeper(empty)
		require.ErrorIs(t, k3.InitGenesis(empty.Ctx, *exported), types.ErrInvalidGenesis)
	})
}
