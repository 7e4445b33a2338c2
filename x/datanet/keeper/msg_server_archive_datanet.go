package keeper

import (
	"context"

	"github.com/cosmos/gogoproto/proto"

	"cosmossdk.io/collections"

	"github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/modulekit"
)

// ArchiveDatanet makes a Datanet read-only for good. Its pending
// contributions can no longer be reviewed, so they are closed as withdrawn
// and their deposits returned; nothing stays locked in the module account.
func (k msgServer) ArchiveDatanet(ctx context.Context, msg *types.MsgArchiveDatanet) (*types.MsgArchiveDatanetResponse, error) {
	var pending []uint64
	if err := k.changeDatanet(ctx, msg.Owner, msg.DatanetId, func(d *types.Datanet) (proto.Message, error) {
		// Collect first: the loop below changes the index it would iterate.
		iter, err := k.Contributions.Indexes.DatanetStatus.MatchExact(ctx,
			collections.Join(d.Id, int32(types.CONTRIBUTION_STATUS_PENDING)))
		if err != nil {
			return nil, err
		}
		if pending, err = iter.PrimaryKeys(); err != nil {
			return nil, err
		}
		if err := k.closePending(ctx, d.Id, pending); err != nil {
			return nil, err
		}
		d.Status = types.DATANET_STATUS_ARCHIVED
		return &types.EventDatanetArchived{DatanetId: d.Id, ClosedContributionIds: pending}, nil
	}); err != nil {
		return nil, err
	}
	return &types.MsgArchiveDatanetResponse{ClosedContributionIds: pending}, nil
}

// closePending closes the pending contributions of an archived Datanet as
// withdrawn and returns their deposits.
func (k Keeper) closePending(ctx context.Context, datanetID uint64, pending []uint64) error {
	height := k.Height(ctx)
	for _, id := range pending {
		c, err := k.GetContribution(ctx, id)
		if err != nil {
			return err
		}
		if err := k.returnDeposit(ctx, c.Contributor, c.Deposit); err != nil {
			return err
		}
		c.Status = types.CONTRIBUTION_STATUS_WITHDRAWN
		c.DepositOutcome = types.DEPOSIT_OUTCOME_RETURNED
		c.ResolvedHeight = height
		c.Reason = types.ArchivedReason
		if err := modulekit.SetAndEmit(ctx, k.Env, k.Contributions.Set, id, c, &types.EventContributionWithdrawn{
			ContributionId: id, DatanetId: datanetID, Contributor: c.Contributor, DepositReturned: c.Deposit,
		}); err != nil {
			return err
		}
	}
	return nil
}
