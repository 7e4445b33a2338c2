package types

import (
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/internal/modulekit"
)

// DefaultDenom is the chain's base denom, the denom of the default fees.
const DefaultDenom = modulekit.BaseDenom

// Default parameters.
var (
	// DefaultRegistrationFee: 1 OPEN, so models are not registered by the
	// thousand for free.
	DefaultRegistrationFee = sdk.NewCoin(DefaultDenom, modulekit.OPEN(1))
	// DefaultMaxPrice: 1,000 OPEN per call or per 1,000 tokens, far above any
	// sane price and far below an amount that overflows settlement maths.
	DefaultMaxPrice = modulekit.OPEN(1000)
)

// DefaultFeeDestination burns fees: supply is fixed and the fee is an
// anti-spam price, not income.
const DefaultFeeDestination = FEE_DESTINATION_BURN

// MaxPriceCeiling bounds params.max_price: 10^9 OPEN, the whole supply.
var MaxPriceCeiling = modulekit.OPEN(1_000_000_000)

// DefaultParams returns the default parameters.
func DefaultParams() Params {
	return Params{
		RegistrationFee: DefaultRegistrationFee,
		FeeDestination:  DefaultFeeDestination,
		MaxPrice:        DefaultMaxPrice,
	}
}

// Validate checks the parameters.
func (p Params) Validate() error {
	if err := sdk.ValidateDenom(p.RegistrationFee.Denom); err != nil {
		return errorsmod.Wrapf(ErrInvalidParams, "registration_fee denom %q: %v", p.RegistrationFee.Denom, err)
	}
	if p.RegistrationFee.Amount.IsNil() || p.RegistrationFee.Amount.IsNegative() {
		return errorsmod.Wrapf(ErrInvalidParams, "registration_fee amount %s must be zero or positive", p.RegistrationFee.Amount)
	}
	if p.FeeDestination != FEE_DESTINATION_BURN && p.FeeDestination != FEE_DESTINATION_COMMUNITY_POOL {
		return errorsmod.Wrapf(ErrInvalidParams, "fee_destination %s", p.FeeDestination)
	}
	if p.MaxPrice.IsNil() || !p.MaxPrice.IsPositive() {
		return errorsmod.Wrapf(ErrInvalidParams, "max_price %s must be positive", p.MaxPrice)
	}
	if p.MaxPrice.GT(MaxPriceCeiling) {
		return errorsmod.Wrapf(ErrInvalidParams, "max_price %s exceeds %s", p.MaxPrice, MaxPriceCeiling)
	}
	return nil
}
