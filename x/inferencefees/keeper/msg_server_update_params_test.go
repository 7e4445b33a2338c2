package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/openledger/openledger/x/inferencefees/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

func TestUpdateParams(t *testing.T) {
	t.Run("Success - the authority changes the split", func(t *testing.T) {
		f := newFixture(t)
		p := types.DefaultParams()
		p.BurnBps, p.DataContributorsBps = 0, 2500
		_, err := keepertest.Deliver(f.chain, f.msgs.UpdateParams, &types.MsgUpdateParams{Authority: f.authority, Params: p})
		require.NoError(t, err)
		require.Equal(t, p, f.params())
		require.Len(t, keepertest.EventsOfType(f.ctx, "openledger.inferencefees.v1.EventParamsUpdated"), 1)
	})
	t.Run("Failure - not the authority", func(t *testing.T) {
		f := newFixture(t)
		keepertest.RequireFailsUnchanged(f.chain, f.msgs.UpdateParams, &types.MsgUpdateParams{Authority: f.alice.str, Params: types.DefaultParams()}, sdkerrors.ErrUnauthorized)
	})
	t.Run("Failure - shares do not sum to 10,000", func(t *testing.T) {
		f := newFixture(t)
		p := types.DefaultParams()
		p.BurnBps++
		keepertest.RequireFailsUnchanged(f.chain, f.msgs.UpdateParams, &types.MsgUpdateParams{Authority: f.authority, Params: p}, types.ErrInvalidParams)
	})
}
