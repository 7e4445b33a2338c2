package keeper_test

import (
	"encoding/binary"
	"encoding/hex"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestStoreKeyLayout pins the raw key of every collection, built here by hand
// rather than with the collections codecs, so that a change of prefix, key
// type or key order breaks this test instead of a running chain.
func TestStoreKeyLayout(t *testing.T) {
	f := newFixture(t)
	base := f.register(baseMsg(f.owner))                // 1
	f.register(adapterMsg(f.alice, base, f.ds1, f.ds2)) // 2

	u64 := func(v uint64) []byte { return binary.BigEndian.AppendUint64(nil, v) }
	// Variable-length keys that are not last carry a length byte.
	addr := func(a account) []byte { return append([]byte{byte(len(a.addr))}, a.addr...) }
	key := func(parts ...[]byte) string { return hex.EncodeToString(slices.Concat(parts...)) }

	want := []string{
		key([]byte{0x01}),                        // params
		key([]byte{0x02}),                        // next model id
		key([]byte{0x03}, u64(1)),                // model 1
		key([]byte{0x03}, u64(2)),                // model 2
		key([]byte{0x04}, addr(f.owner), u64(1)), // models by owner
		key([]byte{0x04}, addr(f.alice), u64(2)), //
		key([]byte{0x05}, u64(1), u64(2)),        // models by base: only the adapter
		key([]byte{0x06}, u64(1), u64(2)),        // models by datanet: one entry per datanet
		key([]byte{0x06}, u64(2), u64(2)),        //
	}
	slices.Sort(want)

	var got []string
	for _, kv := range f.chain.Snapshot().KV {
		got = append(got, hex.EncodeToString(kv[0]))
	}
	require.Equal(t, want, got)

	// The sequence holds the next id.
	require.Equal(t, u64(3), f.ctx.KVStore(f.key).Get([]byte{0x02}))
}
