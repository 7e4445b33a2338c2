package poa

import (
	"cmp"
	"math/bits"
	"slices"
)

// Weights are integers: parts per million that sum exactly to a total.
// Raw credit is a uint64 per contribution; the total is split by the
// largest-remainder method, computed with 128-bit products so nothing is
// rounded before the final step, and ties between equal remainders go to
// the smaller id (byte order). No floating point is involved, so every
// machine gets the same numbers.

// rawCredit is one contribution's unrounded credit.
type rawCredit struct {
	id  string
	raw uint64
}

// splitLargestRemainder returns the integer shares of total proportional
// to the credits' raw values. The shares sum to total unless every raw
// value is zero (then all shares are zero).
func splitLargestRemainder(total uint64, credits []rawCredit) []uint64 {
	shares := make([]uint64, len(credits))
	var sum uint64
	for _, c := range credits {
		var carry uint64
		sum, carry = bits.Add64(sum, c.raw, 0)
		if carry != 0 {
			panic("poa: raw credit overflows 64 bits")
		}
	}
	if sum == 0 || total == 0 {
		return shares
	}
	remainders := make([]uint64, len(credits))
	var assigned uint64
	for i, c := range credits {
		hi, lo := bits.Mul64(total, c.raw)
		shares[i], remainders[i] = bits.Div64(hi, lo, sum) // hi < sum since raw <= sum
		assigned += shares[i]
	}
	order := make([]int, len(credits))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		if c := cmp.Compare(remainders[b], remainders[a]); c != 0 {
			return c
		}
		return cmp.Compare(credits[a].id, credits[b].id)
	})
	for _, i := range order[:total-assigned] {
		shares[i]++
	}
	return shares
}
