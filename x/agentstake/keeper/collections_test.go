package keeper_test

import (
	"encoding/binary"
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/agentstake/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

// TestStoreKeyLayout pins the raw key of every collection, built here by hand
// rather than with the collections codecs, so that a change of prefix, key
// type or key order breaks this test instead of a running chain.
func TestStoreKeyLayout(t *testing.T) {
	f := newFixture(t)
	op := f.register(servingNodeMsg(f.node)) // models 1 and 2
	e := f.unbond(f.node, op, open(100))
	keepertest.MustDeliver(f.Chain(), f.Msgs.SubmitEquivocation, &types.MsgSubmitEquivocation{
		Submitter: f.bob.Str,
		First:     f.signed(f.node.Key, evmChainID, f.alice, 9, open(3), 1),
		Second:    f.signed(f.node.Key, evmChainID, f.alice, 9, open(4), 1),
	})

	// Signed integers are big-endian with the sign bit flipped.
	i32 := func(v int32) []byte { b := binary.BigEndian.AppendUint32(nil, uint32(v)); b[0] ^= 0x80; return b }
	i64 := func(v int64) []byte { b := binary.BigEndian.AppendUint64(nil, uint64(v)); b[0] ^= 0x80; return b }
	// Variable-length keys that are not last carry a length byte.
	lp := func(a sdk.AccAddress) []byte { return append([]byte{byte(len(a))}, a...) }
	node, alice := f.node.Addr, f.alice.Addr

	want := []string{
		keepertest.Key([]byte{0x01}),                                                                // params
		keepertest.Key([]byte{0x02}, node),                                                          // agent
		keepertest.Key([]byte{0x03}, i32(1), node),                                                  // agents by kind (serving node)
		keepertest.Key([]byte{0x04}, lp(node), node),                                                // agents by owner
		keepertest.Key([]byte{0x05}, keepertest.U64(1), node),                                       // agents by model
		keepertest.Key([]byte{0x05}, keepertest.U64(2), node),                                       //
		keepertest.Key([]byte{0x06}),                                                                // next unbonding id
		keepertest.Key([]byte{0x07}, lp(node), keepertest.U64(1)),                                   // unbonding entry
		keepertest.Key([]byte{0x08}, i64(e.CompletionTime.UnixNano()), lp(node), keepertest.U64(1)), // unbonding queue
		keepertest.Key([]byte{0x09}),                                                                // next slash id
		keepertest.Key([]byte{0x0a}, lp(node), keepertest.U64(1)),                                   // slash record
		keepertest.Key([]byte{0x0b}, lp(node), lp(alice), keepertest.U64(9)),                        // used evidence
		keepertest.Key([]byte{0x0c}, i32(1)),                                                        // active stake per kind
		keepertest.Key([]byte{0x0c}, i32(2)),                                                        //
		keepertest.Key([]byte{0x0c}, i32(3)),                                                        //
		keepertest.Key([]byte{0x0d}),                                                                // total bonded
		keepertest.Key([]byte{0x0e}),                                                                // total unbonding
	}
	f.Chain().RequireStoreKeys(want)

	// The sequences hold the next ids.
	require.Equal(t, keepertest.U64(2), f.Ctx.KVStore(f.Key).Get([]byte{0x06}))
	require.Equal(t, keepertest.U64(2), f.Ctx.KVStore(f.Key).Get([]byte{0x09}))
}
