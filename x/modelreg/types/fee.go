package types

import (
	"math/big"

	"cosmossdk.io/math"
)

// TokensPerPriceUnit is the number of tokens that Price.Per_1KTokens prices.
const TokensPerPriceUnit = 1000

// InferenceFee is what one inference of tokens tokens (its prompt tokens
// plus its completion tokens) costs at price, in aopen:
//
//	per_call + ceil(per_1k_tokens × tokens / 1000)
//
// rounded up, so that no inference is cheaper than its price. It is the one
// price rule: a serving node charges it, x/inferencefees checks usage
// against it (UsageFeeBounds) and x/attribution judges a receipt's fee by it.
// The arithmetic is exact big-integer arithmetic; a nil component counts as
// zero. Prices on chain are at most MaxPriceCeiling (10^27), for which the
// fee of any uint64 token count stays far below math.Int's 256 bits (above
// them it panics, as math.Int arithmetic does).
func InferenceFee(price Price, tokens uint64) math.Int {
	fee := perTokens(price, new(big.Int).SetUint64(tokens))
	return math.NewIntFromBigInt(fee.Add(fee, component(price.PerCall)))
}

// UsageFeeBounds is the range the amount of a usage entry of inferences
// inferences with tokens tokens in total must lie in at price. Each
// inference is priced by InferenceFee and the fees are summed, so with
// p = per_1k_tokens and T = tokens
//
//	min = inferences × per_call + ceil(p × T / 1000)
//	max = min + (inferences − 1)        when p > 0 and inferences > 0
//	max = min                            when p = 0
//
// because a sum of n ceilings, Σ ceil(xᵢ), lies in [ceil(Σ xᵢ), ceil(Σ xᵢ) + n − 1]:
// however a node splits T tokens among the inferences, the sum of their fees
// is inside the bounds, and nothing else is. The arithmetic is exact, as in
// InferenceFee.
func UsageFeeBounds(price Price, inferences, tokens uint64) (minFee, maxFee math.Int) {
	n := new(big.Int).SetUint64(inferences)
	lo := perTokens(price, new(big.Int).SetUint64(tokens))
	lo.Add(lo, new(big.Int).Mul(n, component(price.PerCall)))
	hi := new(big.Int).Set(lo)
	if component(price.Per_1KTokens).Sign() > 0 && inferences > 0 {
		hi.Add(hi, n.Sub(n, big.NewInt(1)))
	}
	return math.NewIntFromBigInt(lo), math.NewIntFromBigInt(hi)
}

// perTokens is ceil(per_1k_tokens × tokens / 1000), for a component that is
// zero or positive.
func perTokens(price Price, tokens *big.Int) *big.Int {
	x := new(big.Int).Mul(component(price.Per_1KTokens), tokens)
	x.Add(x, big.NewInt(TokensPerPriceUnit-1))
	return x.Quo(x, big.NewInt(TokensPerPriceUnit))
}

// component is a price component as a big integer, nil as zero.
func component(v math.Int) *big.Int {
	if v.IsNil() {
		return new(big.Int)
	}
	return v.BigInt()
}
