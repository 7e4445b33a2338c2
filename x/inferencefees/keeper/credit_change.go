package keeper

import (
	"context"

	"cosmossdk.io/core/address"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/inferencefees/types"
)

// creditChange is a checked request by a user to move an amount into or
// out of their credit, with what both kinds of request need to proceed.
type creditChange struct {
	user    sdk.AccAddress
	userStr string
	params  types.Params
	credit  types.Credit
}

// addressParser parses a message's address field into its bytes and
// canonical string (types.ParseAddress, or types.ParseEthAddress where only
// an Ethereum account may act).
type addressParser func(ac address.Codec, field, s string) (sdk.AccAddress, string, error)

// newCreditChange checks a credit message's user, parsed by parse, and its
// amount (a positive aopen coin), then loads the params and the user's
// credit as they are now.
func (k msgServer) newCreditChange(ctx context.Context, parse addressParser, user string, amount sdk.Coin) (creditChange, error) {
	var c creditChange
	var err error
	if c.user, c.userStr, err = parse(k.AddressCodec(), "user", user); err != nil {
		return c, err
	}
	if err := types.ValidateCoin("amount", amount); err != nil {
		return c, err
	}
	if c.params, err = k.Params.Get(ctx); err != nil {
		return c, err
	}
	c.credit, err = k.GetCredit(ctx, c.user)
	return c, err
}
