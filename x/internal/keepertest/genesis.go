package keepertest

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/gogoproto/proto"

	"cosmossdk.io/core/header"

	"github.com/cosmos/cosmos-sdk/codec"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	"github.com/cosmos/cosmos-sdk/testutil"

	"github.com/openledger/openledger/x/internal/modulekit"
)

// RequireSameStore checks that two stores hold the same keys and values: a
// state imported from genesis is the state that was exported.
func RequireSameStore(t *testing.T, want, got storetypes.KVStore) {
	t.Helper()
	require.Equal(t, dump(want), dump(got))
}

func dump(s storetypes.KVStore) [][2]string {
	var out [][2]string
	it := s.Iterator(nil, nil)
	defer it.Close()
	for ; it.Valid(); it.Next() {
		out = append(out, [2]string{string(it.Key()), string(it.Value())})
	}
	return out
}

// RequireJSONRoundTrip encodes a genesis state as JSON with the module's
// codec, decodes it into decoded and checks that it encodes the same again.
func RequireJSONRoundTrip(t *testing.T, cdc codec.JSONCodec, exported, decoded proto.Message) {
	t.Helper()
	bz, err := cdc.MarshalJSON(exported)
	require.NoError(t, err)
	require.NoError(t, cdc.UnmarshalJSON(bz, decoded))
	again, err := cdc.MarshalJSON(decoded)
	require.NoError(t, err)
	require.Equal(t, string(bz), string(again))
}

// Fresh is an empty store like s, with its key name, codecs and authority
// and a context at the block of s's context: where a test imports a
// genesis state that s exported.
func (s Store) Fresh(t testing.TB) Store {
	t.Helper()
	key := storetypes.NewKVStoreKey(s.Key.Name())
	info := s.Ctx.HeaderInfo()
	ctx := testutil.DefaultContextWithDB(t, key, storetypes.NewTransientStoreKey("transient_test")).Ctx.
		WithBlockHeight(info.Height).WithBlockTime(info.Time).WithHeaderInfo(header.Info{Height: info.Height, Time: info.Time})
	s.Key, s.Ctx = key, ctx
	return s
}

// GenesisKeeper imports and exports a module's genesis state G.
type GenesisKeeper[G any] interface {
	InitGenesis(ctx context.Context, gs G) error
	ExportGenesis(ctx context.Context) (*G, error)
}

// RequireGenesisRoundTrip checks exported, the genesis state exported from
// the store from: it is valid; imported into a fresh store by the keeper
// build makes there, it exports the same again and leaves the fresh store
// with the same raw keys and values as from; and its JSON encoding in the
// module's codec decodes to a valid state that encodes the same. It returns
// the fresh store and its keeper, for the module's own checks.
func RequireGenesisRoundTrip[G any, PG modulekit.GenesisState[G], K GenesisKeeper[G]](
	t *testing.T, from Store, exported PG, build func(Store) K,
) (Store, K) {
	t.Helper()
	require.NoError(t, exported.Validate(from.AddressCodec))
	to := from.Fresh(t)
	k := build(to)
	require.NoError(t, k.InitGenesis(to.Ctx, *exported))
	again, err := k.ExportGenesis(to.Ctx)
	require.NoError(t, err)
	require.Equal(t, exported, PG(again))
	RequireSameStore(t, from.Ctx.KVStore(from.Key), to.Ctx.KVStore(to.Key))

	decoded := PG(new(G))
	RequireJSONRoundTrip(t, from.Codec, exported, decoded)
	require.NoError(t, decoded.Validate(from.AddressCodec))
	return to, k
}
