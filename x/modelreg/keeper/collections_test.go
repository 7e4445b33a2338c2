package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/openledger/openledger/x/internal/keepertest"
)

// TestStoreKeyLayout pins the raw key of every collection, built here by hand
// rather than with the collections codecs, so that a change of prefix, key
// type or key order breaks this test instead of a running chain.
func TestStoreKeyLayout(t *testing.T) {
	f := newFixture(t)
	base := f.register(baseMsg(f.owner))                // 1
	f.register(adapterMsg(f.alice, base, f.ds1, f.ds2)) // 2

	// Variable-length keys that are not last carry a length byte.
	addr := func(a account) []byte { return keepertest.LenPrefixed(a.Addr) }

	want := []string{
		keepertest.Key([]byte{0x01}),                                       // params
		keepertest.Key([]byte{0x02}),                                       // next model id
		keepertest.Key([]byte{0x03}, keepertest.U64(1)),                    // model 1
		keepertest.Key([]byte{0x03}, keepertest.U64(2)),                    // model 2
		keepertest.Key([]byte{0x04}, addr(f.owner), keepertest.U64(1)),     // models by owner
		keepertest.Key([]byte{0x04}, addr(f.alice), keepertest.U64(2)),     //
		keepertest.Key([]byte{0x05}, keepertest.U64(1), keepertest.U64(2)), // models by base: only the adapter
		keepertest.Key([]byte{0x06}, keepertest.U64(1), keepertest.U64(2)), // models by datanet: one entry per datanet
		keepertest.Key([]byte{0x06}, keepertest.U64(2), keepertest.U64(2)), //
	}
	f.Chain().RequireStoreKeys(want)

	// The sequence holds the next id.
	require.Equal(t, keepertest.U64(3), f.Ctx.KVStore(f.Key).Get([]byte{0x02}))
}
