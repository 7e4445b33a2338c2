package types

import (
	"cosmossdk.io/core/address"
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/internal/eip712"
	"github.com/openledger/openledger/x/internal/modulekit"
	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

const (
	// EthAddressSize is the size of an eth_secp256k1 account address, the
	// only kind that can sign vouchers and settlements.
	EthAddressSize = 20
	// MethodNone is the attribution method recorded for a model that the
	// batch carries no attribution entry for: no weights, the whole data
	// share is unattributed.
	MethodNone = "none"
	// MaxAttributionMethods bounds the attribution entries of one model in
	// a batch: a record is made for each.
	MaxAttributionMethods = 4
	// MaxPendingWithdrawals bounds the pending withdrawals of one user.
	MaxPendingWithdrawals = 16
	// SignatureVerifyGas is the gas charged for every signature recovered
	// (two per voucher), the price of the EVM's ecrecover precompile.
	SignatureVerifyGas = 3000
)

// ParseAddress decodes an account address into bytes and its canonical string.
func ParseAddress(ac address.Codec, field, s string) (sdk.AccAddress, string, error) {
	return modulekit.ParseAddress(ac, ErrInvalidAddress, field, s)
}

// ParseEthAddress decodes an account address that must be 20 bytes long
// (an eth_secp256k1 key's address), as vouchers and settlements need.
func ParseEthAddress(ac address.Codec, field, s string) (sdk.AccAddress, string, error) {
	bz, canonical, err := ParseAddress(ac, field, s)
	if err != nil {
		return nil, "", err
	}
	if len(bz) != EthAddressSize {
		return nil, "", errorsmod.Wrapf(ErrInvalidAddress, "%s %s is %d bytes, not a %d-byte eth_secp256k1 address", field, s, len(bz), EthAddressSize)
	}
	return bz, canonical, nil
}

// ValidateAmount checks an aopen amount that must be positive and at most
// MaxAmount.
func ValidateAmount(field string, a math.Int) error {
	if a.IsNil() || !a.IsPositive() {
		return errorsmod.Wrapf(ErrInvalidAmount, "%s must be positive", field)
	}
	if a.GT(MaxAmount) {
		return errorsmod.Wrapf(ErrInvalidAmount, "%s %s exceeds %s", field, a, MaxAmount)
	}
	return nil
}

// ValidateCoin checks a positive aopen coin.
func ValidateCoin(field string, c sdk.Coin) error {
	if c.Denom != Denom {
		return errorsmod.Wrapf(ErrInvalidDenom, "%s denom %q, want %s", field, c.Denom, Denom)
	}
	return ValidateAmount(field, c.Amount)
}

// ValidateSignatureSize checks that a signature is 65 bytes.
func ValidateSignatureSize(field string, sig []byte) error {
	if len(sig) != eip712.SignatureSize {
		return errorsmod.Wrapf(ErrMalformedSignature, "%s is %d bytes", field, len(sig))
	}
	return nil
}

// CheckUsagePrice checks what a usage entry (or a direct payment) charges
// for a model against the model's price: the amount must lie within
// x/modelreg's UsageFeeBounds(price, inferences, tokens), the range of every
// sum of InferenceFee over inferences inferences of tokens tokens in total.
// It is the one price check: MsgSettleBatch and MsgPayInference run it, and
// a serving node can run it before it settles.
func CheckUsagePrice(modelID uint64, price modelregtypes.Price, amount math.Int, inferences, tokens uint64) error {
	lo, hi := modelregtypes.UsageFeeBounds(price, inferences, tokens)
	if amount.IsNil() || amount.LT(lo) || amount.GT(hi) {
		return errorsmod.Wrapf(ErrUsageOffPrice,
			"model %d: amount %s for %d inferences of %d tokens; its price (%s per call, %s per 1,000 tokens) allows %s to %s",
			modelID, amount, inferences, tokens, price.PerCall, price.Per_1KTokens, lo, hi)
	}
	return nil
}
