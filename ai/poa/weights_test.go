package poa

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestLargestRemainderSumsExactly(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 2000; trial++ {
		n := 1 + rng.IntN(40)
		credits := make([]rawCredit, n)
		var sum uint64
		for i := range credits {
			credits[i] = rawCredit{fmt.Sprintf("c%03d", i), rng.Uint64N(1 << 50)}
			if rng.IntN(5) == 0 {
				credits[i].raw = 0
			}
			sum += credits[i].raw
		}
		total := rng.Uint64N(1_000_001)
		shares := splitLargestRemainder(total, credits)
		var got uint64
		for i, s := range shares {
			got += s
			if credits[i].raw == 0 && s != 0 {
				t.Fatalf("zero credit got share %d", s)
			}
			// Each share is its exact quota rounded down or up (math/big
			// is the independent oracle).
			if sum > 0 {
				quota := new(big.Int).Mul(new(big.Int).SetUint64(total), new(big.Int).SetUint64(credits[i].raw))
				quota.Quo(quota, new(big.Int).SetUint64(sum))
				if q := quota.Uint64(); s != q && s != q+1 {
					t.Fatalf("share %d is not quota %d rounded", s, q)
				}
			}
		}
		if sum > 0 && got != total {
			t.Fatalf("shares sum to %d, want %d", got, total)
		}
	}
}

func TestLargestRemainderTieBreaksBySmallerID(t *testing.T) {
	// Three equal credits for 1,000,000: 333,333 each and one unit left,
	// which goes to the smallest id whatever order they come in.
	for _, order := range [][]string{{"a", "b", "c"}, {"c", "b", "a"}, {"b", "c", "a"}} {
		credits := make([]rawCredit, len(order))
		for i, id := range order {
			credits[i] = rawCredit{id, 7}
		}
		slices.SortFunc(credits, func(x, y rawCredit) int { return compareStrings(x.id, y.id) })
		shares := splitLargestRemainder(1_000_000, credits)
		if shares[0] != 333_334 || shares[1] != 333_333 || shares[2] != 333_333 {
			t.Fatalf("order %v: shares %v", order, shares)
		}
	}
	// Larger remainders win before ids: 2/3 of 1 beats 1/3 of 1.
	shares := splitLargestRemainder(1, []rawCredit{{"a", 1}, {"b", 2}})
	if shares[0] != 0 || shares[1] != 1 {
		t.Fatalf("shares %v", shares)
	}
}

func TestLargestRemainderHandlesHugeProducts(t *testing.T) {
	credits := []rawCredit{{"a", 1<<63 - 1}, {"b", 1 << 62}}
	shares := splitLargestRemainder(1_000_000, credits)
	if shares[0]+shares[1] != 1_000_000 || shares[0] <= shares[1] {
		t.Fatalf("shares %v", shares)
	}
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
