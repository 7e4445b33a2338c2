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
	f.record(f.validInput()) // 1: final
	deadline1 := f.getRecord(1).ChallengeDeadline
	f.endBlockAt(deadline1)
	f.record(f.validInput())  // 2: pending
	_, cid := f.challenge()   // record 3, challenge 1
	f.vote(f.att1, cid, true) // one vote, still open

	u64 := func(v uint64) []byte { return binary.BigEndian.AppendUint64(nil, v) }
	// int64 keys are big-endian with the sign bit flipped.
	i64 := func(v int64) []byte {
		b := binary.BigEndian.AppendUint64(nil, uint64(v))
		b[0] ^= 0x80
		return b
	}
	// Variable-length keys that are not last carry a length byte.
	addrNT := func(a account) []byte { return append([]byte{byte(len(a.addr))}, a.addr...) }
	key := func(parts ...[]byte) string { return hex.EncodeToString(slices.Concat(parts...)) }
	deadline2 := f.getRecord(2).ChallengeDeadline.UnixNano()
	voting := f.getChallenge(cid).VotingDeadline.UnixNano()

	want := []string{
		key([]byte{0x01}),                                                               // params
		key([]byte{0x02}),                                                               // next record id
		key([]byte{0x07}, i64(deadline2), u64(2)),                                       // record queue: only the pending record
		key([]byte{0x0c}),                                                               // next challenge id
		key([]byte{0x0d}, u64(1)),                                                       // challenge 1
		key([]byte{0x0e}, u64(3), u64(1)),                                               // challenges by record
		key([]byte{0x0f}, i64(voting), u64(1)),                                          // challenge queue
		key([]byte{0x10}, u64(1), f.att1.addr),                                          // votes
		key([]byte{0x0a}, u64(1)), key([]byte{0x0a}, u64(2)), key([]byte{0x0a}, u64(3)), // contribution earnings
	}
	for id := uint64(1); id <= 3; id++ {
		want = append(want,
			key([]byte{0x03}, u64(id)),                 // record
			key([]byte{0x04}, u64(7), u64(id)),         // records by model
			key([]byte{0x05}, addrNT(f.node), u64(id)), // records by serving node
		)
		for _, c := range []uint64{1, 2, 3} {
			want = append(want, key([]byte{0x06}, u64(c), u64(id))) // records by contribution
		}
	}
	for _, a := range []account{f.alice, f.bob, f.owner, f.owner2} {
		want = append(want,
			key([]byte{0x08}, a.addr), // pending
			key([]byte{0x09}, a.addr), // claimable
			key([]byte{0x0b}, a.addr), // address earnings
		)
	}
	slices.Sort(want)

	var got []string
	for _, kv := range f.chain.Snapshot().KV {
		got = append(got, hex.EncodeToString(kv[0]))
	}
	require.Equal(t, want, got)

	// The sequences hold the next ids.
	require.Equal(t, u64(4), f.ctx.KVStore(f.key).Get([]byte{0x02}))
	require.Equal(t, u64(2), f.ctx.KVStore(f.key).Get([]byte{0x0c}))
}
