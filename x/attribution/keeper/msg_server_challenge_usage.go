package keeper

import (
	"context"
	"slices"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	"github.com/openledger/openledger/x/attribution/types"
	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

// ChallengeUsage disputes one receipt of a PENDING record for disagreeing
// with the batch the serving node settled. The record must be of version 2
// (it keeps the price and the batch's models) with a receipts root the node
// signed; the receipt is proven against it as in ChallengeAttribution and
// must not have been proven wrong before. Then, by claim:
//
//   - USAGE_CLAIM_MODEL: the receipt's model is none of the batch's models.
//     The chain sees this itself, so the challenge is upheld in the same
//     transaction (bond posted and returned, record overturned, node
//     slashed), without a vote.
//   - USAGE_CLAIM_FEE: the receipt is of the record's model and its fee is
//     not InferenceFee(record's price, prompt + completion tokens). The
//     mismatch is checked here; attestors vote (a price change can race a
//     settlement, so whether the node overcharged is their judgment).
//   - USAGE_CLAIM_TOKENS: the receipt is of the record's model and the
//     challenger states other token counts; attestors vote.
//
// A claim that does not hold (the model was settled, the fee matches, the
// counts are the receipt's) is refused with ErrUsageAgrees before any bond
// is posted.
func (k msgServer) ChallengeUsage(ctx context.Context, msg *types.MsgChallengeUsage) (*types.MsgChallengeUsageResponse, error) {
	d, err := k.dispute(ctx, msg.Challenger, msg.RecordId)
	if err != nil {
		return nil, err
	}
	addr, challenger, params, rec, now := d.addr, d.challenger, d.params, d.rec, d.now
	if rec.ReceiptVersion < types.ReceiptVersion2 {
		return nil, errorsmod.Wrapf(types.ErrUsageNotChallengeable,
			"record %d has version %d receipts, which carry no token counts or fees", rec.Id, rec.ReceiptVersion)
	}
	if !rec.NodeSignedRoot {
		return nil, errorsmod.Wrapf(types.ErrUsageNotChallengeable,
			"the receipts root of record %d was named by a payer, not signed by the serving node", rec.Id)
	}
	if err := msg.Receipt.ValidateVersion(rec.ReceiptVersion, k.AddressCodec(), params.MaxWeightsPerRecord); err != nil {
		return nil, err
	}
	if err := types.VerifyReceiptVersion(rec.ReceiptVersion, rec.ReceiptsRoot, msg.LeafCount, msg.Receipt, msg.LeafIndex, msg.Proof); err != nil {
		return nil, err
	}
	if err := checkUsageClaim(rec, msg); err != nil {
		return nil, err
	}
	proven, err := k.ProvenReceipts.Has(ctx, collections.Join(rec.ReceiptsRoot, msg.LeafIndex))
	if err != nil {
		return nil, err
	}
	if proven {
		return nil, errorsmod.Wrapf(types.ErrReceiptAlreadyProven, "leaf %d of receipts root %X", msg.LeafIndex, rec.ReceiptsRoot)
	}

	ch := types.Challenge{
		Challenger: challenger, Receipt: msg.Receipt, LeafIndex: msg.LeafIndex, LeafCount: msg.LeafCount, UsageClaim: msg.Claim,
	}
	if msg.Claim == types.USAGE_CLAIM_TOKENS {
		ch.ClaimedPromptTokens, ch.ClaimedCompletionTokens = msg.ClaimedPromptTokens, msg.ClaimedCompletionTokens
	}
	if ch, err = k.openChallenge(ctx, addr, rec, now, params, ch); err != nil {
		return nil, err
	}
	if err := k.Emit(ctx, &types.EventUsageChallenged{
		ChallengeId: ch.Id, RecordId: rec.Id, Challenger: challenger, Bond: ch.Bond, LeafIndex: msg.LeafIndex,
		Claim: msg.Claim, VotingDeadline: ch.VotingDeadline,
	}); err != nil {
		return nil, err
	}
	resp := &types.MsgChallengeUsageResponse{ChallengeId: ch.Id, Status: ch.Status, VotingDeadline: ch.VotingDeadline}
	if msg.Claim == types.USAGE_CLAIM_MODEL {
		if err := k.uphold(ctx, ch, params); err != nil {
			return nil, err
		}
		resp.Status = types.CHALLENGE_STATUS_UPHELD
	}
	return resp, nil
}

// checkUsageClaim checks that a usage claim holds as far as the chain can
// tell: see ChallengeUsage.
func checkUsageClaim(rec types.AttributionRecord, msg *types.MsgChallengeUsage) error {
	if msg.Claim != types.USAGE_CLAIM_TOKENS && (msg.ClaimedPromptTokens != 0 || msg.ClaimedCompletionTokens != 0) {
		return errorsmod.Wrapf(types.ErrInvalidUsageClaim, "%s states no token counts", msg.Claim)
	}
	r := msg.Receipt
	switch msg.Claim {
	case types.USAGE_CLAIM_MODEL:
		if slices.Contains(rec.BatchModelIds, r.ModelID) {
			return errorsmod.Wrapf(types.ErrUsageAgrees,
				"model %d was settled by the batch of record %d (models %v): challenge its own record", r.ModelID, rec.Id, rec.BatchModelIds)
		}
		return nil
	case types.USAGE_CLAIM_FEE, types.USAGE_CLAIM_TOKENS:
	default:
		return errorsmod.Wrapf(types.ErrInvalidUsageClaim, "claim %s", msg.Claim)
	}
	if r.ModelID != rec.ModelId {
		return errorsmod.Wrapf(types.ErrReceiptModelMismatch, "receipt of model %d, record of model %d", r.ModelID, rec.ModelId)
	}
	if msg.Claim == types.USAGE_CLAIM_TOKENS {
		if msg.ClaimedPromptTokens == r.PromptTokens && msg.ClaimedCompletionTokens == r.CompletionTokens {
			return errorsmod.Wrapf(types.ErrUsageAgrees, "claimed token counts %d + %d are the receipt's", r.PromptTokens, r.CompletionTokens)
		}
		return nil
	}
	// A token count above 64 bits has no right fee: the claim holds.
	if tokens, ok := r.TotalTokens(); ok {
		if want := modelregtypes.InferenceFee(rec.Price, tokens); r.FeeOrZero().Equal(want) {
			return errorsmod.Wrapf(types.ErrUsageAgrees, "fee %s is the price's for %d tokens", want, tokens)
		}
	}
	return nil
}
