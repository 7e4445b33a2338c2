package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	errorsmod "cosmossdk.io/errors"

	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/openledger/openledger/x/attribution/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

func TestUpdateParams(t *testing.T) {
	t.Run("Success - authority sets params", func(t *testing.T) {
		f := newFixture(t)
		p := types.DefaultParams()
		p.ChallengeWindow = time.Hour
		p.UnattributedDestination = types.FUNDS_DESTINATION_BURN
		_, err := keepertest.Deliver(f.chain, f.msgs.UpdateParams, &types.MsgUpdateParams{Authority: f.authority, Params: p})
		require.NoError(t, err)
		require.Equal(t, p, f.params())
		require.Len(t, keepertest.EventsOfType(f.ctx, "openledger.attribution.v1.EventParamsUpdated"), 1)
	})

	failures := []struct {
		name   string
		signer func(f *fixture) string
		mutate func(p *types.Params)
		want   *errorsmod.Error
	}{
		{"Failure - not the authority", func(f *fixture) string { return f.alice.str }, func(*types.Params) {}, sdkerrors.ErrUnauthorized},
		{"Failure - zero window", func(f *fixture) string { return f.authority }, func(p *types.Params) { p.ChallengeWindow = 0 }, types.ErrInvalidParams},
		{"Failure - quorum of half", func(f *fixture) string { return f.authority }, func(p *types.Params) { p.QuorumBps = 5000 }, types.ErrInvalidParams},
		{
			"Failure - unspecified destination", func(f *fixture) string { return f.authority },
			func(p *types.Params) { p.OverturnedDestination = types.FUNDS_DESTINATION_UNSPECIFIED }, types.ErrInvalidParams,
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
