package keeper_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

func TestSetCurators(t *testing.T) {
	keepertest.Run(t, "Success - set, canonicalised, then cleared", newFixture, func(t *testing.T, f *fixture) {
		id := f.createDatanet(nil)
		keepertest.MustDeliver(f.Chain(), f.Msgs.SetCurators, &types.MsgSetCurators{
			Owner: f.owner.Str, DatanetId: id, Curators: []string{f.alice.Str, strings.ToUpper(f.bob.Str)},
		})
		require.Equal(t, []string{f.alice.Str, f.bob.Str}, f.datanet(id).Curators)
		require.Len(t, keepertest.EventsOfType(f.Ctx, "openledger.datanet.v1.EventCuratorsSet"), 1)

		keepertest.MustDeliver(f.Chain(), f.Msgs.SetCurators, &types.MsgSetCurators{Owner: f.owner.Str, DatanetId: id})
		require.Empty(t, f.datanet(id).Curators)
	})

	keepertest.Run(t, "Success - the maximum number of curators", newFixture, func(t *testing.T, f *fixture) {
		id := f.createDatanet(nil)
		keepertest.MustDeliver(f.Chain(), f.Msgs.SetCurators, &types.MsgSetCurators{
			Owner: f.owner.Str, DatanetId: id, Curators: manyAddresses(f, types.MaxCurators),
		})
		require.Len(t, f.datanet(id).Curators, types.MaxCurators)
	})

	cases := append(ownerFailures(func(m *types.MsgSetCurators) (*string, *uint64) { return &m.Owner, &m.DatanetId }),
		[]keepertest.Failure[func(f *fixture, m *types.MsgSetCurators)]{
			{Name: "Failure - too many curators", Make: func(f *fixture, m *types.MsgSetCurators) {
				m.Curators = manyAddresses(f, types.MaxCurators+1)
			}, Want: types.ErrInvalidCurators},
			{Name: "Failure - duplicate curator", Make: func(f *fixture, m *types.MsgSetCurators) {
				m.Curators = []string{f.alice.Str, strings.ToUpper(f.alice.Str)}
			}, Want: types.ErrInvalidCurators},
			{Name: "Failure - owner as curator", Make: func(f *fixture, m *types.MsgSetCurators) { m.Curators = []string{f.owner.Str} }, Want: types.ErrInvalidCurators},
			{Name: "Failure - invalid curator address", Make: func(_ *fixture, m *types.MsgSetCurators) { m.Curators = []string{"open1bad"} }, Want: types.ErrInvalidCurators},
		}...)
	keepertest.RunBroken(t, cases, func(t testing.TB) (*fixture, *types.MsgSetCurators) {
		f := newFixture(t)
		id := f.createDatanet(nil)
		return f, &types.MsgSetCurators{Owner: f.owner.Str, DatanetId: id, Curators: []string{f.alice.Str}}
	}, types.MsgServer.SetCurators)
}

// manyAddresses returns n distinct addresses.
func manyAddresses(f *fixture, n int) []string {
	out := make([]string, n)
	for i := range out {
		s, err := f.AddressCodec.BytesToString(sdk.AccAddress(fmt.Sprintf("curator-%012d", i)))
		require.NoError(f.T, err)
		out[i] = s
	}
	return out
}
