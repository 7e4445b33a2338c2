package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/openledger/openledger/x/internal/keepertest"
	"github.com/openledger/openledger/x/modelreg/types"
)

func ids(ms []types.Model) []uint64 {
	out := []uint64{}
	for _, m := range ms {
		out = append(out, m.Id)
	}
	return out
}

func TestQueries(t *testing.T) {
	f := newFixture(t)
	base := f.register(baseMsg(f.owner))                      // 1
	a1 := f.register(adapterMsg(f.alice, base, f.ds1))        // 2
	a2 := f.register(adapterMsg(f.owner, base, f.ds2))        // 3
	a3 := f.register(adapterMsg(f.alice, base, f.ds1, f.ds2)) // 4
	other := f.register(baseMsg(f.bob))                       // 5

	t.Run("Success - params", func(t *testing.T) {
		resp, err := f.Queries.Params(f.Ctx, &types.QueryParamsRequest{})
		require.NoError(t, err)
		require.Equal(t, types.DefaultParams(), resp.Params)
	})
	t.Run("Success - model", func(t *testing.T) {
		resp, err := f.Queries.Model(f.Ctx, &types.QueryModelRequest{ModelId: a1})
		require.NoError(t, err)
		require.Equal(t, f.model(a1), resp.Model)
	})
	t.Run("Failure - unknown model", func(t *testing.T) {
		_, err := f.Queries.Model(f.Ctx, &types.QueryModelRequest{ModelId: 42})
		require.ErrorIs(t, err, types.ErrModelNotFound)
	})
	t.Run("Success - all models, paged", func(t *testing.T) {
		resp, err := f.Queries.Models(f.Ctx, &types.QueryModelsRequest{Pagination: &query.PageRequest{Limit: 3}})
		require.NoError(t, err)
		require.Equal(t, []uint64{1, 2, 3}, ids(resp.Models))
		resp, err = f.Queries.Models(f.Ctx, &types.QueryModelsRequest{Pagination: &query.PageRequest{Key: resp.Pagination.NextKey}})
		require.NoError(t, err)
		require.Equal(t, []uint64{4, other}, ids(resp.Models))
	})
	t.Run("Success - models by owner", func(t *testing.T) {
		resp, err := f.Queries.Models(f.Ctx, &types.QueryModelsRequest{Owner: f.alice.Str})
		require.NoError(t, err)
		require.Equal(t, []uint64{a1, a3}, ids(resp.Models))
	})
	t.Run("Failure - models by invalid owner", func(t *testing.T) {
		_, err := f.Queries.Models(f.Ctx, &types.QueryModelsRequest{Owner: "nobody"})
		require.ErrorIs(t, err, types.ErrInvalidRequest)
	})
	t.Run("Success - models by base, paged", func(t *testing.T) {
		resp, err := f.Queries.ModelsByBase(f.Ctx, &types.QueryModelsByBaseRequest{BaseModelId: base, Pagination: &query.PageRequest{Limit: 2}})
		require.NoError(t, err)
		require.Equal(t, []uint64{a1, a2}, ids(resp.Models))
		resp, err = f.Queries.ModelsByBase(f.Ctx, &types.QueryModelsByBaseRequest{BaseModelId: base, Pagination: &query.PageRequest{Key: resp.Pagination.NextKey}})
		require.NoError(t, err)
		require.Equal(t, []uint64{a3}, ids(resp.Models))
		resp, err = f.Queries.ModelsByBase(f.Ctx, &types.QueryModelsByBaseRequest{BaseModelId: other})
		require.NoError(t, err)
		require.Empty(t, resp.Models)
	})
	t.Run("Failure - models by base 0", func(t *testing.T) {
		_, err := f.Queries.ModelsByBase(f.Ctx, &types.QueryModelsByBaseRequest{})
		require.ErrorIs(t, err, types.ErrInvalidRequest)
	})
	t.Run("Success - models by datanet", func(t *testing.T) {
		resp, err := f.Queries.ModelsByDatanet(f.Ctx, &types.QueryModelsByDatanetRequest{DatanetId: 1})
		require.NoError(t, err)
		require.Equal(t, []uint64{a1, a3}, ids(resp.Models))
		resp, err = f.Queries.ModelsByDatanet(f.Ctx, &types.QueryModelsByDatanetRequest{DatanetId: 2})
		require.NoError(t, err)
		require.Equal(t, []uint64{a2, a3}, ids(resp.Models))
	})
	t.Run("Failure - models by datanet 0 and nil requests", func(t *testing.T) {
		_, err := f.Queries.ModelsByDatanet(f.Ctx, &types.QueryModelsByDatanetRequest{})
		require.ErrorIs(t, err, types.ErrInvalidRequest)
		_, err = f.Queries.Lineage(f.Ctx, nil)
		require.ErrorIs(t, err, types.ErrInvalidRequest)
	})
}

