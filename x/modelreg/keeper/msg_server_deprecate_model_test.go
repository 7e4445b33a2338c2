package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	errorsmod "cosmossdk.io/errors"

	"github.com/openledger/openledger/x/internal/keepertest"
	"github.com/openledger/openledger/x/modelreg/types"
)

func TestDeprecateModel(t *testing.T) {
	keepertest.Run(t, "Success - active model deprecated, no new adapter may use it", withBaseModel, func(t *testing.T, f *fixture) {
		id := baseModelID
		keepertest.MustDeliver(f.Chain(), f.Msgs.DeprecateModel, &types.MsgDeprecateModel{Owner: f.owner.Str, ModelId: id})
		require.Equal(t, types.MODEL_STATUS_DEPRECATED, f.model(id).Status)
		require.Len(t, keepertest.EventsOfType(f.Ctx, "openledger.modelreg.v1.EventModelDeprecated"), 1)
		keepertest.RequireFailsUnchanged(f.Chain(), f.Msgs.RegisterModel, adapterMsg(f.alice, id, f.ds1), types.ErrModelNotActive)
	})

	failures := []struct {
		name   string
		setup  func(f *fixture)
		signer func(f *fixture) account
		want   *errorsmod.Error
	}{
		{"Failure - not the owner", func(*fixture) {}, func(f *fixture) account { return f.alice }, types.ErrNotModelOwner},
		{
			"Failure - already deprecated", func(f *fixture) { f.setStatus(1, types.MODEL_STATUS_DEPRECATED) },
			func(f *fixture) account { return f.owner }, types.ErrModelNotActive,
		},
		{
			"Failure - revoked", func(f *fixture) { f.setStatus(1, types.MODEL_STATUS_REVOKED) },
			func(f *fixture) account { return f.owner }, types.ErrModelRevoked,
		},
	}
	for _, tc := range failures {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			id := f.register(baseMsg(f.owner))
			tc.setup(f)
			keepertest.RequireFailsUnchanged(f.Chain(), f.Msgs.DeprecateModel, &types.MsgDeprecateModel{Owner: tc.signer(f).Str, ModelId: id}, tc.want)
		})
	}
}
