package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/openledger/openledger/x/agentstake/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

func TestUpdateParams(t *testing.T) {
	t.Run("Success - authority sets params", func(t *testing.T) {
		f := newFixture(t)
		p := types.DefaultParams()
		p.UnbondingPeriod = time.Hour
		p.MinStakeAttestor = math.NewInt(5)
		_, err := keepertest.Deliver(f.chain, f.msgs.UpdateParams, &types.MsgUpdateParams{Authority: f.authority, Params: p})
		require.NoError(t, err)
		got, err := f.k.Params.Get(f.ctx)
		require.NoError(t, err)
		require.Equal(t, p, got)
		require.Len(t, keepertest.EventsOfType(f.ctx, "openledger.agentstake.v1.EventParamsUpdated"), 1)
	})

	failures := []struct {
		name   string
		signer func(f *fixture) string
		mutate func(p *types.Params)
		want   *errorsmod.Error
	}{
		{"Failure - not the authority", func(f *fixture) string { return f.alice.str }, func(*types.Params) {}, sdkerrors.ErrUnauthorized},
		{
			"Failure - zero minimum stake", func(f *fixture) string { return f.authority },
			func(p *types.Params) { p.MinStakeServingNode = math.ZeroInt() }, types.ErrInvalidParams,
		},
		{
			"Failure - zero unbonding period", func(f *fixture) string { return f.authority },
			func(p *types.Params) { p.UnbondingPeriod = 0 }, types.ErrInvalidParams,
		},
		{
			"Failure - slash fraction above 100%", func(f *fixture) string { return f.authority },
			func(p *types.Params) { p.SlashBpsEquivocation = 10_001 }, types.ErrInvalidParams,
		},
		{
			"Failure - zero max unbonding entries", func(f *fixture) string { return f.authority },
			func(p *types.Params) { p.MaxUnbondingEntries = 0 }, types.ErrInvalidParams,
		},
	}
	for _, tc := range failures {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			p := types.DefaultParams()
			tc.mutate(&p)
			keepertest.RequireFailsUnchanged(f.chain, f.msgs.UpdateParams, &types.MsgUpdateParams{Authority: tc.signer(f), Params: p}, tc.want)
		})
	}
}
