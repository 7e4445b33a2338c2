package openlora

import (
	"cosmossdk.io/math"

	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

// inferenceFee is what one answer of tokens (prompt + completion) costs at
// price: the per-call price plus the per-1,000-token price for tokens,
// rounded up to whole aopen.
func inferenceFee(price modelregtypes.Price, tokens uint64) math.Int {
	perCall, per1K := price.PerCall, price.Per_1KTokens
	if perCall.IsNil() {
		perCall = math.ZeroInt()
	}
	if per1K.IsNil() || per1K.IsZero() {
		return perCall
	}
	scaled := per1K.Mul(math.NewIntFromUint64(tokens))
	return perCall.Add(scaled.AddRaw(999).QuoRaw(1000))
}
