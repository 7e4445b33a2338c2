package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/openledger/openledger/x/bridge/keeper"
	"github.com/openledger/openledger/x/bridge/types"
)

func TestInvariants(t *testing.T) {
	requireBroken := func(t *testing.T, f *fixture, want string) {
		t.Helper()
		msg, broken := keeper.AllInvariants(f.K)(f.Ctx)
		require.True(t, broken)
		require.Contains(t, msg, want)
	}
	t.Run("Success - hold through every message", func(t *testing.T) {
		populated(t).CheckInvariants()
	})
	t.Run("Failure - coins in the escrow nobody accounted for", func(t *testing.T) {
		f := populated(t)
		escrow := authtypes.NewModuleAddress(types.ModuleName)
		f.bank.SetBalance(escrow, sdk.NewCoins(sdk.NewCoin(types.Denom, f.escrow().AddRaw(1))))
		requireBroken(t, f, "escrow")
	})
	t.Run("Failure - a pending total off its withdrawals", func(t *testing.T) {
		f := populated(t)
		require.NoError(t, f.K.PendingWithdrawals.Set(f.Ctx, open(1)))
		requireBroken(t, f, "escrow")
		require.NoError(t, f.K.L1Circulating.Set(f.Ctx, f.escrow().Sub(open(1))))
		requireBroken(t, f, "pending withdrawals")
	})
	t.Run("Failure - a checkpoint whose total is not its leaves'", func(t *testing.T) {
		f := populated(t)
		cp := f.checkpoint(2)
		cp.WithdrawalTotal = cp.WithdrawalTotal.AddRaw(1)
		require.NoError(t, f.K.Checkpoints.Set(f.Ctx, 2, cp))
		requireBroken(t, f, "withdrawal total")
	})
	t.Run("Failure - a gap in the checkpoints", func(t *testing.T) {
		f := populated(t)
		require.NoError(t, f.K.Checkpoints.Remove(f.Ctx, 1))
		requireBroken(t, f, "checkpoint 2 where 1 was next")
	})
	t.Run("Failure - a signature kept after acceptance", func(t *testing.T) {
		f := populated(t)
		require.NoError(t, f.K.L1AcceptedNonce.Set(f.Ctx, 2))
		require.NoError(t, f.K.PendingWithdrawals.Set(f.Ctx, open(2)))
		require.NoError(t, f.K.L1Circulating.Set(f.Ctx, f.escrow().Sub(open(2))))
		requireBroken(t, f, "signature of accepted checkpoint 2")
	})
}
