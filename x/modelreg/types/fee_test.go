package types_test

import (
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/openledger/openledger/x/modelreg/types"
)

func price(perCall, per1K int64) types.Price {
	return types.Price{PerCall: math.NewInt(perCall), Per_1KTokens: math.NewInt(per1K)}
}

func TestInferenceFee(t *testing.T) {
	for _, tc := range []struct {
		name   string
		price  types.Price
		tokens uint64
		want   int64
	}{
		{"Success - per call only", price(7, 0), 12_345, 7},
		{"Success - whole thousands", price(0, 1_000), 3_000, 3_000},
		{"Success - one token rounds up", price(0, 1), 1, 1},
		{"Success - 999 tokens at 1 per 1k round up to 1", price(0, 1), 999, 1},
		{"Success - 1,001 tokens at 1 per 1k round up to 2", price(0, 1), 1_001, 2},
		{"Success - exact: no rounding", price(5, 2_000), 1_500, 5 + 3_000},
		{"Success - rounded up", price(5, 3), 1_234, 5 + 4}, // 3.702 -> 4
		{"Success - no tokens", price(5, 3), 0, 5},
		{"Success - free", price(0, 0), 1_000_000, 0},
		{"Success - nil components count as zero", types.Price{}, 10, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, math.NewInt(tc.want).String(), types.InferenceFee(tc.price, tc.tokens).String())
		})
	}
}

func TestUsageFeeBounds(t *testing.T) {
	for _, tc := range []struct {
		name             string
		price            types.Price
		inferences       uint64
		tokens           uint64
		wantMin, wantMax int64
	}{
		{"Success - per call only: exact", price(7, 0), 4, 9_999, 28, 28},
		{"Success - free: exactly zero", price(0, 0), 3, 100, 0, 0},
		{"Success - one inference: exact", price(5, 3), 1, 1_234, 9, 9},
		// 3 inferences, 1,234 tokens at 3 per 1k: ceil(3.702) = 4, slack 2.
		{"Success - three inferences: n − 1 slack", price(5, 3), 3, 1_234, 15 + 4, 15 + 4 + 2},
		{"Success - no tokens", price(5, 3), 2, 0, 10, 11},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lo, hi := types.UsageFeeBounds(tc.price, tc.inferences, tc.tokens)
			require.Equal(t, math.NewInt(tc.wantMin).String(), lo.String())
			require.Equal(t, math.NewInt(tc.wantMax).String(), hi.String())
		})
	}
}

// TestUsageFeeBoundsHoldTheSumOfInferenceFees splits random token totals
// among random numbers of inferences: the sum of the per-inference fees is
// always inside the bounds, and both bounds are reached.
func TestUsageFeeBoundsHoldTheSumOfInferenceFees(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	prices := []types.Price{price(0, 1), price(3, 7), price(0, 999), price(1, 1_001), price(0, 1_000), price(10, 0), price(0, 0)}
	for trial := 0; trial < 5_000; trial++ {
		p := prices[trial%len(prices)]
		if trial%3 == 0 {
			p = price(rng.Int64N(1_000_000), rng.Int64N(10_000_000))
		}
		n := 1 + rng.Uint64N(40)
		tokens := make([]uint64, n)
		var total uint64
		for i := range tokens {
			tokens[i] = rng.Uint64N(5_000)
			if rng.IntN(5) == 0 {
				tokens[i] = 0
			}
			total += tokens[i]
		}
		sum := math.ZeroInt()
		for _, x := range tokens {
			sum = sum.Add(types.InferenceFee(p, x))
		}
		lo, hi := types.UsageFeeBounds(p, n, total)
		require.Truef(t, sum.GTE(lo) && sum.LTE(hi), "trial %d: price %v, tokens %v: sum %s outside [%s, %s]", trial, p, tokens, sum, lo, hi)
	}

	// The bounds are tight: all tokens in one inference gives the minimum;
	// n inferences of 1 token each at 1 aopen per 1k the maximum.
	p := price(2, 1)
	n := uint64(6)
	lo, hi := types.UsageFeeBounds(p, n, n)
	require.Equal(t, types.InferenceFee(p, n).Add(math.NewInt(2*5)).String(), lo.String())
	require.Equal(t, types.InferenceFee(p, 1).MulRaw(int64(n)).String(), hi.String())
}

// TestFeesOfLargeValuesAreExact prices the largest on-chain values (the
// price ceiling, uint64 counts) with big-integer arithmetic and compares.
func TestFeesOfLargeValuesAreExact(t *testing.T) {
	maxU := ^uint64(0)
	ceil := types.MaxPriceCeiling
	p := types.Price{PerCall: ceil, Per_1KTokens: ceil}
	bigU := new(big.Int).SetUint64(maxU)

	perTokens := new(big.Int).Mul(ceil.BigInt(), bigU)
	perTokens.Add(perTokens, big.NewInt(999)).Quo(perTokens, big.NewInt(1000))
	want := new(big.Int).Add(perTokens, ceil.BigInt())
	require.Equal(t, want.String(), types.InferenceFee(p, maxU).String())

	lo, hi := types.UsageFeeBounds(p, maxU, maxU)
	wantLo := new(big.Int).Add(perTokens, new(big.Int).Mul(bigU, ceil.BigInt()))
	require.Equal(t, wantLo.String(), lo.String())
	require.Equal(t, new(big.Int).Add(wantLo, new(big.Int).Sub(bigU, big.NewInt(1))).String(), hi.String())

	// Nothing wraps around at uint64's edge: tokens of 2^64 − 1 at 1 aopen
	// per 1k is ceil((2^64 − 1) / 1000).
	require.Equal(t, new(big.Int).Quo(new(big.Int).Add(bigU, big.NewInt(999)), big.NewInt(1000)).String(),
		types.InferenceFee(price(0, 1), maxU).String())
}
