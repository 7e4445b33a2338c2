package keeper

import (
	"context"
	"time"

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
	d, err := k.dispute(ctx, msg.Challenger, msg.RecordId)
	if err != nil {
		return nil, err
	}
	addr, challenger, params, rec, now := d.addr, d.challenger, d.params, d.rec, d.now
	if err := msg.Receipt.ValidateVersion(rec.ReceiptVersion, k.AddressCodec(), params.MaxWeightsPerRecord); err != nil {
		return nil, err
	}
	if msg.Receipt.ModelID != rec.ModelId {
		return nil, errorsmod.Wrapf(types.ErrReceiptModelMismatch, "receipt of model %d, record of model %d", msg.Receipt.ModelID, rec.ModelId)
	}
	// From version 3 a batch holds a receipt per answer and method: a
	// record is disputed with receipts of its own method only.
	if rec.ReceiptVersion >= types.ReceiptVersion3 && msg.Receipt.Method != rec.Method {
		return nil, errorsmod.Wrapf(types.ErrReceiptMethodMismatch, "receipt of method %q, record of method %q", msg.Receipt.Method, rec.Method)
	}
	if err := types.VerifyReceiptVersion(rec.ReceiptVersion, rec.ReceiptsRoot, msg.LeafCount, msg.Receipt, msg.LeafIndex, msg.Proof); err != nil {
		return nil, err
	}
	if err := types.ValidateWeights(msg.RecomputedWeights, params.MaxWeightsPerRecord); err != nil {
		return nil, errorsmod.Wrap(err, "recomputed weights")
	}
	if types.EqualWeights(msg.Receipt.Weights, msg.RecomputedWeights) {
		return nil, errorsmod.Wrap(types.ErrSameWeights, "nothing to dispute")
	}

	ch, err := k.openChallenge(ctx, addr, rec, now, params, types.Challenge{
		Challenger: challenger, Receipt: msg.Receipt, LeafIndex: msg.LeafIndex, LeafCount: msg.LeafCount,
		RecomputedWeights: msg.RecomputedWeights,
	})
	if err != nil {
		return nil, err
	}
	if err := k.Emit(ctx, &types.EventAttributionChallenged{
		ChallengeId: ch.Id, RecordId: rec.Id, Challenger: challenger, Bond: ch.Bond, LeafIndex: msg.LeafIndex, VotingDeadline: ch.VotingDeadline,
	}); err != nil {
		return nil, err
	}
	return &types.MsgChallengeAttributionResponse{ChallengeId: ch.Id, VotingDeadline: ch.VotingDeadline}, nil
}

// disputed is what every challenge starts from: the challenger (address and
// canonical string), the params, the record it disputes and the block time.
type disputed struct {
	addr       sdk.AccAddress
	challenger string
	params     types.Params
	rec        types.AttributionRecord
	now        time.Time
}

// dispute checks what a challenge by challenger of record id starts from:
// the challenger's address, the params, and a record that a challenge may
// dispute now (challengeableRecord).
func (k Keeper) dispute(ctx context.Context, challenger string, id uint64) (disputed, error) {
	var d disputed
	var err error
	if d.addr, d.challenger, err = types.ParseAddress(k.AddressCodec(), "challenger", challenger); err != nil {
		return d, err
	}
	if d.params, err = k.Params.Get(ctx); err != nil {
		return d, err
	}
	d.rec, d.now, err = k.challengeableRecord(ctx, id)
	return d, err
}

// challengeableRecord loads a record that a challenge may dispute now: a
// PENDING record before its challenge deadline that committed receipts. It
// returns the record and the block time.
func (k Keeper) challengeableRecord(ctx context.Context, id uint64) (types.AttributionRecord, time.Time, error) {
	now := k.BlockTime(ctx)
	rec, err := k.GetRecord(ctx, id)
	if err != nil {
		return rec, now, err
	}
	switch rec.Status {
	case types.RECORD_STATUS_PENDING:
	case types.RECORD_STATUS_CHALLENGED:
		return rec, now, errorsmod.Wrapf(types.ErrChallengeAlreadyOpen, "record %d has open challenge %d", rec.Id, rec.OpenChallengeId)
	default:
		return rec, now, errorsmod.Wrapf(types.ErrRecordNotPending, "record %d is %s", rec.Id, rec.Status)
	}
	if !now.Before(rec.ChallengeDeadline) {
		return rec, now, errorsmod.Wrapf(types.ErrChallengeWindowClosed, "record %d: deadline %s, block time %s", rec.Id, rec.ChallengeDeadline, now)
	}
	if types.NoReceipts(rec.ReceiptsRoot) {
		return rec, now, errorsmod.Wrapf(types.ErrRecordNotChallengeable, "record %d", rec.Id)
	}
	return rec, now, nil
}

// openChallenge opens a checked challenge of rec: the challenger (addr)
// posts params.challenge_bond, the challenge is stored OPEN with the next id
// and a voting deadline of now + voting_period and queued, and the record
// becomes CHALLENGED (out of the finalization queue). ch carries what the
// message disputes (challenger, receipt, leaf, claim); the rest is filled in.
func (k Keeper) openChallenge(
	ctx context.Context, addr sdk.AccAddress, rec types.AttributionRecord, now time.Time, params types.Params, ch types.Challenge,
) (types.Challenge, error) {
	bond := params.ChallengeBond
	if err := k.bankKeeper.SendCoinsFromAccountToModule(ctx, addr, types.ModuleName, sdk.NewCoins(bond)); err != nil {
		return ch, errorsmod.Wrapf(err, "posting challenge bond %s", bond)
	}
	id, err := modulekit.NextID(ctx, k.NextChallengeID)
	if err != nil {
		return ch, err
	}
	ch.Id = id
	ch.RecordId = rec.Id
	ch.Bond = bond
	ch.VotingDeadline = now.Add(params.VotingPeriod)
	ch.Status = types.CHALLENGE_STATUS_OPEN
	ch.UpholdStake, ch.RejectStake, ch.Slashed = math.ZeroInt(), math.ZeroInt(), math.ZeroInt()
	ch.CreatedHeight = k.Height(ctx)
	if err := k.Challenges.Set(ctx, id, ch); err != nil {
		return ch, err
	}
	if err := k.ChallengeQueue.Set(ctx, deadlineKey(ch.VotingDeadline, id)); err != nil {
		return ch, err
	}
	if err := k.RecordQueue.Remove(ctx, deadlineKey(rec.ChallengeDeadline, rec.Id)); err != nil {
		return ch, err
	}
	rec.Status = types.RECORD_STATUS_CHALLENGED
	rec.OpenChallengeId = id
	if err := k.Records.Set(ctx, rec.Id, rec); err != nil {
		return ch, err
	}
	return ch, nil
}
