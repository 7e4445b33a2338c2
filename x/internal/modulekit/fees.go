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
