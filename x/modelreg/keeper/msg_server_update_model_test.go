package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/openledger/openledger/x/internal/keepertest"
	"github.com/openledger/openledger/x/modelreg/types"
)

func updateMsg(owner account, id uint64) *types.MsgUpdateModel {
	return &types.MsgUpdateModel{
		Owner: owner.Str, ModelId: id, Name: "Llama 3 8B (v2 card)", Architecture: "llama-3-8b",
		EvalMetrics: []types.Metric{{Name: "gsm8k", Value: "0.512300"}, {Name: "mmlu", Value: "0.670000"}},
		License:     "MIT",
		Price:       types.Price{PerCall: math.NewInt(2000), Per_1KTokens: math.ZeroInt()},
	}
}

func TestUpdateModel(t *testing.T) {
	keepertest.Run(t, "Success - metadata and price replaced", withBaseModel, func(t *testing.T, f *fixture) {
		id := baseModelID
		f.Ctx = f.Ctx.WithHeaderInfo(headerAt(startHeight + 5))
		keepertest.MustDeliver(f.Chain(), f.Msgs.UpdateModel, updateMsg(f.owner, id))
		m := f.model(id)
		require.Equal(t, "MIT", m.License)
		require.Equal(t, math.NewInt(2000), m.Price.PerCall)
		require.Len(t, m.EvalMetrics, 2)
		require.Equal(t, int64(startHeight+5), m.UpdatedHeight)
		require.Equal(t, int64(startHeight), m.CreatedHeight)
		require.Len(t, keepertest.EventsOfType(f.Ctx, "openledger.modelreg.v1.EventModelUpdated"), 1)
	})

	failures := []keepertest.Failure[func(f *fixture, m *types.MsgUpdateModel)]{
		{Name: "Failure - not the owner", Make: func(f *fixture, m *types.MsgUpdateModel) { m.Owner = f.alice.Str }, Want: types.ErrNotModelOwner},
		{Name: "Failure - unknown model", Make: func(_ *fixture, m *types.MsgUpdateModel) { m.ModelId = 9 }, Want: types.ErrModelNotFound},
		{Name: "Failure - revoked model", Make: func(f *fixture, _ *types.MsgUpdateModel) { f.setStatus(1, types.MODEL_STATUS_REVOKED) }, Want: types.ErrModelRevoked},
		{Name: "Failure - empty name", Make: func(_ *fixture, m *types.MsgUpdateModel) { m.Name = "" }, Want: types.ErrInvalidName},
		{Name: "Failure - absurd price", Make: func(_ *fixture, m *types.MsgUpdateModel) {
			m.Price.PerCall = types.DefaultMaxPrice.MulRaw(2)
		}, Want: types.ErrInvalidPrice},
		{Name: "Failure - duplicate metric", Make: func(_ *fixture, m *types.MsgUpdateModel) {
			m.EvalMetrics = []types.Metric{{Name: "mmlu", Value: "0.100000"}, {Name: "mmlu", Value: "0.200000"}}
		}, Want: types.ErrInvalidMetrics},
	}
	keepertest.RunBroken(t, failures, func(t testing.TB) (*fixture, *types.MsgUpdateModel) {
		f := newFixture(t)
		id := f.register(baseMsg(f.owner))
		return f, updateMsg(f.owner, id)
	}, types.MsgServer.UpdateModel)
}
