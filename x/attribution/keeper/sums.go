package keeper

import (
	"cmp"
	"context"
	"slices"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/address"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/attribution/types"
)

// sums adds amounts per key in memory, remembering the keys in the order
// they first appear; they are walked in ascending order, never by ranging
// over the map.
type sums[K cmp.Ordered] struct {
	keys []K
	sums map[K]math.Int // look-ups only
}

func newSums[K cmp.Ordered]() sums[K] { return sums[K]{sums: map[K]math.Int{}} }

func (s *sums[K]) add(key K, amt math.Int) {
	prev, ok := s.sums[key]
	if !ok {
		s.keys = append(s.keys, key)
		prev = math.ZeroInt()
	}
	s.sums[key] = prev.Add(amt)
}

// get is the sum of a key, and whether it has one.
func (s *sums[K]) get(key K) (math.Int, bool) {
	v, ok := s.sums[key]
	return v, ok
}

// each calls f for every key, in ascending order.
func (s *sums[K]) each(f func(key K, amt math.Int) error) error {
	slices.Sort(s.keys)
	for _, k := range s.keys {
		if err := f(k, s.sums[k]); err != nil {
			return err
		}
	}
	return nil
}

// idSums adds amounts per uint64 id.
type idSums = sums[uint64]

func newIDSums() *idSums {
	s := newSums[uint64]()
	return &s
}

// addrSums adds amounts per recipient so that a batch touches each
// address's store entries once, and decodes each distinct bech32 address
// once (decoding is far dearer than a map look-up). Recipients are
// canonical bech32 strings, so equal strings are equal addresses.
type addrSums struct {
	sums[string]
	ac address.Codec
}

func newAddrSums(ac address.Codec) *addrSums { return &addrSums{ac: ac, sums: newSums[string]()} }

// each calls f for every recipient, in ascending string order.
func (s *addrSums) each(f func(addr sdk.AccAddress, amt math.Int) error) error {
	return s.sums.each(func(k string, amt math.Int) error {
		addr, err := s.ac.StringToBytes(k)
		if err != nil {
			return err
		}
		return f(addr, amt)
	})
}

// addPayouts adds a record's payouts to s, per recipient.
func (k Keeper) addPayouts(s *addrSums, payouts []types.Payout) error {
	for _, p := range payouts {
		s.add(p.Recipient, p.Amount)
	}
	return nil
}

// addEach applies the sums to an amount map, negated when neg.
func addEach(ctx context.Context, m collections.Map[sdk.AccAddress, math.Int], s *addrSums, neg bool) error {
	return s.each(func(addr sdk.AccAddress, amt math.Int) error {
		if neg {
			amt = amt.Neg()
		}
		return addAmount(ctx, m, addr, amt)
	})
}
