package types

import (
	"cosmossdk.io/core/address"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/internal/modulekit"
)

// ParseAddressStr decodes an account address, refused with
// ErrInvalidAddress, and returns it with its canonical string.
func ParseAddressStr(ac address.Codec, field, s string) (sdk.AccAddress, string, error) {
	return modulekit.ParseAddress(ac, ErrInvalidAddress, field, s)
}
