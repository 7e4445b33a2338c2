package modulekit

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	errorsmod "cosmossdk.io/errors"

	"github.com/cosmos/cosmos-sdk/codec/address"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

var errTestAddress = errorsmod.Register("modulekit_test", 2, "invalid address")

func TestIsNil(t *testing.T) {
	var nilPointer *int
	var nilPool CommunityPool
	require.True(t, IsNil(nil))
	require.True(t, IsNil(nilPointer))
	require.True(t, IsNil(nilPool))
	require.False(t, IsNil(3))
	require.False(t, IsNil(&struct{}{}))
}

func TestParseAddress(t *testing.T) {
	ac := address.NewBech32Codec("open")
	bz := sdk.AccAddress([]byte("twenty-byte-address!"))
	canonical, err := ac.BytesToString(bz)
	require.NoError(t, err)

	gotBytes, gotString, err := ParseAddress(ac, errTestAddress, "owner", canonical)
	require.NoError(t, err)
	require.Equal(t, bz, gotBytes)
	require.Equal(t, canonical, gotString)

	for _, bad := range []string{"", "cosmos1xyz", "open1notbech32"} {
		_, _, err := ParseAddress(ac, errTestAddress, "owner", bad)
		require.ErrorIs(t, err, errTestAddress, bad)
	}
}

type recorder struct {
	burned, pooled sdk.Coins
}

func (r *recorder) BurnCoins(_ context.Context, _ string, amounts sdk.Coins) error {
	r.burned = r.burned.Add(amounts...)
	return nil
}

func (r *recorder) FundCommunityPool(_ sdk.Context, amount sdk.Coins, _ sdk.AccAddress) error {
	r.pooled = r.pooled.Add(amount...)
	return nil
}

func TestRouteFee(t *testing.T) {
	ctx := sdk.Context{}.WithContext(context.Background())
	fee := sdk.NewInt64Coin("aopen", 7)

	r := &recorder{}
	require.NoError(t, RouteFee(ctx, r, r, "m", nil, fee, false))
	require.Equal(t, sdk.NewCoins(fee), r.burned)
	require.True(t, r.pooled.Empty())

	r = &recorder{}
	require.NoError(t, RouteFee(ctx, r, r, "m", nil, fee, true))
	require.Equal(t, sdk.NewCoins(fee), r.pooled)
	require.True(t, r.burned.Empty())

	r = &recorder{}
	require.NoError(t, RouteFee(ctx, r, r, "m", nil, sdk.NewInt64Coin("aopen", 0), false))
	require.True(t, r.burned.Empty() && r.pooled.Empty())
}

func TestRequests(t *testing.T) {
	errInvalid := errorsmod.Register("modulekit_test", 2, "invalid query request")
	errAddress := errorsmod.Register("modulekit_test", 3, "invalid address")
	r := NewRequests(errInvalid, address.NewBech32Codec("open"), errAddress)
	var none *struct{}
	req := &struct{}{}

	require.ErrorIs(t, r.NeedID(none, "model_id", 1), errInvalid)
	require.EqualError(t, r.NeedID(req, "model_id", 0), "model_id must be set: invalid query request")
	require.NoError(t, r.NeedID(req, "model_id", 1))
	_, err := r.NeedAddress(none, "owner", "")
	require.Equal(t, r.ErrNil, err)
	_, err = r.NeedAddress(req, "owner", "nobody")
	require.ErrorIs(t, err, errInvalid)

	resp, err := Respond(req, nil)
	require.NoError(t, err)
	require.Same(t, req, resp)
	resp, err = Respond(req, errInvalid)
	require.ErrorIs(t, err, errInvalid)
	require.Nil(t, resp)
}
