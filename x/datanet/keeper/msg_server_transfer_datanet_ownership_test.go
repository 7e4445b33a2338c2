package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

func TestTransferDatanetOwnership(t *testing.T) {
	keepertest.Run(t, "Success - new owner in charge, leaves the curator set, owner index follows", newFixture, func(t *testing.T, f *fixture) {
		id := f.createDatanet(nil)
		keepertest.MustDeliver(f.Chain(), f.Msgs.SetCurators, &types.MsgSetCurators{
			Owner: f.owner.Str, DatanetId: id, Curators: []string{f.alice.Str, f.bob.Str},
		})

		keepertest.MustDeliver(f.Chain(), f.Msgs.TransferDatanetOwnership, &types.MsgTransferDatanetOwnership{
			Owner: f.owner.Str, DatanetId: id, NewOwner: f.alice.Str,
		})
		d := f.datanet(id)
		require.Equal(t, f.alice.Str, d.Owner)
		require.Equal(t, []string{f.bob.Str}, d.Curators)
		require.Len(t, keepertest.EventsOfType(f.Ctx, "openledger.datanet.v1.EventDatanetOwnershipTransferred"), 1)

		for _, c := range []struct {
			owner string
			want  int
		}{{f.owner.Str, 0}, {f.alice.Str, 1}} {
			resp, err := f.Queries.Datanets(f.Ctx, &types.QueryDatanetsRequest{Owner: c.owner})
			require.NoError(t, err)
			require.Len(t, resp.Datanets, c.want, c.owner)
		}

		// The previous owner has no rights left; the new one has them all.
		msg := &types.MsgArchiveDatanet{Owner: f.owner.Str, DatanetId: id}
		keepertest.RequireFailsUnchanged(f.Chain(), f.Msgs.ArchiveDatanet, msg, types.ErrNotDatanetOwner)
		msg.Owner = f.alice.Str
		keepertest.MustDeliver(f.Chain(), f.Msgs.ArchiveDatanet, msg)
	})

	cases := append(ownerFailures(func(m *types.MsgTransferDatanetOwnership) (*string, *uint64) { return &m.Owner, &m.DatanetId }),
		[]keepertest.Failure[func(f *fixture, m *types.MsgTransferDatanetOwnership)]{
			{Name: "Failure - to the current owner", Make: func(f *fixture, m *types.MsgTransferDatanetOwnership) { m.NewOwner = f.owner.Str }, Want: types.ErrInvalidNewOwner},
			{Name: "Failure - invalid new owner", Make: func(_ *fixture, m *types.MsgTransferDatanetOwnership) { m.NewOwner = "open1xyz" }, Want: types.ErrInvalidNewOwner},
			{Name: "Failure - empty new owner", Make: func(_ *fixture, m *types.MsgTransferDatanetOwnership) { m.NewOwner = "" }, Want: types.ErrInvalidNewOwner},
		}...)
	keepertest.RunBroken(t, cases, func(t testing.TB) (*fixture, *types.MsgTransferDatanetOwnership) {
		f := newFixture(t)
		id := f.createDatanet(nil)
		return f, &types.MsgTransferDatanetOwnership{Owner: f.owner.Str, DatanetId: id, NewOwner: f.carol.Str}
	}, types.MsgServer.TransferDatanetOwnership)
}
