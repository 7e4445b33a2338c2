package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	errorsmod "cosmossdk.io/errors"

	"github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

func TestTransferDatanetOwnership(t *testing.T) {
	t.Run("Success - new owner in charge, leaves the curator set, owner index follows", func(t *testing.T) {
		f := newFixture(t)
		id := f.createDatanet(nil)
		_, err := keepertest.Deliver(f.chain, f.msgs.SetCurators, &types.MsgSetCurators{
			Owner: f.owner.str, DatanetId: id, Curators: []string{f.alice.str, f.bob.str},
		})
		require.NoError(t, err)

		_, err = keepertest.Deliver(f.chain, f.msgs.TransferDatanetOwnership, &types.MsgTransferDatanetOwnership{
			Owner: f.owner.str, DatanetId: id, NewOwner: f.alice.str,
		})
		require.NoError(t, err)
		d := f.datanet(id)
		require.Equal(t, f.alice.str, d.Owner)
		require.Equal(t, []string{f.bob.str}, d.Curators)
		require.Len(t, keepertest.EventsOfType(f.ctx, "openledger.datanet.v1.EventDatanetOwnershipTransferred"), 1)

		for _, c := range []struct {
			owner string
			want  int
		}{{f.owner.str, 0}, {f.alice.str, 1}} {
			resp, err := f.queries.Datanets(f.ctx, &types.QueryDatanetsRequest{Owner: c.owner})
			require.NoError(t, err)
			require.Len(t, resp.Datanets, c.want, c.owner)
		}

		// The previous owner has no rights left; the new one has them all.
		msg := &types.MsgArchiveDatanet{Owner: f.owner.str, DatanetId: id}
		keepertest.RequireFailsUnchanged(f.chain, f.msgs.ArchiveDatanet, msg, types.ErrNotDatanetOwner)
		msg.Owner = f.alice.str
		_, err = keepertest.Deliver(f.chain, f.msgs.ArchiveDatanet, msg)
		require.NoError(t, err)
	})

	cases := []struct {
		name   string
		mutate func(f *fixture, m *types.MsgTransferDatanetOwnership)
		want   *errorsmod.Error
	}{
		{"Failure - to the current owner", func(f *fixture, m *types.MsgTransferDatanetOwnership) { m.NewOwner = f.owner.str }, types.ErrInvalidNewOwner},
		{"Failure - invalid new owner", func(_ *fixture, m *types.MsgTransferDatanetOwnership) { m.NewOwner = "open1xyz" }, types.ErrInvalidNewOwner},
		{"Failure - empty new owner", func(_ *fixture, m *types.MsgTransferDatanetOwnership) { m.NewOwner = "" }, types.ErrInvalidNewOwner},
		{"Failure - not the owner", func(f *fixture, m *types.MsgTransferDatanetOwnership) { m.Owner = f.bob.str }, types.ErrNotDatanetOwner},
		{"Failure - unknown Datanet", func(_ *fixture, m *types.MsgTransferDatanetOwnership) { m.DatanetId = 5 }, types.ErrDatanetNotFound},
		{"Failure - archived Datanet", func(f *fixture, m *types.MsgTransferDatanetOwnership) {
			_, err := keepertest.Deliver(f.chain, f.msgs.ArchiveDatanet, &types.MsgArchiveDatanet{Owner: f.owner.str, DatanetId: m.DatanetId})
			require.NoError(f.t, err)
		}, types.ErrDatanetArchived},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			id := f.createDatanet(nil)
			msg := &types.MsgTransferDatanetOwnership{Owner: f.owner.str, DatanetId: id, NewOwner: f.carol.str}
			tc.mutate(f, msg)
			keepertest.RequireFailsUnchanged(f.chain, f.msgs.TransferDatanetOwnership, msg, tc.want)
		})
	}
}
