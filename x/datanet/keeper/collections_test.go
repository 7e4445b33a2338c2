package keeper_test

import (
	"encoding/binary"
	"encoding/hex"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/openledger/openledger/x/datanet/types"
)

// TestStoreKeyLayout pins the raw key of every collection, built here by hand
// rather than with the collections codecs, so that a change of prefix, key
// type or key order breaks this test instead of a running chain.
func TestStoreKeyLayout(t *testing.T) {
	f := newFixture(t)
	id := f.createDatanet(func(m *types.MsgCreateDatanet) { m.Tags = []string{"qa"} })
	c1 := f.submit(f.alice, id, "accepted row")
	f.submit(f.alice, id, "pending row")
	f.review(f.owner, id, accept(c1))
	_, hash := content("accepted row")

	u64 := func(v uint64) []byte { return binary.BigEndian.AppendUint64(nil, v) }
	// int32 keys are big-endian with the sign bit flipped.
	status := func(s types.ContributionStatus) []byte {
		b := binary.BigEndian.AppendUint32(nil, uint32(s))
		b[0] ^= 0x80
		return b
	}
	// Variable-length keys that are not last carry a length byte (bytes) or
	// a 0x00 terminator (strings).
	addr := func(a account) []byte { return append([]byte{byte(len(a.addr))}, a.addr...) }
	key := func(parts ...[]byte) string { return hex.EncodeToString(slices.Concat(parts...)) }

	want := []string{
		key([]byte{0x01}),                           // params
		key([]byte{0x02}),                           // next datanet id
		key([]byte{0x03}, u64(1)),                   // datanet 1
		key([]byte{0x04}, addr(f.owner), u64(1)),    // datanets by owner
		key([]byte{0x05}, []byte("qa\x00"), u64(1)), // datanets by tag
		key([]byte{0x06}),                           // next contribution id
		key([]byte{0x07}, u64(1)),                   // contribution 1
		key([]byte{0x07}, u64(2)),                   // contribution 2
		key([]byte{0x08}, u64(1), u64(1)),           // contributions by datanet
		key([]byte{0x08}, u64(1), u64(2)),           //
		key([]byte{0x09}, u64(1), status(types.CONTRIBUTION_STATUS_PENDING), u64(2)),  // by datanet and status
		key([]byte{0x09}, u64(1), status(types.CONTRIBUTION_STATUS_ACCEPTED), u64(1)), //
		key([]byte{0x0a}, addr(f.alice), u64(1)),                                      // contributions by contributor
		key([]byte{0x0a}, addr(f.alice), u64(2)),                                      //
		key([]byte{0x0b}, u64(1), hash),                                               // accepted content (hash is the last key part)
		key([]byte{0x0c}, u64(1), u64(0)),                                             // accepted order: leaf 0
		key([]byte{0x0d}, u64(1)),                                                     // merkle frontier
		key([]byte{0x0e}, u64(1), u64(1)),                                             // version 1
	}
	slices.Sort(want)

	var got []string
	for _, kv := range f.chain.Snapshot().KV {
		got = append(got, hex.EncodeToString(kv[0]))
	}
	require.Equal(t, want, got)

	// Values that are not protobuf: sequences hold the next id, the
	// accepted-content and accepted-order maps hold contribution ids.
	store := f.ctx.KVStore(f.key)
	require.Equal(t, u64(2), store.Get([]byte{0x02}))
	require.Equal(t, u64(3), store.Get([]byte{0x06}))
	require.Equal(t, u64(c1), store.Get(slices.Concat([]byte{0x0b}, u64(1), hash)))
	require.Equal(t, u64(c1), store.Get(slices.Concat([]byte{0x0c}, u64(1), u64(0))))
}
