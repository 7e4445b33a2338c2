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
