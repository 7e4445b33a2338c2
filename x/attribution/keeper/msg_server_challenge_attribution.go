package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/attribution/types"
	"github.com/openledger/openledger/x/internal/modulekit"
)

// ChallengeAttribution disputes one receipt of a PENDING record before its
// deadline: the receipt must be of the record's model and proven in its
// receipts root, and the recomputed weights valid and different. The
// challenger posts params.challenge_bond; the record becomes CHALLENGED
// (out of the finalization queue) until attestors decide or voting closes.
func (k msgServer) ChallengeAttribution(ctx context.Context, msg *types.MsgChallengeAttribution) (*types.MsgChallengeAttributionResponse, error) {
	addr, challenger, err := types.ParseAddress(k.AddressCodec(), "challenger", msg.Challenger)
	if err != nil {
		return nil, err
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	rec, err := k.GetRecord(ctx, msg.RecordId)
	if err != nil {
		return nil, err
	}
	switch rec.Status {
	case types.RECORD_STATUS_PENDING:
	case types.RECORD_STATUS_CHALLENGED:
		return nil, errorsmod.Wrapf(types.ErrChallengeAlreadyOpen, "record %d has open challenge %d", rec.Id, rec.OpenChallengeId)
	default:
		return nil, errorsmod.Wrapf(types.ErrRecordNotPending, "record %d is %s", rec.Id, rec.Status)
	}
	now := k.BlockTime(ctx)
	if !now.Before(rec.ChallengeDeadline) {
		return nil, errorsmod.Wrapf(types.ErrChallengeWindowClosed, "record %d: deadline %s, block time %s", rec.Id, rec.ChallengeDeadline, now)
	}
	if types.NoReceipts(rec.ReceiptsRoot) {
		return nil, errorsmod.Wrapf(types.ErrRecordNotChallengeable, "record %d", rec.Id)
	}
	if err := msg.Receipt.Validate(k.AddressCodec(), params.MaxWeightsPerRecord); err != nil {
		return nil, err
	}
	if msg.Receipt.ModelID != rec.ModelId {
		return nil, errorsmod.Wrapf(types.ErrReceiptModelMismatch, "receipt of model %d, record of model %d", msg.Receipt.ModelID, rec.ModelId)
	}
	if err := types.VerifyReceipt(rec.ReceiptsRoot, msg.LeafCount, msg.Receipt, msg.LeafIndex, msg.Proof); err != nil {
		return nil, err
	}
	if err := types.ValidateWeights(msg.RecomputedWeights, params.MaxWeightsPerRecord); err != nil {
		return nil, errorsmod.Wrap(err, "recomputed weights")
	}
	if types.EqualWeights(msg.Receipt.Weights, msg.RecomputedWeights) {
		return nil, errorsmod.Wrap(types.ErrSameWeights, "nothing to dispute")
	}

	bond := params.ChallengeBond
	if err := k.bankKeeper.SendCoinsFromAccountToModule(ctx, addr, types.ModuleName, sdk.NewCoins(bond)); err != nil {
		return nil, errorsmod.Wrapf(err, "posting challenge bond %s", bond)
	}
	id, err := modulekit.NextID(ctx, k.NextChallengeID)
	if err != nil {
		return nil, err
	}
	deadline := now.Add(params.VotingPeriod)
	ch := types.Challenge{
		Id:                id,
		RecordId:          rec.Id,
		Challenger:        challenger,
		Bond:              bond,
		Receipt:           msg.Receipt,
		LeafIndex:         msg.LeafIndex,
		LeafCount:         msg.LeafCount,
		RecomputedWeights: msg.RecomputedWeights,
		VotingDeadline:    deadline,
		Status:            types.CHALLENGE_STATUS_OPEN,
		UpholdStake:       math.ZeroInt(),
		RejectStake:       math.ZeroInt(),
		Slashed:           math.ZeroInt(),
		CreatedHeight:     k.Height(ctx),
	}
	if err := k.Challenges.Set(ctx, id, ch); err != nil {
		return nil, err
	}
	if err := k.ChallengeQueue.Set(ctx, deadlineKey(deadline, id)); err != nil {
		return nil, err
	}
	if err := k.RecordQueue.Remove(ctx, deadlineKey(rec.ChallengeDeadline, rec.Id)); err != nil {
		return nil, err
	}
	rec.Status = types.RECORD_STATUS_CHALLENGED
	rec.OpenChallengeId = id
	if err := k.Records.Set(ctx, rec.Id, rec); err != nil {
		return nil, err
	}
	if err := k.Emit(ctx, &types.EventAttributionChallenged{
		ChallengeId: id, RecordId: rec.Id, Challenger: challenger, Bond: bond, LeafIndex: msg.LeafIndex, VotingDeadline: deadline,
	}); err != nil {
		return nil, err
	}
	return &types.MsgChallengeAttributionResponse{ChallengeId: id, VotingDeadline: deadline}, nil
}
