package keeper_test

import (
	"encoding/binary"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/keepertest"
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

	// int32 keys are big-endian with the sign bit flipped.
	status := func(s types.ContributionStatus) []byte {
		b := binary.BigEndian.AppendUint32(nil, uint32(s))
		b[0] ^= 0x80
		return b
	}
	// Variable-length keys that are not last carry a length byte (bytes) or
	// a 0x00 terminator (strings).
	addr := func(a account) []byte { return keepertest.LenPrefixed(a.Addr) }

	want := []string{
		keepertest.Key([]byte{0x01}),                                                                                   // params
		keepertest.Key([]byte{0x02}),                                                                                   // next datanet id
		keepertest.Key([]byte{0x03}, keepertest.U64(1)),                                                                // datanet 1
		keepertest.Key([]byte{0x04}, addr(f.owner), keepertest.U64(1)),                                                 // datanets by owner
		keepertest.Key([]byte{0x05}, []byte("qa\x00"), keepertest.U64(1)),                                              // datanets by tag
		keepertest.Key([]byte{0x06}),                                                                                   // next contribution id
		keepertest.Key([]byte{0x07}, keepertest.U64(1)),                                                                // contribution 1
		keepertest.Key([]byte{0x07}, keepertest.U64(2)),                                                                // contribution 2
		keepertest.Key([]byte{0x08}, keepertest.U64(1), keepertest.U64(1)),                                             // contributions by datanet
		keepertest.Key([]byte{0x08}, keepertest.U64(1), keepertest.U64(2)),                                             //
		keepertest.Key([]byte{0x09}, keepertest.U64(1), status(types.CONTRIBUTION_STATUS_PENDING), keepertest.U64(2)),  // by datanet and status
		keepertest.Key([]byte{0x09}, keepertest.U64(1), status(types.CONTRIBUTION_STATUS_ACCEPTED), keepertest.U64(1)), //
		keepertest.Key([]byte{0x0a}, addr(f.alice), keepertest.U64(1)),                                                 // contributions by contributor
		keepertest.Key([]byte{0x0a}, addr(f.alice), keepertest.U64(2)),                                                 //
		keepertest.Key([]byte{0x0b}, keepertest.U64(1), hash),                                                          // accepted content (hash is the last key part)
		keepertest.Key([]byte{0x0c}, keepertest.U64(1), keepertest.U64(0)),                                             // accepted order: leaf 0
		keepertest.Key([]byte{0x0d}, keepertest.U64(1)),                                                                // merkle frontier
		keepertest.Key([]byte{0x0e}, keepertest.U64(1), keepertest.U64(1)),                                             // version 1
	}
	f.Chain().RequireStoreKeys(want)

	// Values that are not protobuf: sequences hold the next id, the
	// accepted-content and accepted-order maps hold contribution ids.
	store := f.Ctx.KVStore(f.Key)
	require.Equal(t, keepertest.U64(2), store.Get([]byte{0x02}))
	require.Equal(t, keepertest.U64(3), store.Get([]byte{0x06}))
	require.Equal(t, keepertest.U64(c1), store.Get(slices.Concat([]byte{0x0b}, keepertest.U64(1), hash)))
	require.Equal(t, keepertest.U64(c1), store.Get(slices.Concat([]byte{0x0c}, keepertest.U64(1), keepertest.U64(0))))
}
