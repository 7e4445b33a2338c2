package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	"github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/modulekit"
)

// WithdrawContribution lets a contributor take back a pending contribution;
// the deposit is returned, the fee is not.
func (k msgServer) WithdrawContribution(ctx context.Context, msg *types.MsgWithdrawContribution) (*types.MsgWithdrawContributionResponse, error) {
	_, contributor, err := types.ParseAddress(k.AddressCodec(), "contributor", msg.Contributor)
	if err != nil {
		return nil, err
	}
	c, err := k.GetContribution(ctx, msg.ContributionId)
	if err != nil {
		return nil, err
	}
	if c.Contributor != contributor {
		return nil, errorsmod.Wrapf(types.ErrNotContributor, "%s did not submit contribution %d", contributor, c.Id)
	}
	if c.Status != types.CONTRIBUTION_STATUS_PENDING {
		return nil, errorsmod.Wrapf(types.ErrContributionNotPending, "contribution %d is %s", c.Id, c.Status)
	}

	if err := k.returnDeposit(ctx, c.Contributor, c.Deposit); err != nil {
		return nil, err
	}
	c.Status = types.CONTRIBUTION_STATUS_WITHDRAWN
	c.DepositOutcome = types.DEPOSIT_OUTCOME_RETURNED
	c.ResolvedHeight = k.Height(ctx)
	if err := modulekit.SetAndEmit(ctx, k.Env, k.Contributions.Set, c.Id, c, &types.EventContributionWithdrawn{
		ContributionId: c.Id, DatanetId: c.DatanetId, Contributor: c.Contributor, DepositReturned: c.Deposit,
	}); err != nil {
		return nil, err
	}
	return &types.MsgWithdrawContributionResponse{DepositReturned: c.Deposit}, nil
}
