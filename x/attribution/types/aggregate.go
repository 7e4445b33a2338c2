package types

import (
	"cmp"
	"math/big"
	"slices"

	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"
)

// PricedReceipt is one inference of a batch: its receipt and the fee its
// user paid for it (aopen, the voucher increment the serving node charged).
type PricedReceipt struct {
	Receipt Receipt
	Fee     math.Int
}

// AggregateReceiptWeights is the rule that turns the receipts of one model's
// inferences in a batch into the batch's attribution for that model: each
// contribution's weight is the fee-weighted mean of its weight over the
// receipts, so a contributor earns from each inference in proportion to
// what that inference paid. In exact arithmetic, with F the sum of the fees,
//
//	share(c) = Σ_r fee_r × ppm_r(c) / F
//
// and the shares add up to the fee-weighted mean of the receipts' own
// totals, T = floor(Σ_r fee_r × total_r / F) ≤ 1,000,000. Integer rounding
// is by largest remainder: every contribution gets floor(share(c)); the
// T − Σ floor(share(c)) ppm left over go one each to the contributions with
// the largest remainders, the smaller contribution id first on a tie.
// Contributions that end at 0 ppm are left out. The result is in ascending
// contribution id, sums to exactly T and passes ValidateWeights with
// maxWeights.
//
// Each receipt's weights must be valid (ValidateWeights with maxWeights),
// each fee zero or positive and the fees together positive. A batch that
// weights more than maxWeights contributions fails with ErrTooManyWeights:
// the node settles it as smaller batches. The arithmetic is exact big-integer
// arithmetic, so no fee or receipt count overflows it; nothing depends on
// map order.
func AggregateReceiptWeights(receipts []PricedReceipt, maxWeights uint32) ([]ContributionWeight, error) {
	if len(receipts) == 0 {
		return nil, errorsmod.Wrap(ErrInvalidReceipt, "no receipts to aggregate")
	}
	type term struct {
		id      uint64
		product *big.Int // fee × ppm
	}
	var terms []term
	feeSum, totalNum := new(big.Int), new(big.Int)
	for i, r := range receipts {
		if r.Fee.IsNil() || r.Fee.IsNegative() {
			return nil, errorsmod.Wrapf(ErrInvalidReceipt, "receipt %d: fee %s must be zero or positive", i, r.Fee)
		}
		if err := ValidateWeights(r.Receipt.Weights, maxWeights); err != nil {
			return nil, errorsmod.Wrapf(err, "receipt %d", i)
		}
		fee := r.Fee.BigInt()
		feeSum.Add(feeSum, fee)
		for _, w := range r.Receipt.Weights {
			p := new(big.Int).Mul(fee, new(big.Int).SetUint64(uint64(w.Ppm)))
			totalNum.Add(totalNum, p)
			terms = append(terms, term{id: w.ContributionId, product: p})
		}
	}
	if feeSum.Sign() == 0 {
		return nil, errorsmod.Wrap(ErrInvalidReceipt, "the receipts' fees sum to zero")
	}

	// One numerator per contribution, in ascending id (stable: equal ids keep
	// receipt order, which does not change their sum).
	slices.SortStableFunc(terms, func(a, b term) int { return cmp.Compare(a.id, b.id) })
	type share struct {
		id        uint64
		ppm       uint64
		remainder *big.Int
	}
	var shares []share
	for i := 0; i < len(terms); {
		num := new(big.Int)
		j := i
		for ; j < len(terms) && terms[j].id == terms[i].id; j++ {
			num.Add(num, terms[j].product)
		}
		q, rem := new(big.Int).QuoRem(num, feeSum, new(big.Int))
		// q ≤ 1,000,000: each receipt gives c at most PPMTotal.
		shares = append(shares, share{id: terms[i].id, ppm: q.Uint64(), remainder: rem})
		i = j
	}
	if uint64(len(shares)) > uint64(maxWeights) {
		return nil, errorsmod.Wrapf(ErrTooManyWeights, "the receipts weight %d contributions, at most %d", len(shares), maxWeights)
	}

	// Largest remainder: hand out the ppm that flooring lost.
	target := new(big.Int).Quo(totalNum, feeSum).Uint64()
	var floored uint64
	for _, s := range shares {
		floored += s.ppm
	}
	if left := target - floored; left > 0 {
		order := make([]int, len(shares))
		for i := range order {
			order[i] = i
		}
		slices.SortFunc(order, func(a, b int) int {
			if c := shares[b].remainder.Cmp(shares[a].remainder); c != 0 {
				return c
			}
			return cmp.Compare(shares[a].id, shares[b].id)
		})
		for _, i := range order[:left] {
			shares[i].ppm++
		}
	}

	out := make([]ContributionWeight, 0, len(shares))
	for _, s := range shares {
		if s.ppm > 0 {
			out = append(out, ContributionWeight{ContributionId: s.id, Ppm: uint32(s.ppm)})
		}
	}
	return out, nil
}
