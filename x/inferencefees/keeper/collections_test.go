package keeper_test

import (
	"encoding/hex"
	"slices"
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
	_, err := keepertest.Deliver(f.chain, f.msgs.RequestWithdrawal, &types.MsgRequestWithdrawal{User: f.alice.str, Amount: coin(10)})
	require.NoError(t, err)
	_, err = keepertest.Deliver(f.chain, f.msgs.SettleBatch, f.batch(1, 1, f.voucher(f.alice, f.node, math.NewInt(5), 1)))
	require.NoError(t, err)

	// Variable-length keys that are not last carry a length byte.
	addr := func(a account) []byte { return append([]byte{byte(len(a.addr))}, a.addr...) }
	key := func(parts ...[]byte) string { return hex.EncodeToString(slices.Concat(parts...)) }
	release := sdk.FormatTimeBytes(startTime.Add(time.Hour))

	want := []string{
		key([]byte{0x01}),                                           // params
		key([]byte{0x02}),                                           // totals
		key([]byte{0x03}, f.alice.addr),                             // credit of alice (last part: no length byte)
		key([]byte{0x04}),                                           // next withdrawal id
		key([]byte{0x05}, addr(f.alice), u64(1)),                    // withdrawal (alice, 1)
		key([]byte{0x06}, release, addr(f.alice), u64(1)),           // queue (release time, alice, 1)
		key([]byte{0x07}, addr(f.alice), f.node.addr),               // channel (alice, node)
		key([]byte{0x08}, addr(f.node), addr(f.alice), f.node.addr), // channels by node: (node, (alice, node))
	}
	slices.Sort(want)

	var got []string
	for _, kv := range f.chain.Snapshot().KV {
		got = append(got, hex.EncodeToString(kv[0]))
	}
	require.Equal(t, want, got)

	// The sequence holds the next id.
	require.Equal(t, u64(2), f.ctx.KVStore(f.key).Get([]byte{0x04}))
}
