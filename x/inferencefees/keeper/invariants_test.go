package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/openledger/openledger/x/inferencefees/keeper"
	"github.com/openledger/openledger/x/inferencefees/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

func TestInvariants(t *testing.T) {
	setup := func(t testing.TB) *fixture {
		f := newFixture(t)
		f.deposit(f.alice, math.NewInt(1_000))
		keepertest.MustDeliver(f.Chain(), f.Msgs.RequestWithdrawal, &types.MsgRequestWithdrawal{User: f.alice.Str, Amount: coin(100)})
		keepertest.MustDeliver(f.Chain(), f.Msgs.SettleBatch, f.batch(1, 1, f.voucher(f.alice, f.node, math.NewInt(300), 1)))
		return f
	}
	t.Run("Success - hold after deposits, withdrawals and settlements", func(t *testing.T) {
		f := setup(t)
		_, broken := keeper.AllInvariants(f.K)(f.Ctx)
		require.False(t, broken)
	})
	t.Run("Failure - a credit without coins behind it", func(t *testing.T) {
		f := setup(t)
		c := f.credit(f.alice)
		c.Balance = c.Balance.AddRaw(1)
		require.NoError(t, f.K.Credits.Set(f.Ctx, f.alice.Addr, c))
		msg, broken := keeper.CreditBackingInvariant(f.K)(f.Ctx)
		require.True(t, broken)
		require.Contains(t, msg, "credit backing")
		_, broken = keeper.AllInvariants(f.K)(f.Ctx)
		require.True(t, broken)
	})
	t.Run("Failure - unbalanced totals", func(t *testing.T) {
		f := setup(t)
		tot := f.totals()
		tot.Burned = tot.Burned.AddRaw(1)
		require.NoError(t, f.K.Totals.Set(f.Ctx, tot))
		_, broken := keeper.TotalsInvariant(f.K)(f.Ctx)
		require.True(t, broken)
	})
	t.Run("Failure - pending sum differs from the withdrawals", func(t *testing.T) {
		f := setup(t)
		c := f.credit(f.alice)
		c.PendingWithdrawal = math.ZeroInt()
		require.NoError(t, f.K.Credits.Set(f.Ctx, f.alice.Addr, c))
		_, broken := keeper.PendingWithdrawalsInvariant(f.K)(f.Ctx)
		require.True(t, broken)
	})
}
