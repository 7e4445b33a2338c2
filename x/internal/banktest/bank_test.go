package banktest_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/openledger/openledger/x/internal/banktest"
)

func coins(n int64) sdk.Coins { return sdk.NewCoins(sdk.NewCoin("aopen", sdkmath.NewInt(n))) }

func TestBankConservesAndRefuses(t *testing.T) {
	ctx := context.Background()
	b := banktest.New("burner")
	alice := sdk.AccAddress("alice_______________")
	b.Mint(alice, coins(100))

	require.NoError(t, b.SendCoinsFromAccountToModule(ctx, alice, "burner", coins(60)))
	require.NoError(t, b.SendCoinsFromModuleToModule(ctx, "burner", "other", coins(10)))
	require.ErrorIs(t, b.BurnCoins(ctx, "other", coins(1)), sdkerrors.ErrUnauthorized)
	require.ErrorIs(t, b.SendCoinsFromAccountToModule(ctx, alice, "burner", coins(41)), sdkerrors.ErrInsufficientFunds)

	before := b.Clone()
	require.True(t, before.Equal(b))
	require.NoError(t, b.BurnCoins(ctx, "burner", coins(50)))
	require.False(t, before.Equal(b))

	require.Equal(t, coins(50), b.Supply())
	require.Equal(t, b.Supply(), b.Total())
	require.Equal(t, coins(40), b.Balance(alice))
	require.Equal(t, coins(10), b.ModuleBalance("other"))
	require.True(t, b.ModuleBalance("burner").IsZero())
}

func TestSetBalanceKeepsSupplyInStep(t *testing.T) {
	b := banktest.New()
	alice := sdk.AccAddress("alice_______________")
	bob := sdk.AccAddress("bob_________________")
	b.Mint(alice, coins(100))
	b.Mint(bob, coins(5))

	b.SetBalance(alice, coins(30))
	require.Equal(t, coins(30), b.Balance(alice))
	require.Equal(t, coins(35), b.Supply())
	require.Equal(t, b.Supply(), b.Total())

	b.SetBalance(alice, nil)
	require.True(t, b.Balance(alice).IsZero())
	require.Equal(t, coins(5), b.Supply())
	require.Equal(t, b.Supply(), b.Total())

	carol := sdk.AccAddress("carol_______________")
	b.SetBalance(carol, coins(7))
	require.Equal(t, coins(7), b.Balance(carol))
	require.Equal(t, coins(12), b.Supply())
	require.Equal(t, b.Supply(), b.Total())
}

func TestBalancesAreSortedByAddress(t *testing.T) {
	b := banktest.New()
	require.Empty(t, b.Balances())
	carol := sdk.AccAddress("carol_______________")
	alice := sdk.AccAddress("alice_______________")
	bob := sdk.AccAddress("bob_________________")
	b.Mint(carol, coins(3))
	b.Mint(alice, coins(1))
	b.Mint(bob, coins(2))
	require.NoError(t, b.Send(bob, alice, coins(2))) // bob keeps a zero balance

	require.Equal(t, []banktest.AccountBalance{
		{Address: alice, Coins: coins(3)},
		{Address: bob, Coins: b.Balance(bob)},
		{Address: carol, Coins: coins(3)},
	}, b.Balances())
	require.True(t, b.Balances()[1].Coins.IsZero())
}
