package keepertest

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/gogoproto/proto"

	"github.com/cosmos/cosmos-sdk/codec"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
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
