package types_test

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/openledger/openledger/x/attribution/types"
)

func priced(fee int64, weights ...uint64) types.PricedReceipt {
	r := types.PricedReceipt{Fee: math.NewInt(fee)}
	for i := 0; i+1 < len(weights); i += 2 {
		r.Receipt.Weights = append(r.Receipt.Weights, types.ContributionWeight{ContributionId: weights[i], Ppm: uint32(weights[i+1])})
	}
	return r
}

func TestAggregateReceiptWeightsByPrice(t *testing.T) {
	// A cheap inference fully from contribution 1 and an expensive one fully
	// from contribution 2: the expensive one's contributor earns three times
	// as much, where a plain mean would pay both the same.
	got, err := types.AggregateReceiptWeights([]types.PricedReceipt{
		priced(1, 1, 1_000_000),
		priced(3, 2, 1_000_000),
	}, 10)
	require.NoError(t, err)
	require.Equal(t, []types.ContributionWeight{{ContributionId: 1, Ppm: 250_000}, {ContributionId: 2, Ppm: 750_000}}, got)

	// Equal prices give the plain mean.
	got, err = types.AggregateReceiptWeights([]types.PricedReceipt{
		priced(5, 1, 600_000, 3, 200_000),
		priced(5, 1, 200_000, 2, 400_000),
	}, 10)
	require.NoError(t, err)
	require.Equal(t, []types.ContributionWeight{
		{ContributionId: 1, Ppm: 400_000}, {ContributionId: 2, Ppm: 200_000}, {ContributionId: 3, Ppm: 100_000},
	}, got)

	// A free inference weighs nothing.
	got, err = types.AggregateReceiptWeights([]types.PricedReceipt{
		priced(0, 1, 1_000_000),
		priced(2, 2, 500_000),
	}, 10)
	require.NoError(t, err)
	require.Equal(t, []types.ContributionWeight{{ContributionId: 2, Ppm: 500_000}}, got)
}

func TestAggregateReceiptWeightsRounding(t *testing.T) {
	// Three receipts of equal price, each fully from a different
	// contribution: 333,333.33 ppm each. Flooring loses one ppm of the
	// 1,000,000; the remainders tie, so the smallest id takes it.
	got, err := types.AggregateReceiptWeights([]types.PricedReceipt{
		priced(1, 3, 1_000_000), priced(1, 1, 1_000_000), priced(1, 2, 1_000_000),
	}, 10)
	require.NoError(t, err)
	require.Equal(t, []types.ContributionWeight{
		{ContributionId: 1, Ppm: 333_334}, {ContributionId: 2, Ppm: 333_333}, {ContributionId: 3, Ppm: 333_333},
	}, got)

	// Fees 1 and 2: shares 1,000,000/3 and 2,000,000/3 have remainders 1 and
	// 2 (of 3); the larger remainder takes the one ppm flooring lost.
	got, err = types.AggregateReceiptWeights([]types.PricedReceipt{priced(1, 7, 1_000_000), priced(2, 9, 1_000_000)}, 10)
	require.NoError(t, err)
	require.Equal(t, []types.ContributionWeight{{ContributionId: 7, Ppm: 333_333}, {ContributionId: 9, Ppm: 666_667}}, got)

	// Equal remainders: the smaller contribution id takes the ppm.
	got, err = types.AggregateReceiptWeights([]types.PricedReceipt{
		priced(1, 5, 1), priced(1, 4, 1), priced(1, 6, 1),
	}, 10)
	require.NoError(t, err)
	require.Equal(t, []types.ContributionWeight{{ContributionId: 4, Ppm: 1}}, got)

	// A receipt total below 1,000,000 stays below: the rest is unattributed.
	got, err = types.AggregateReceiptWeights([]types.PricedReceipt{priced(1, 1, 300_000), priced(1, 2, 400_000)}, 10)
	require.NoError(t, err)
	require.Equal(t, []types.ContributionWeight{{ContributionId: 1, Ppm: 150_000}, {ContributionId: 2, Ppm: 200_000}}, got)
}