// TestLineage builds six generations: base B1 trained on ds1; fine-tune F of
// B1 on ds2; then versions V1..V4 of an adapter of B1, each superseding the
// last, each adding a dataset; and checks the transitive answer.
func TestLineage(t *testing.T) {
	f := newFixture(t)
	ds3 := f.datanets.add(3, 1)
	ds4 := f.datanets.add(1, 2)

	b := baseMsg(f.owner)
	b.Training = types.TrainingRecord{Datasets: []types.DatasetRef{f.ds1}, Method: "full"}
	b1 := f.register(b) // 1

	prev := uint64(0)
	var chain []uint64
	for i, ds := range [][]types.DatasetRef{{f.ds2}, {ds3}, {ds4}, {f.ds1}, {f.ds2, ds3}} {
		msg := adapterMsg(f.owner, b1, ds...)
		msg.PreviousVersionId = prev
		msg.Name = "adapter v" + string(rune('1'+i))
		prev = f.register(msg)
		chain = append(chain, prev)
	}
	last := chain[len(chain)-1] // 6: five generations of previous versions, plus the base

	t.Run("Success - ancestors and datasets, deduplicated and ordered", func(t *testing.T) {
		resp, err := f.Queries.Lineage(f.Ctx, &types.QueryLineageRequest{ModelId: last})
		require.NoError(t, err)
		require.Equal(t, []uint64{5, 4, 3, 2, 1}, ids(resp.Ancestors))
		require.Equal(t, []types.DatasetRef{f.ds1, ds4, f.ds2, ds3}, resp.Datasets)
		l, err := f.K.Lineage(f.Ctx, f.model(last))
		require.NoError(t, err)
		// Generations are breadth-first levels: the base is one level up
		// (directly, and again through every version), adapter v1 four.
		require.Equal(t, 4, l.Depth)
	})

	t.Run("Success - a base model has no ancestors", func(t *testing.T) {
		resp, err := f.Queries.Lineage(f.Ctx, &types.QueryLineageRequest{ModelId: b1})
		require.NoError(t, err)
		require.Empty(t, resp.Ancestors)
		require.Equal(t, []types.DatasetRef{f.ds1}, resp.Datasets)
	})

	t.Run("Failure - unknown model", func(t *testing.T) {
		_, err := f.Queries.Lineage(f.Ctx, &types.QueryLineageRequest{ModelId: 99})
		require.ErrorIs(t, err, types.ErrModelNotFound)
	})

	t.Run("Failure - a reference to a later model is a cycle", func(t *testing.T) {
		m := f.model(2)
		m.PreviousVersionId = last
		require.NoError(t, f.K.Models.Set(f.Ctx, 2, m))
		_, err := f.Queries.Lineage(f.Ctx, &types.QueryLineageRequest{ModelId: last})
		require.ErrorIs(t, err, types.ErrLineageCycle)
	})
}

// TestLineageDepthLimit checks that a chain of previous versions stops at
// MaxLineageDepth generations.
func TestLineageDepthLimit(t *testing.T) {
	f := newFixture(t)
	keepertest.SetParams(f, func(p *types.Params) {
		p.RegistrationFee.Amount = p.RegistrationFee.Amount.SubRaw(1).AddRaw(1).QuoRaw(1_000_000)
	})
	prev := uint64(0)
	for i := 0; i <= types.MaxLineageDepth; i++ {
		msg := baseMsg(f.owner)
		msg.PreviousVersionId = prev
		prev = f.register(msg)
	}
	l, err := f.K.Lineage(f.Ctx, f.model(prev))
	require.NoError(t, err)
	require.Equal(t, types.MaxLineageDepth, l.Depth)

	msg := baseMsg(f.owner)
	msg.PreviousVersionId = prev
	keepertest.RequireFailsUnchanged(f.Chain(), f.Msgs.RegisterModel, msg, types.ErrLineageTooDeep)
}
