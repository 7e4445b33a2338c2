package keeper_test

import (
	"encoding/binary"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/openledger/openledger/x/attribution/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

// TestStoreKeyLayout pins the raw key of every collection, built here by hand
// rather than with the collections codecs, so that a change of prefix, key
// type or key order breaks this test instead of a running chain.
func TestStoreKeyLayout(t *testing.T) {
	f := newFixture(t)
	f.record(f.validInput()) // 1: final
	deadline1 := f.getRecord(1).ChallengeDeadline
	f.endBlockAt(deadline1)
	f.record(f.validInput())  // 2: pending
	_, cid := f.challenge()   // record 3, challenge 1
	f.vote(f.att1, cid, true) // one vote, still open

	// int64 keys are big-endian with the sign bit flipped.
	i64 := func(v int64) []byte {
		b := binary.BigEndian.AppendUint64(nil, uint64(v))
		b[0] ^= 0x80
		return b
	}
	// Variable-length keys that are not last carry a length byte.
	addrNT := func(a account) []byte { return append([]byte{byte(len(a.Addr))}, a.Addr...) }
	deadline2 := f.getRecord(2).ChallengeDeadline.UnixNano()
	voting := f.getChallenge(cid).VotingDeadline.UnixNano()

	want := []string{
		keepertest.Key([]byte{0x01}),                                                                                                                      // params
		keepertest.Key([]byte{0x02}),                                                                                                                      // next record id
		keepertest.Key([]byte{0x07}, i64(deadline2), keepertest.U64(2)),                                                                                   // record queue: only the pending record
		keepertest.Key([]byte{0x0c}),                                                                                                                      // next challenge id
		keepertest.Key([]byte{0x0d}, keepertest.U64(1)),                                                                                                   // challenge 1
		keepertest.Key([]byte{0x0e}, keepertest.U64(3), keepertest.U64(1)),                                                                                // challenges by record
		keepertest.Key([]byte{0x0f}, i64(voting), keepertest.U64(1)),                                                                                      // challenge queue
		keepertest.Key([]byte{0x10}, keepertest.U64(1), f.att1.Addr),                                                                                      // votes
		keepertest.Key([]byte{0x0a}, keepertest.U64(1)), keepertest.Key([]byte{0x0a}, keepertest.U64(2)), keepertest.Key([]byte{0x0a}, keepertest.U64(3)), // contribution earnings
	}
	for id := uint64(1); id <= 3; id++ {
		want = append(want,
			keepertest.Key([]byte{0x03}, keepertest.U64(id)),                    // record
			keepertest.Key([]byte{0x04}, keepertest.U64(7), keepertest.U64(id)), // records by model
			keepertest.Key([]byte{0x05}, addrNT(f.node), keepertest.U64(id)),    // records by serving node
		)
		for _, c := range []uint64{1, 2, 3} {
			want = append(want, keepertest.Key([]byte{0x06}, keepertest.U64(c), keepertest.U64(id))) // records by contribution
		}
	}
	for _, a := range []account{f.alice, f.bob, f.owner, f.owner2} {
		want = append(want,
			keepertest.Key([]byte{0x08}, a.Addr), // pending
			keepertest.Key([]byte{0x09}, a.Addr), // claimable
			keepertest.Key([]byte{0x0b}, a.Addr), // address earnings
		)
	}
	f.Chain().RequireStoreKeys(want)

	// The sequences hold the next ids.
	require.Equal(t, keepertest.U64(4), f.Ctx.KVStore(f.Key).Get([]byte{0x02}))
	require.Equal(t, keepertest.U64(2), f.Ctx.KVStore(f.Key).Get([]byte{0x0c}))
}

// TestProvenReceiptsKeyLayout pins the key of a proven receipt: prefix
// 0x11, the receipts root with its length byte, the leaf index.
func TestProvenReceiptsKeyLayout(t *testing.T) {
	f := newFixture(t)
	f.forgeModel()
	rid := f.record(f.validInput())
	keepertest.MustDeliver(f.Chain(), f.Msgs.ChallengeUsage, f.usageMsg(rid, 2, types.USAGE_CLAIM_MODEL))
	root := f.getRecord(rid).ReceiptsRoot
	key := []byte{0x11}
	key = append(append(append(key, byte(len(root))), root...), keepertest.U64(2)...)
	require.True(t, f.Ctx.KVStore(f.Key).Has(key))
}
