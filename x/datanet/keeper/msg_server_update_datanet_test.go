package keeper_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

func updateMsg(owner account, id uint64) *types.MsgUpdateDatanet {
	return &types.MsgUpdateDatanet{
		Owner: owner.Str, DatanetId: id,
		Name: "Clinical Q&A", Summary: "Now with citations", Description: "## v2\n",
		Tags: []string{"qa", "clinical"}, License: "CC-BY-SA-4.0",
		Visibility: types.VISIBILITY_PRIVATE, CurationPolicy: types.CURATION_POLICY_CURATOR_SET_REVIEWS,
	}
}

func TestUpdateDatanet(t *testing.T) {
	keepertest.Run(t, "Success - metadata replaced and tag index follows", newFixture, func(t *testing.T, f *fixture) {
		id := f.createDatanet(nil)
		balance := f.balance(f.owner.Addr)
		f.Ctx = f.Ctx.WithBlockHeight(startHeight + 5).WithHeaderInfo(headerAt(startHeight + 5))

		keepertest.MustDeliver(f.Chain(), f.Msgs.UpdateDatanet, updateMsg(f.owner, id))

		d := f.datanet(id)
		require.Equal(t, "Clinical Q&A", d.Name)
		require.Equal(t, "Now with citations", d.Summary)
		require.Equal(t, []string{"qa", "clinical"}, d.Tags)
		require.Equal(t, "CC-BY-SA-4.0", d.License)
		require.Equal(t, types.VISIBILITY_PRIVATE, d.Visibility)
		require.Equal(t, types.CURATION_POLICY_CURATOR_SET_REVIEWS, d.CurationPolicy)
		require.Equal(t, int64(startHeight), d.CreatedHeight)
		require.Equal(t, int64(startHeight+5), d.UpdatedHeight)
		require.Equal(t, balance, f.balance(f.owner.Addr), "updates are free")

		for _, c := range []struct {
			tag  string
			want bool
		}{{"medical", false}, {"qa", true}, {"clinical", true}} {
			has, err := f.K.Datanets.Indexes.Tag.Has(f.Ctx, c.tag, id)
			require.NoError(t, err)
			require.Equal(t, c.want, has, c.tag)
		}
		require.Len(t, keepertest.EventsOfType(f.Ctx, "openledger.datanet.v1.EventDatanetUpdated"), 1)
	})

	cases := append(ownerFailures(func(m *types.MsgUpdateDatanet) (*string, *uint64) { return &m.Owner, &m.DatanetId }),
		[]keepertest.Failure[func(f *fixture, m *types.MsgUpdateDatanet)]{
			{Name: "Failure - empty name", Make: func(_ *fixture, m *types.MsgUpdateDatanet) { m.Name = "" }, Want: types.ErrInvalidName},
			{Name: "Failure - oversize description", Make: func(_ *fixture, m *types.MsgUpdateDatanet) {
				m.Description = strings.Repeat("x", types.MaxDescriptionLength+1)
			}, Want: types.ErrInvalidDescription},
			{Name: "Failure - bad tag", Make: func(_ *fixture, m *types.MsgUpdateDatanet) { m.Tags = []string{"no spaces"} }, Want: types.ErrInvalidTags},
			{Name: "Failure - unspecified visibility", Make: func(_ *fixture, m *types.MsgUpdateDatanet) { m.Visibility = 0 }, Want: types.ErrInvalidVisibility},
		}...)
	keepertest.RunBroken(t, cases, func(t testing.TB) (*fixture, *types.MsgUpdateDatanet) {
		f := newFixture(t)
		id := f.createDatanet(nil)
		return f, updateMsg(f.owner, id)
	}, types.MsgServer.UpdateDatanet)
}
