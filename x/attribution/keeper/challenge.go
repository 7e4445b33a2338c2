package keeper

import (
	"context"
	"fmt"
	"time"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/attribution/types"
)

// EvidenceRef is the evidence reference of the slash an upheld challenge causes.
func EvidenceRef(challengeID uint64) string {
	return fmt.Sprintf("attribution/challenge/%d", challengeID)
}

// quorumReached reports stake * 10,000 >= quorum_bps * total.
func quorumReached(stake, total math.Int, quorumBps uint32) bool {
	return stake.MulRaw(types.BpsTotal).GTE(total.MulRaw(int64(quorumBps)))
}

// closeChallenge marks a challenge resolved and takes it out of the queue.
func (k Keeper) closeChallenge(ctx context.Context, ch *types.Challenge, status types.ChallengeStatus) error {
	if err := k.ChallengeQueue.Remove(ctx, deadlineKey(ch.VotingDeadline, ch.Id)); err != nil {
		return err
	}
	ch.Status = status
	ch.ResolvedHeight = k.Height(ctx)
	return k.Challenges.Set(ctx, ch.Id, *ch)
}

// challengedRecord loads the record an open challenge disputes.
func (k Keeper) challengedRecord(ctx context.Context, ch types.Challenge) (types.AttributionRecord, error) {
	rec, err := k.GetRecord(ctx, ch.RecordId)
	if err != nil {
		return rec, err
	}
	if rec.Status != types.RECORD_STATUS_CHALLENGED || rec.OpenChallengeId != ch.Id {
		return rec, errorsmod.Wrapf(types.ErrRecordNotPending, "record %d is %s with open challenge %d, not %d",
			rec.Id, rec.Status, rec.OpenChallengeId, ch.Id)
	}
	return rec, nil
}

// returnBond pays the bond back to the challenger.
func (k Keeper) returnBond(ctx context.Context, ch types.Challenge) error {
	challenger, _, err := types.ParseAddress(k.AddressCodec(), "challenger", ch.Challenger)
	if err != nil {
		return err
	}
	if err := k.bankKeeper.SendCoinsFromModuleToAccount(ctx, types.ModuleName, challenger, sdk.NewCoins(ch.Bond)); err != nil {
		return errorsmod.Wrapf(err, "returning challenge bond %s", ch.Bond)
	}
	return nil
}

// uphold overturns the record: its pending payouts are cancelled and its
// whole data reward goes to params.overturned_destination; the challenger
// gets the bond back and the serving node is slashed. A usage challenge's
// receipt is marked proven, so it is not held against the node again. The slash runs in a
// cached context written only on success: a node that can no longer be
// slashed (already gone from x/agentstake) must not keep the record alive,
// so a failed slash is reported in the event instead of failing the vote.
func (k Keeper) uphold(ctx context.Context, ch types.Challenge, params types.Params) error {
	rec, err := k.challengedRecord(ctx, ch)
	if err != nil {
		return err
	}
	sums := newAddrSums(k.AddressCodec())
	if err := k.addPayouts(sums, rec.Payouts); err != nil {
		return err
	}
	if err := addEach(ctx, k.Pending, sums, true); err != nil {
		return err
	}
	if ch.UsageClaim != types.USAGE_CLAIM_UNSPECIFIED {
		if err := k.ProvenReceipts.Set(ctx, collections.Join(rec.ReceiptsRoot, ch.LeafIndex)); err != nil {
			return err
		}
	}
	rec.Status = types.RECORD_STATUS_OVERTURNED
	rec.OpenChallengeId = 0
	rec.ResolvedHeight = k.Height(ctx)
	if err := k.Records.Set(ctx, rec.Id, rec); err != nil {
		return err
	}
	if err := k.sendFunds(ctx, rec.DataReward.Amount, params.OverturnedDestination); err != nil {
		return err
	}
	if err := k.returnBond(ctx, ch); err != nil {
		return err
	}

	node, _, err := types.ParseAddress(k.AddressCodec(), "serving_node", rec.ServingNode)
	if err != nil {
		return err
	}
	challenger, _, err := types.ParseAddress(k.AddressCodec(), "challenger", ch.Challenger)
	if err != nil {
		return err
	}
	slashed, slashErr := math.ZeroInt(), ""
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	cacheCtx, write := sdkCtx.CacheContext()
	amt, err := k.agentstakeKeeper.SlashForAttribution(cacheCtx, node, EvidenceRef(ch.Id), challenger, rec.CreatedHeight)
	if err == nil && !amt.IsNil() {
		write()
		slashed = amt
	} else if err != nil {
		slashErr = err.Error()
	}
	ch.Slashed = slashed
	if err := k.closeChallenge(ctx, &ch, types.CHALLENGE_STATUS_UPHELD); err != nil {
		return err
	}
	if err := k.Emit(ctx, &types.EventRecordOverturned{
		RecordId: rec.Id, ChallengeId: ch.Id, DataReward: rec.DataReward, Destination: params.OverturnedDestination,
	}); err != nil {
		return err
	}
	return k.Emit(ctx, &types.EventChallengeResolved{
		ChallengeId: ch.Id, RecordId: rec.Id, Status: ch.Status, UpholdStake: ch.UpholdStake, RejectStake: ch.RejectStake,
		BondReturned: true, Slashed: slashed, SlashError: slashErr,
	})
}

// reject burns the bond and resumes the record.
func (k Keeper) reject(ctx context.Context, ch types.Challenge, now time.Time, params types.Params) error {
	return k.release(ctx, ch, types.CHALLENGE_STATUS_REJECTED, now, params)
}

// expireChallenge returns the bond of a challenge that reached no quorum
// and resumes the record.
func (k Keeper) expireChallenge(ctx context.Context, id uint64, now time.Time, params types.Params) error {
	ch, err := k.GetChallenge(ctx, id)
	if err != nil {
		return err
	}
	if ch.Status != types.CHALLENGE_STATUS_OPEN {
		return errorsmod.Wrapf(types.ErrChallengeNotOpen, "challenge %d in the queue is %s", id, ch.Status)
	}
	return k.release(ctx, ch, types.CHALLENGE_STATUS_EXPIRED, now, params)
}

// release ends a challenge that was not upheld: REJECTED burns the bond,
// EXPIRED returns it; the record resumes either way.
func (k Keeper) release(ctx context.Context, ch types.Challenge, status types.ChallengeStatus, now time.Time, params types.Params) error {
	rec, err := k.challengedRecord(ctx, ch)
	if err != nil {
		return err
	}
	returned := status == types.CHALLENGE_STATUS_EXPIRED
	if returned {
		if err := k.returnBond(ctx, ch); err != nil {
			return err
		}
	} else if err := k.bankKeeper.BurnCoins(ctx, types.ModuleName, sdk.NewCoins(ch.Bond)); err != nil {
		return errorsmod.Wrapf(err, "burning challenge bond %s", ch.Bond)
	}
	ch.Slashed = math.ZeroInt()
	if err := k.closeChallenge(ctx, &ch, status); err != nil {
		return err
	}
	if err := k.resume(ctx, rec, now, params); err != nil {
		return err
	}
	return k.Emit(ctx, &types.EventChallengeResolved{
		ChallengeId: ch.Id, RecordId: rec.Id, Status: status, UpholdStake: ch.UpholdStake, RejectStake: ch.RejectStake,
		BondReturned: returned, Slashed: math.ZeroInt(),
	})
}
