package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

func TestUpdateParams(t *testing.T) {
	t.Run("Success - authority sets new params", func(t *testing.T) {
		f := newFixture(t)
		p := types.DefaultParams()
		p.FeeDestination = types.FEE_DESTINATION_COMMUNITY_POOL
		p.RejectedDeposit = types.REJECTED_DEPOSIT_POLICY_RETURN
		p.MaxInlineBytes = 1024
		p.CreationFee = sdk.NewInt64Coin(denom, 0)

		_, err := keepertest.Deliver(f.chain, f.msgs.UpdateParams, &types.MsgUpdateParams{Authority: f.authority, Params: p})
		require.NoError(t, err)
		require.Equal(t, p, f.params())
		require.Len(t, keepertest.EventsOfType(f.ctx, "openledger.datanet.v1.EventParamsUpdated"), 1)
	})

	cases := []struct {
		name   string
		mutate func(f *fixture, m *types.MsgUpdateParams)
		want   *errorsmod.Error
	}{
		{"Failure - not the authority", func(f *fixture, m *types.MsgUpdateParams) { m.Authority = f.owner.str }, sdkerrors.ErrUnauthorized},
		{"Failure - unspecified fee destination", func(_ *fixture, m *types.MsgUpdateParams) { m.Params.FeeDestination = 0 }, types.ErrInvalidParams},
		{"Failure - unspecified rejected deposit policy", func(_ *fixture, m *types.MsgUpdateParams) { m.Params.RejectedDeposit = 0 }, types.ErrInvalidParams},
		{"Failure - max_inline_bytes over the ceiling", func(_ *fixture, m *types.MsgUpdateParams) {
			m.Params.MaxInlineBytes = types.MaxInlineBytesCeiling + 1
		}, types.ErrInvalidParams},
		{"Failure - invalid fee denom", func(_ *fixture, m *types.MsgUpdateParams) { m.Params.FeePerByte.Denom = "?" }, types.ErrInvalidParams},
		{"Failure - negative deposit", func(_ *fixture, m *types.MsgUpdateParams) {
			m.Params.ContributionDeposit = sdk.Coin{Denom: denom, Amount: m.Params.ContributionDeposit.Amount.Neg()}
		}, types.ErrInvalidParams},
		{"Failure - creation fee without amount", func(_ *fixture, m *types.MsgUpdateParams) {
			m.Params.CreationFee = sdk.Coin{Denom: denom}
		}, types.ErrInvalidParams},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			msg := &types.MsgUpdateParams{Authority: f.authority, Params: types.DefaultParams()}
			tc.mutate(f, msg)
			keepertest.RequireFailsUnchanged(f.chain, f.msgs.UpdateParams, msg, tc.want)
		})
	}
}
