package modulekit

import (
	"context"
	"reflect"

	"cosmossdk.io/core/address"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// IsNil reports a nil interface or an interface holding a nil pointer, map,
// slice, function or channel: a keeper dependency that was never built.
func IsNil(v any) bool {
	if v == nil {
		return true
	}
	switch rv := reflect.ValueOf(v); rv.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Func, reflect.Interface, reflect.Chan:
		return rv.IsNil()
	}
	return false
}

// ParseAddress decodes an account address with the chain's address codec and
// returns it with its canonical string form, the one stored in state. Errors
// wrap errInvalid, the calling module's registered error.
func ParseAddress(ac address.Codec, errInvalid *errorsmod.Error, field, s string) (sdk.AccAddress, string, error) {
	if s == "" {
		return nil, "", errorsmod.Wrapf(errInvalid, "%s is empty", field)
	}
	bz, err := ac.StringToBytes(s)
	if err != nil {
		return nil, "", errorsmod.Wrapf(errInvalid, "%s %q: %v", field, s, err)
	}
	if len(bz) == 0 {
		return nil, "", errorsmod.Wrapf(errInvalid, "%s %q is empty", field, s)
	}
	canonical, err := ac.BytesToString(bz)
	if err != nil {
		return nil, "", errorsmod.Wrapf(errInvalid, "%s %q: %v", field, s, err)
	}
	return bz, canonical, nil
}

// Burner burns coins held by a module account.
type Burner interface {
	BurnCoins(ctx context.Context, moduleName string, amounts sdk.Coins) error
}

// Collector takes coins from an account into a module account.
type Collector interface {
	SendCoinsFromAccountToModule(ctx context.Context, senderAddr sdk.AccAddress, recipientModule string, amt sdk.Coins) error
}

// Payer pays coins out of a module account to an account.
type Payer interface {
	SendCoinsFromModuleToAccount(ctx context.Context, senderModule string, recipientAddr sdk.AccAddress, amt sdk.Coins) error
}

// ModuleBank is what a module that holds funds needs from x/bank: taking
// coins into its module account, paying and burning them out of it, and
// reading a balance (for its invariants).
type ModuleBank interface {
	Collector
	Payer
	Burner
	GetBalance(ctx context.Context, addr sdk.AccAddress, denom string) sdk.Coin
}

// CommunityPool takes funds into the community pool (x/protocolpool).
type CommunityPool interface {
	FundCommunityPool(ctx sdk.Context, amount sdk.Coins, sender sdk.AccAddress) error
}

// RouteFee sends a fee that a module account already holds to its
// destination: burned, or into the community pool. A zero fee moves nothing.
func RouteFee(
	ctx context.Context, bank Burner, pool CommunityPool,
	moduleName string, moduleAddress sdk.AccAddress, fee sdk.Coin, toCommunityPool bool,
) error {
	if fee.IsZero() {
		return nil
	}
	coins := sdk.NewCoins(fee)
	if toCommunityPool {
		if err := pool.FundCommunityPool(sdk.UnwrapSDKContext(ctx), coins, moduleAddress); err != nil {
			return errorsmod.Wrapf(err, "funding the community pool with fee %s", fee)
		}
		return nil
	}
	if err := bank.BurnCoins(ctx, moduleName, coins); err != nil {
		return errorsmod.Wrapf(err, "burning fee %s", fee)
	}
	return nil
}
