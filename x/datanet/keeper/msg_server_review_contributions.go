package keeper

import (
	"context"
	"encoding/hex"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	"github.com/openledger/openledger/x/datanet/merkle"
	"github.com/openledger/openledger/x/datanet/types"
)

// ReviewContributions applies a batch of decisions on pending contributions
// of one Datanet, in order. Acceptances are appended to the Datanet's Merkle
// tree; if there is any, the batch makes version N+1 whose root covers every
// contribution accepted so far.
//
// An acceptance of content the Datanet already accepted (earlier, or earlier
// in this batch) becomes a rejection with reason "duplicate content": the
// first accepted contributor owns the content. Its deposit is returned,
// since the reviewer did not judge it bad.
func (k msgServer) ReviewContributions(ctx context.Context, msg *types.MsgReviewContributions) (*types.MsgReviewContributionsResponse, error) {
	_, reviewer, err := types.ParseAddress(k.AddressCodec(), "reviewer", msg.Reviewer)
	if err != nil {
		return nil, err
	}
	d, err := k.activeDatanet(ctx, msg.DatanetId, "reviews")
	if err != nil {
		return nil, err
	}
	mayReview := reviewer == d.Owner ||
		(d.CurationPolicy == types.CURATION_POLICY_CURATOR_SET_REVIEWS && isCurator(d, reviewer))
	if !mayReview {
		return nil, errorsmod.Wrapf(types.ErrNotReviewer, "%s may not review datanet %d (policy %s)", reviewer, d.Id, d.CurationPolicy)
	}
	contributions, accepts, err := k.checkReviewBatch(ctx, d.Id, msg.Decisions)
	if err != nil {
		return nil, err
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	frontier, err := k.loadFrontier(ctx, d.Id)
	if err != nil {
		return nil, err
	}
	if accepts > merkle.MaxLeaves-frontier.Count() {
		return nil, errorsmod.Wrapf(types.ErrMerkleTree, "datanet %d holds %d leaves, %d more exceed %d",
			d.Id, frontier.Count(), accepts, merkle.MaxLeaves)
	}

	// Everything is checked; from here on only the state changes.
	height := k.Height(ctx)
	newVersion := d.CurrentVersion + 1
	resp := &types.MsgReviewContributionsResponse{}
	for i, decision := range msg.Decisions {
		c := contributions[i]
		c.Reviewer = reviewer
		c.ResolvedHeight = height
		c.Reason = decision.Reason

		duplicate := false
		if decision.Accept {
			has, err := k.AcceptedContent.Has(ctx, collections.Join(d.Id, c.ContentHash))
			if err != nil {
				return nil, err
			}
			duplicate = has
		}
		switch {
		case decision.Accept && !duplicate:
			if err := k.appendAccepted(ctx, frontier, &c); err != nil {
				return nil, err
			}
			c.Status = types.CONTRIBUTION_STATUS_ACCEPTED
			c.AcceptedVersion = newVersion
			c.DepositOutcome = types.DEPOSIT_OUTCOME_RETURNED
			resp.AcceptedIds = append(resp.AcceptedIds, c.Id)
		case duplicate:
			c.Status = types.CONTRIBUTION_STATUS_REJECTED
			c.Reason = types.DuplicateContentReason
			c.DepositOutcome = types.DEPOSIT_OUTCOME_RETURNED
			resp.RejectedIds = append(resp.RejectedIds, c.Id)
		case params.RejectedDeposit == types.REJECTED_DEPOSIT_POLICY_RETURN:
			c.Status = types.CONTRIBUTION_STATUS_REJECTED
			c.DepositOutcome = types.DEPOSIT_OUTCOME_RETURNED
			resp.RejectedIds = append(resp.RejectedIds, c.Id)
		default:
			c.Status = types.CONTRIBUTION_STATUS_REJECTED
			c.DepositOutcome = types.DEPOSIT_OUTCOME_BURNED
			resp.RejectedIds = append(resp.RejectedIds, c.Id)
		}

		if c.DepositOutcome == types.DEPOSIT_OUTCOME_BURNED {
			err = k.burnDeposit(ctx, c.Deposit)
		} else {
			err = k.returnDeposit(ctx, c.Contributor, c.Deposit)
		}
		if err != nil {
			return nil, err
		}
		if err := k.Contributions.Set(ctx, c.Id, c); err != nil {
			return nil, err
		}
		if err := k.Emit(ctx, &types.EventContributionReviewed{
			ContributionId: c.Id, DatanetId: d.Id, Reviewer: reviewer, Status: c.Status,
			Reason: c.Reason, DepositOutcome: c.DepositOutcome, Deposit: c.Deposit,
		}); err != nil {
			return nil, err
		}
	}

	if len(resp.AcceptedIds) == 0 {
		return resp, nil
	}
	root := frontier.Root()
	version := types.Version{
		DatanetId: d.Id, Version: newVersion, Root: root.Bytes(), LeafCount: frontier.Count(), Height: height,
	}
	if err := k.Versions.Set(ctx, collections.Join(d.Id, newVersion), version); err != nil {
		return nil, err
	}
	if err := k.storeFrontier(ctx, d.Id, frontier); err != nil {
		return nil, err
	}
	d.CurrentVersion = newVersion
	d.UpdatedHeight = height
	if err := k.Datanets.Set(ctx, d.Id, d); err != nil {
		return nil, err
	}
	if err := k.Emit(ctx, &types.EventVersionCreated{
		DatanetId: d.Id, Version: newVersion, Root: hex.EncodeToString(version.Root), LeafCount: version.LeafCount,
	}); err != nil {
		return nil, err
	}
	resp.Version = newVersion
	resp.Root = version.Root
	return resp, nil
}

// checkReviewBatch loads the contributions of a batch and checks it: 1 to
// MaxReviewBatch decisions with valid reasons, on distinct pending
// contributions of the Datanet. It returns them in batch order and the
// number of acceptances.
func (k Keeper) checkReviewBatch(ctx context.Context, datanetID uint64, decisions []types.ReviewDecision) ([]types.Contribution, uint64, error) {
	if len(decisions) == 0 || len(decisions) > types.MaxReviewBatch {
		return nil, 0, errorsmod.Wrapf(types.ErrInvalidReviewBatch, "%d decisions, want 1 to %d", len(decisions), types.MaxReviewBatch)
	}
	contributions := make([]types.Contribution, len(decisions))
	accepts := uint64(0)
	for i, decision := range decisions {
		for _, earlier := range decisions[:i] {
			if earlier.ContributionId == decision.ContributionId {
				return nil, 0, errorsmod.Wrapf(types.ErrInvalidReviewBatch, "contribution %d decided twice", decision.ContributionId)
			}
		}
		if err := types.ValidateReason(decision.Reason); err != nil {
			return nil, 0, errorsmod.Wrapf(err, "contribution %d", decision.ContributionId)
		}
		c, err := k.GetContribution(ctx, decision.ContributionId)
		if err != nil {
			return nil, 0, err
		}
		if c.DatanetId != datanetID {
			return nil, 0, errorsmod.Wrapf(types.ErrWrongDatanet, "contribution %d belongs to datanet %d, not %d", c.Id, c.DatanetId, datanetID)
		}
		if c.Status != types.CONTRIBUTION_STATUS_PENDING {
			return nil, 0, errorsmod.Wrapf(types.ErrContributionNotPending, "contribution %d is %s", c.Id, c.Status)
		}
		contributions[i] = c
		if decision.Accept {
			accepts++
		}
	}
	return contributions, accepts, nil
}
