package keeper

import (
	"bytes"
	"context"
	"encoding/hex"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/modulekit"
)

// SubmitContribution records a pending contribution. The contributor pays
// the per-byte fee (burned or sent to the community pool) and the deposit
// (held until review) in one transfer.
func (k msgServer) SubmitContribution(ctx context.Context, msg *types.MsgSubmitContribution) (*types.MsgSubmitContributionResponse, error) {
	contributorAddr, contributor, err := types.ParseAddress(k.AddressCodec(), "contributor", msg.Contributor)
	if err != nil {
		return nil, err
	}
	d, err := k.activeDatanet(ctx, msg.DatanetId, "contributions")
	if err != nil {
		return nil, err
	}
	if d.Visibility == types.VISIBILITY_PRIVATE && contributor != d.Owner && !isCurator(d, contributor) {
		return nil, errorsmod.Wrapf(types.ErrNotAllowedToContribute, "%s is neither owner nor curator of private datanet %d", contributor, d.Id)
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	if err := types.ValidateContent(msg.ContentHash, msg.SizeBytes, msg.MediaType, msg.InlineData, msg.Uri, params.MaxInlineBytes); err != nil {
		return nil, err
	}
	owner, err := k.AcceptedContent.Get(ctx, collections.Join(d.Id, msg.ContentHash))
	switch {
	case err == nil:
		return nil, errorsmod.Wrapf(types.ErrDuplicateContent, "content %X is already accepted in datanet %d as contribution %d",
			msg.ContentHash, d.Id, owner)
	case !errorsmod.IsOf(err, collections.ErrNotFound):
		return nil, err
	}

	fee := params.ContributionFee(msg.SizeBytes)
	deposit := params.ContributionDeposit
	if err := k.collect(ctx, contributorAddr, fee, deposit, params.FeeDestination); err != nil {
		return nil, err
	}
	id, err := modulekit.NextID(ctx, k.NextContributionID)
	if err != nil {
		return nil, err
	}
	c := types.Contribution{
		Id:              id,
		DatanetId:       d.Id,
		Contributor:     contributor,
		ContentHash:     bytes.Clone(msg.ContentHash),
		SizeBytes:       msg.SizeBytes,
		MediaType:       msg.MediaType,
		InlineData:      bytes.Clone(msg.InlineData),
		Uri:             msg.Uri,
		Status:          types.CONTRIBUTION_STATUS_PENDING,
		FeePaid:         fee,
		Deposit:         deposit,
		SubmittedHeight: k.Height(ctx),
	}
	if err := k.Contributions.Set(ctx, id, c); err != nil {
		return nil, err
	}

	if err := k.Emit(ctx, &types.EventContributionSubmitted{
		ContributionId: id, DatanetId: d.Id, Contributor: contributor,
		ContentHash: hex.EncodeToString(c.ContentHash), SizeBytes: c.SizeBytes, Inline: len(c.InlineData) > 0,
		FeePaid: fee, Deposit: deposit,
	}); err != nil {
		return nil, err
	}
	return &types.MsgSubmitContributionResponse{ContributionId: id, FeePaid: fee, Deposit: deposit}, nil
}

// zeroCoin is a zero amount of a denom.
func zeroCoin(denom string) sdk.Coin {
	return sdk.NewInt64Coin(denom, 0)
}