func TestAggregateReceiptWeightsLargeFees(t *testing.T) {
	// Fees near the 256-bit bound of math.Int times 1,000,000 ppm, over many
	// receipts, would overflow any fixed-width product.
	huge := math.NewIntWithDecimal(1, 76)
	receipts := make([]types.PricedReceipt, 100)
	for i := range receipts {
		receipts[i] = types.PricedReceipt{Fee: huge, Receipt: types.Receipt{Weights: []types.ContributionWeight{
			{ContributionId: uint64(i%3) + 1, Ppm: 1_000_000},
		}}}
	}
	got, err := types.AggregateReceiptWeights(receipts, 10)
	require.NoError(t, err)
	require.Equal(t, []types.ContributionWeight{
		{ContributionId: 1, Ppm: 340_000}, {ContributionId: 2, Ppm: 330_000}, {ContributionId: 3, Ppm: 330_000},
	}, got)
}

func TestAggregateReceiptWeightsAlwaysValid(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 500 {
		n := 1 + rng.IntN(20)
		receipts := make([]types.PricedReceipt, n)
		var feeSum int64
		for i := range receipts {
			fee := rng.Int64N(1_000_000_000)
			feeSum += fee
			receipts[i].Fee = math.NewInt(fee)
			left := uint32(types.PPMTotal)
			for id := uint64(1); id <= 12 && left > 0; id++ {
				if rng.IntN(3) == 0 {
					continue
				}
				ppm := 1 + rng.Uint32N(left)
				left -= ppm
				receipts[i].Receipt.Weights = append(receipts[i].Receipt.Weights, types.ContributionWeight{ContributionId: id, Ppm: ppm})
			}
		}
		if feeSum == 0 {
			continue
		}
		got, err := types.AggregateReceiptWeights(receipts, 12)
		require.NoError(t, err)
		require.NoError(t, types.ValidateWeights(got, 12))
		// The total is the fee-weighted mean of the receipts' totals, rounded down.
		num, den := math.ZeroInt(), math.ZeroInt()
		for _, r := range receipts {
			num = num.Add(r.Fee.MulRaw(int64(sum(r.Receipt.Weights))))
			den = den.Add(r.Fee)
		}
		require.Equal(t, num.Quo(den).Uint64(), sum(got))
		// Reordering the receipts changes nothing.
		rng.Shuffle(len(receipts), func(i, j int) { receipts[i], receipts[j] = receipts[j], receipts[i] })
		again, err := types.AggregateReceiptWeights(receipts, 12)
		require.NoError(t, err)
		require.Equal(t, got, again)
	}
}

func TestAggregateReceiptWeightsRefuses(t *testing.T) {
	for _, tc := range []struct {
		name     string
		receipts []types.PricedReceipt
		want     error
	}{
		{"no receipts", nil, types.ErrInvalidReceipt},
		{"negative fee", []types.PricedReceipt{priced(-1, 1, 10)}, types.ErrInvalidReceipt},
		{"nil fee", []types.PricedReceipt{{}}, types.ErrInvalidReceipt},
		{"fees sum to zero", []types.PricedReceipt{priced(0, 1, 10)}, types.ErrInvalidReceipt},
		{"contribution 0", []types.PricedReceipt{priced(1, 0, 10)}, types.ErrUnknownContribution},
		{"unsorted", []types.PricedReceipt{priced(1, 2, 10, 1, 10)}, types.ErrWeightsNotAscending},
		{"over 1,000,000", []types.PricedReceipt{priced(1, 1, 600_000, 2, 600_000)}, types.ErrWeightsSumTooLarge},
		{"too many in one", []types.PricedReceipt{priced(1, 1, 1, 2, 1, 3, 1)}, types.ErrTooManyWeights},
		{"too many in all", []types.PricedReceipt{priced(1, 1, 1, 2, 1), priced(1, 3, 1)}, types.ErrTooManyWeights},
	} {
		_, err := types.AggregateReceiptWeights(tc.receipts, 2)
		require.ErrorIs(t, err, tc.want, tc.name)
	}
}

func sum(ws []types.ContributionWeight) uint64 {
	var s uint64
	for _, w := range ws {
		s += uint64(w.Ppm)
	}
	return s
}
