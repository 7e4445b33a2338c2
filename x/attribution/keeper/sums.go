package keeper

import (
	"context"
	"sort"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/address"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/attribution/types"
)

// addrSums adds amounts per recipient in memory so that a batch touches
// each address's store entries once, and decodes each distinct bech32
// address once (decoding is far dearer than a map look-up). Recipients are
// canonical bech32 strings, so equal strings are equal addresses. Keys are
// walked in sorted order, never by ranging over the map.
type addrSums struct {
	ac   address.Codec
	keys []string
	sums map[string]math.Int // look-ups only
}

func newAddrSums(ac address.Codec) *addrSums { return &addrSums{ac: ac, sums: map[string]math.Int{}} }

func (s *addrSums) add(recipient string, amt math.Int) {
	prev, ok := s.sums[recipient]
	if !ok {
		s.keys = append(s.keys, recipient)
		prev = math.ZeroInt()
	}
	s.sums[recipient] = prev.Add(amt)
}

// get is the sum of a recipient, and whether it has one.
func (s *addrSums) get(recipient string) (math.Int, bool) {
	v, ok := s.sums[recipient]
	return v, ok
}

// each calls f for every recipient, in ascending string order.
func (s *addrSums) each(f func(addr sdk.AccAddress, amt math.Int) error) error {
	sort.Strings(s.keys)
	for _, k := range s.keys {
		addr, err := s.ac.StringToBytes(k)
		if err != nil {
			return err
		}
		if err := f(addr, s.sums[k]); err != nil {
			return err
		}
	}
	return nil
}

// idSums is addrSums for uint64 keys.
type idSums struct {
	keys []uint64
	sums map[uint64]math.Int // look-ups only
}

func newIDSums() *idSums { return &idSums{sums: map[uint64]math.Int{}} }

func (s *idSums) add(id uint64, amt math.Int) {
	prev, ok := s.sums[id]
	if !ok {
		s.keys = append(s.keys, id)
		prev = math.ZeroInt()
	}
	s.sums[id] = prev.Add(amt)
}

func (s *idSums) each(f func(id uint64, amt math.Int) error) error {
	sort.Slice(s.keys, func(i, j int) bool { return s.keys[i] < s.keys[j] })
	for _, k := range s.keys {
		if err := f(k, s.sums[k]); err != nil {
			return err
		}
	}
	return nil
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
