package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/inferencefees/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

// TestStoreKeyLayout pins the raw key of every collection, built here by hand
// rather than with the collections codecs, so that a change of prefix, key
// type or key order breaks this test instead of a running chain.
func TestStoreKeyLayout(t *testing.T) {
	f := newFixture(t)
	f.deposit(f.alice, math.NewInt(1_000))
	keepertest.MustDeliver(f.Chain(), f.Msgs.RequestWithdrawal, &types.MsgRequestWithdrawal{User: f.alice.Str, Amount: coin(10)})
	keepertest.MustDeliver(f.Chain(), f.Msgs.SettleBatch, f.batch(1, 1, f.voucher(f.alice, f.node, math.NewInt(5), 1)))

	// Variable-length keys that are not last carry a length byte.
	addr := func(a account) []byte { return keepertest.LenPrefixed(a.Addr) }
	release := sdk.FormatTimeBytes(startTime.Add(time.Hour))

	want := []string{
		keepertest.Key([]byte{0x01}),                                            // params
		keepertest.Key([]byte{0x02}),                                            // totals
		keepertest.Key([]byte{0x03}, f.alice.Addr),                              // credit of alice (last part: no length byte)
		keepertest.Key([]byte{0x04}),                                            // next withdrawal id
		keepertest.Key([]byte{0x05}, addr(f.alice), keepertest.U64(1)),          // withdrawal (alice, 1)
		keepertest.Key([]byte{0x06}, release, addr(f.alice), keepertest.U64(1)), // queue (release time, alice, 1)
		keepertest.Key([]byte{0x07}, addr(f.alice), f.node.Addr),                // channel (alice, node)
		keepertest.Key([]byte{0x08}, addr(f.node), addr(f.alice), f.node.Addr),  // channels by node: (node, (alice, node))
	}
	f.Chain().RequireStoreKeys(want)

	// The sequence holds the next id.
	require.Equal(t, keepertest.U64(2), f.Ctx.KVStore(f.Key).Get([]byte{0x04}))
}
