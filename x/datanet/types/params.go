package types

import (
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/internal/modulekit"
)

// DefaultDenom is the chain's base denom, the denom of the default fees and
// deposits.
const DefaultDenom = modulekit.BaseDenom

// Default parameters.
var (
	// DefaultCreationFee: 10 OPEN, enough that Datanets are not created for
	// free by the thousand, small next to the cost of curating one.
	DefaultCreationFee = sdk.NewCoin(DefaultDenom, modulekit.OPEN(10))
	// DefaultFeePerByte: 10^9 aopen (1 gwei) per byte, so a 4 KiB inline row
	// costs about 0.000004 OPEN and a 1 GiB off-chain file about 1.07 OPEN.
	DefaultFeePerByte = sdk.NewCoin(DefaultDenom, math.NewInt(1_000_000_000))
	// DefaultContributionDeposit: 1 OPEN held while pending, returned on
	// acceptance, so spam costs the spammer and honest work costs nothing.
	DefaultContributionDeposit = sdk.NewCoin(DefaultDenom, modulekit.OPEN(1))
)

const (
	// DefaultMaxInlineBytes is 4 KiB = 4,096 bytes: a paragraph of text, a
	// JSON record or a short code sample fits, so small rows live on chain and
	// anyone can rebuild the attribution index from chain state alone. Larger
	// content goes off chain by URI and is bound by its hash. At 4 KiB a
	// contribution stays a small transaction (well under the gas and block
	// limits), and 100 of them add at most 400 KiB of state.
	DefaultMaxInlineBytes = 4 * 1024
	// DefaultFeeDestination burns fees: supply is fixed and data fees are an
	// anti-spam price, not income.
	DefaultFeeDestination = FEE_DESTINATION_BURN
	// DefaultRejectedDeposit burns a rejected contribution's deposit, which
	// is what makes the deposit a cost of spam.
	DefaultRejectedDeposit = REJECTED_DEPOSIT_POLICY_BURN
)

// DefaultParams returns the default parameters.
func DefaultParams() Params {
	return Params{
		CreationFee:         DefaultCreationFee,
		FeePerByte:          DefaultFeePerByte,
		ContributionDeposit: DefaultContributionDeposit,
		FeeDestination:      DefaultFeeDestination,
		RejectedDeposit:     DefaultRejectedDeposit,
		MaxInlineBytes:      DefaultMaxInlineBytes,
	}
}

// validateParamCoin accepts a coin with a valid denom and a non-negative amount
// (zero switches the charge off).
func validateParamCoin(name string, c sdk.Coin) error {
	if err := sdk.ValidateDenom(c.Denom); err != nil {
		return errorsmod.Wrapf(ErrInvalidParams, "%s denom %q: %v", name, c.Denom, err)
	}
	if c.Amount.IsNil() || c.Amount.IsNegative() {
		return errorsmod.Wrapf(ErrInvalidParams, "%s amount %s must be zero or positive", name, c.Amount)
	}
	return nil
}

// Validate checks the parameters.
func (p Params) Validate() error {
	if err := validateParamCoin("creation_fee", p.CreationFee); err != nil {
		return err
	}
	if err := validateParamCoin("fee_per_byte", p.FeePerByte); err != nil {
		return err
	}
	if err := validateParamCoin("contribution_deposit", p.ContributionDeposit); err != nil {
		return err
	}
	if p.FeeDestination != FEE_DESTINATION_BURN && p.FeeDestination != FEE_DESTINATION_COMMUNITY_POOL {
		return errorsmod.Wrapf(ErrInvalidParams, "fee_destination %s", p.FeeDestination)
	}
	if p.RejectedDeposit != REJECTED_DEPOSIT_POLICY_BURN && p.RejectedDeposit != REJECTED_DEPOSIT_POLICY_RETURN {
		return errorsmod.Wrapf(ErrInvalidParams, "rejected_deposit %s", p.RejectedDeposit)
	}
	if p.MaxInlineBytes > MaxInlineBytesCeiling {
		return errorsmod.Wrapf(ErrInvalidParams, "max_inline_bytes %d exceeds %d", p.MaxInlineBytes, MaxInlineBytesCeiling)
	}
	return nil
}

// ContributionFee is the per-byte fee for content of the given size.
func (p Params) ContributionFee(size uint64) sdk.Coin {
	return sdk.NewCoin(p.FeePerByte.Denom, p.FeePerByte.Amount.Mul(math.NewIntFromUint64(size)))
}
