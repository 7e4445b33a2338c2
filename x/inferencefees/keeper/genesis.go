package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/inferencefees/types"
	"github.com/openledger/openledger/x/internal/modulekit"
)

// InitGenesis validates and writes the genesis state; the withdrawal queue
// and the channel index are rebuilt. The module account must hold exactly
// the sum of the credit balances, so x/bank's genesis must run first.
func (k Keeper) InitGenesis(ctx context.Context, gs types.GenesisState) error {
	if err := gs.Validate(k.AddressCodec()); err != nil {
		return err
	}
	held := k.bankKeeper.GetBalance(ctx, k.ModuleAddress(), types.Denom).Amount
	if sum := gs.CreditSum(); !held.Equal(sum) {
		return errorsmod.Wrapf(types.ErrInvalidGenesis, "the module account holds %s%s, the credits sum to %s%s", held, types.Denom, sum, types.Denom)
	}
	if err := modulekit.Import(ctx,
		modulekit.ImportItem(k.Params, gs.Params),
		modulekit.ImportItem(k.Totals, gs.Totals),
		modulekit.ImportNextID(k.NextWithdrawalID, gs.NextWithdrawalId),
		modulekit.ImportValues(k.Credits, gs.Credits, func(c types.Credit) (sdk.AccAddress, error) {
			user, _, err := types.ParseAddress(k.AddressCodec(), "user", c.User)
			return user, err
		}),
	); err != nil {
		return err
	}
	for _, w := range gs.Withdrawals {
		user, _, err := types.ParseAddress(k.AddressCodec(), "user", w.User)
		if err != nil {
			return err
		}
		if err := k.Withdrawals.Set(ctx, collections.Join(user, w.Id), w); err != nil {
			return err
		}
		if err := k.WithdrawalQueue.Set(ctx, collections.Join3(w.ReleaseTime, user, w.Id)); err != nil {
			return err
		}
	}
	for _, ch := range gs.Channels {
		user, _, err := types.ParseAddress(k.AddressCodec(), "user", ch.User)
		if err != nil {
			return err
		}
		node, _, err := types.ParseAddress(k.AddressCodec(), "serving_node", ch.ServingNode)
		if err != nil {
			return err
		}
		if err := k.Channels.Set(ctx, collections.Join(user, node), ch); err != nil {
			return err
		}
	}
	return nil
}

// ExportGenesis returns the state in key order.
func (k Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	gs := &types.GenesisState{}
	return modulekit.Export(ctx, gs,
		modulekit.ExportItem(&gs.Params, k.Params.Get),
		modulekit.ExportItem(&gs.Totals, k.GetTotals),
		modulekit.ExportNextID(&gs.NextWithdrawalId, k.NextWithdrawalID),
		modulekit.ExportValues(&gs.Credits, k.Credits.Walk),
		modulekit.ExportValues(&gs.Withdrawals, k.Withdrawals.Walk),
		modulekit.ExportValues(&gs.Channels, k.Channels.Walk),
	)
}
