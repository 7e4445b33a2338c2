package keeper

import (
	"context"

	"cosmossdk.io/collections"

	"github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/modulekit"
)

// ArchiveDatanet makes a Datanet read-only for good. Its pending
// contributions can no longer be reviewed, so they are closed as withdrawn
// and their deposits returned; nothing stays locked in the module account.
func (k msgServer) ArchiveDatanet(ctx context.Context, msg *types.MsgArchiveDatanet) (*types.MsgArchiveDatanetResponse, error) {
	d, err := k.ownedActiveDatanet(ctx, msg.Owner, msg.DatanetId)
	if err != nil {
		return nil, err
	}

	// Collect first: the loop below changes the index it would iterate.
	iter, err := k.Contributions.Indexes.DatanetStatus.MatchExact(ctx,
		collections.Join(d.Id, int32(types.CONTRIBUTION_STATUS_PENDING)))
	if err != nil {
		return nil, err
	}
	pending, err := iter.PrimaryKeys()
	if err != nil {
		return nil, err
	}

	height := k.Height(ctx)
	for _, id := range pending {
		c, err := k.GetContribution(ctx, id)
		if err != nil {
			return nil, err
		}
		if err := k.returnDeposit(ctx, c.Contributor, c.Deposit); err != nil {
			return nil, err
		}
		c.Status = types.CONTRIBUTION_STATUS_WITHDRAWN
		c.DepositOutcome = types.DEPOSIT_OUTCOME_RETURNED
		c.ResolvedHeight = height
		c.Reason = types.ArchivedReason
		if err := modulekit.SetAndEmit(ctx, k.Env, k.Contributions.Set, id, c, &types.EventContributionWithdrawn{
			ContributionId: id, DatanetId: d.Id, Contributor: c.Contributor, DepositReturned: c.Deposit,
		}); err != nil {
			return nil, err
		}
	}

	d.Status = types.DATANET_STATUS_ARCHIVED
	if err := k.saveDatanet(ctx, d, &types.EventDatanetArchived{DatanetId: d.Id, ClosedContributionIds: pending}); err != nil {
		return nil, err
	}
	return &types.MsgArchiveDatanetResponse{ClosedContributionIds: pending}, nil
}
