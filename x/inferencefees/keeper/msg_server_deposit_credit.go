package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/inferencefees/types"
)

// DepositCredit moves aopen from the user's account into the module account
// and adds it to the user's credit. Only eth_secp256k1 accounts (20-byte
// addresses) may hold credit: only they can sign vouchers.
func (k msgServer) DepositCredit(ctx context.Context, msg *types.MsgDepositCredit) (*types.MsgDepositCreditResponse, error) {
	c, err := k.newCreditChange(ctx, types.ParseEthAddress, msg.User, msg.Amount)
	if err != nil {
		return nil, err
	}
	if msg.Amount.Amount.LT(c.params.MinDeposit) {
		return nil, errorsmod.Wrapf(types.ErrBelowMinDeposit, "%s is below %s%s", msg.Amount, c.params.MinDeposit, types.Denom)
	}
	user, userStr, credit := c.user, c.userStr, c.credit
	if err := k.bankKeeper.SendCoinsFromAccountToModule(ctx, user, types.ModuleName, sdk.NewCoins(msg.Amount)); err != nil {
		return nil, errorsmod.Wrapf(err, "depositing %s", msg.Amount)
	}
	credit.User = userStr
	credit.Balance = credit.Balance.Add(msg.Amount.Amount)
	if err := k.setCredit(ctx, user, credit); err != nil {
		return nil, err
	}
	if err := k.Emit(ctx, &types.EventCreditDeposited{User: userStr, Amount: msg.Amount.Amount, Balance: credit.Balance}); err != nil {
		return nil, err
	}
	return &types.MsgDepositCreditResponse{Balance: credit.Balance}, nil
}
