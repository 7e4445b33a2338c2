package types

import (
	"cosmossdk.io/core/address"
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	attributiontypes "github.com/openledger/openledger/x/attribution/types"
	"github.com/openledger/openledger/x/internal/eip712"
	"github.com/openledger/openledger/x/internal/keeperutil"
)

const (
	// ReceiptsRootSize is the size of a receipts root (SHA-256).
	ReceiptsRootSize = 32
	// EthAddressSize is the size of an eth_secp256k1 account address, the
	// only kind that can sign vouchers and settlements.
	EthAddressSize = 20
	// MaxMethodLength bounds an attribution method name.
	MaxMethodLength = 32
	// MethodNone is the attribution method recorded for a model that the
	// batch carries no attribution entry for: no weights, the whole data
	// share is unattributed.
	MethodNone = "none"
	// MaxPendingWithdrawals bounds the pending withdrawals of one user.
	MaxPendingWithdrawals = 16
	// SignatureVerifyGas is the gas charged for every signature recovered
	// (two per voucher), the price of the EVM's ecrecover precompile.
	SignatureVerifyGas = 3000
)

// ParseAddress decodes an account address into bytes and its canonical string.
func ParseAddress(ac address.Codec, field, s string) (sdk.AccAddress, string, error) {
	return keeperutil.ParseAddress(ac, ErrInvalidAddress, field, s)
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

// ValidateReceiptsRoot checks a 32-byte receipts root.
func ValidateReceiptsRoot(root []byte) error {
	if len(root) != ReceiptsRootSize {
		return errorsmod.Wrapf(ErrInvalidReceiptsRoot, "got %d bytes", len(root))
	}
	return nil
}

// ValidateMethod checks an attribution method name: 1 to 32 bytes of
// [a-z0-9.-].
func ValidateMethod(method string) error {
	if method == "" || len(method) > MaxMethodLength {
		return errorsmod.Wrapf(ErrInvalidAttribution, "method %q must be 1 to %d bytes", method, MaxMethodLength)
	}
	for i := 0; i < len(method); i++ {
		c := method[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-') {
			return errorsmod.Wrapf(ErrInvalidAttribution, "method %q: only [a-z0-9.-] allowed", method)
		}
	}
	return nil
}

// ValidateWeights checks attribution weights: strictly ascending
// contribution ids, each ppm in 1..1,000,000, summing to at most 1,000,000.
// Whether each contribution exists is x/attribution's check.
func ValidateWeights(weights []attributiontypes.ContributionWeight) error {
	var sum uint64
	for i, w := range weights {
		if w.Ppm == 0 || w.Ppm > attributiontypes.PPMTotal {
			return errorsmod.Wrapf(ErrInvalidAttribution, "weight %d: ppm %d must be in 1..%d", i, w.Ppm, attributiontypes.PPMTotal)
		}
		if i > 0 && w.ContributionId <= weights[i-1].ContributionId {
			return errorsmod.Wrapf(ErrInvalidAttribution, "weight %d: contribution ids must ascend strictly", i)
		}
		sum += uint64(w.Ppm)
	}
	if sum > attributiontypes.PPMTotal {
		return errorsmod.Wrapf(ErrInvalidAttribution, "weights sum to %d ppm, above %d", sum, attributiontypes.PPMTotal)
	}
	return nil
}

// ValidateMethodAndWeights checks an optional attribution: either nothing
// (method empty, no weights) or a valid method with valid weights (which may
// be empty). It returns the method to record: MethodNone for nothing.
func ValidateMethodAndWeights(method string, weights []attributiontypes.ContributionWeight) (string, error) {
	if method == "" {
		if len(weights) > 0 {
			return "", errorsmod.Wrap(ErrInvalidAttribution, "weights need a method")
		}
		return MethodNone, nil
	}
	if err := ValidateMethod(method); err != nil {
		return "", err
	}
	if err := ValidateWeights(weights); err != nil {
		return "", err
	}
	return method, nil
}
