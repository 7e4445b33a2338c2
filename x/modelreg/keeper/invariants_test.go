package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/openledger/openledger/x/internal/keepertest"
	"github.com/openledger/openledger/x/modelreg/keeper"
	"github.com/openledger/openledger/x/modelreg/types"
)

func TestInvariants(t *testing.T) {
	keepertest.Run(t, "Success - registered models hold", withBaseModel, func(t *testing.T, f *fixture) {
		base := baseModelID
		f.register(adapterMsg(f.alice, base, f.ds1))
		_, broken := keeper.AllInvariants(f.K)(f.Ctx)
		require.False(t, broken)
	})
	keepertest.Run(t, "Failure - base model missing", withBaseModel, func(t *testing.T, f *fixture) {
		base := baseModelID
		id := f.register(adapterMsg(f.alice, base, f.ds1))
		m := f.model(id)
		m.BaseModelId = 7
		require.NoError(t, f.K.Models.Set(f.Ctx, id, m))
		msg, broken := keeper.AllInvariants(f.K)(f.Ctx)
		require.True(t, broken)
		require.Contains(t, msg, "model 7")
	})
	keepertest.Run(t, "Failure - base model not of kind base", withBaseModel, func(t *testing.T, f *fixture) {
		base := baseModelID
		id := f.register(adapterMsg(f.alice, base, f.ds1))
		m := f.model(base)
		m.Kind = types.MODEL_KIND_FULL_FINE_TUNE
		require.NoError(t, f.K.Models.Set(f.Ctx, base, m))
		_, broken := keeper.AllInvariants(f.K)(f.Ctx)
		require.True(t, broken, "model %d", id)
	})
}
