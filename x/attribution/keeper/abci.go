package keeper

import (
	"context"
	"time"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	"github.com/openledger/openledger/x/attribution/types"
)

// EndBlock first expires every OPEN challenge whose voting deadline is at or
// before the block time (no quorum: the bond goes back and the record
// resumes), then finalizes every PENDING record whose challenge deadline is
// at or before the block time. Both queues are ordered by deadline, so only
// matured entries are read. Work is not bounded per block: finalizing costs
// a few store writes per record and per distinct recipient (see README.md).
func (k Keeper) EndBlock(ctx context.Context) error {
	now := k.BlockTime(ctx)
	params, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}

	expired, err := due(ctx, k.ChallengeQueue, now)
	if err != nil {
		return err
	}
	for _, qk := range expired {
		if err := k.expireChallenge(ctx, qk.K2(), now, params); err != nil {
			return errorsmod.Wrapf(err, "expiring challenge %d", qk.K2())
		}
	}

	matured, err := due(ctx, k.RecordQueue, now)
	if err != nil {
		return err
	}
	if len(matured) == 0 {
		return nil
	}
	recs := make([]types.AttributionRecord, len(matured))
	for i, qk := range matured {
		rec, err := k.GetRecord(ctx, qk.K2())
		if err != nil {
			return errorsmod.Wrapf(err, "record in the queue")
		}
		if rec.Status != types.RECORD_STATUS_PENDING {
			return errorsmod.Wrapf(types.ErrRecordNotPending, "record %d in the queue is %s", rec.Id, rec.Status)
		}
		if err := k.RecordQueue.Remove(ctx, qk); err != nil {
			return err
		}
		recs[i] = rec
	}
	return k.finalize(ctx, recs, params)
}

// finalize makes records FINAL: their payouts move from pending to
// claimable and into the lifetime earnings, and their unattributed amounts
// go to params.unattributed_destination in one transfer. The records must
// already be out of the queue. Amounts are summed per address and per
// contribution first, so each store entry is written once per call.
func (k Keeper) finalize(ctx context.Context, recs []types.AttributionRecord, params types.Params) error {
	height := k.Height(ctx)
	perAddr := newAddrSums(k.AddressCodec())
	perContribution := newIDSums()
	unattributed := math.ZeroInt()
	for _, rec := range recs {
		if err := k.addPayouts(perAddr, rec.Payouts); err != nil {
			return err
		}
		paid := math.ZeroInt()
		for _, p := range rec.Payouts {
			if p.ContributionId != 0 {
				perContribution.add(p.ContributionId, p.Amount)
			}
			paid = paid.Add(p.Amount)
		}
		unattributed = unattributed.Add(rec.Unattributed)
		rec.Status = types.RECORD_STATUS_FINAL
		rec.OpenChallengeId = 0
		rec.ResolvedHeight = height
		if err := k.Records.Set(ctx, rec.Id, rec); err != nil {
			return err
		}
		if err := k.Emit(ctx, &types.EventRecordFinalized{
			RecordId: rec.Id, Paid: paid, Unattributed: rec.Unattributed, Destination: params.UnattributedDestination,
		}); err != nil {
			return err
		}
	}
	if err := addEach(ctx, k.Pending, perAddr, true); err != nil {
		return err
	}
	if err := addEach(ctx, k.Claimable, perAddr, false); err != nil {
		return err
	}
	if err := addEach(ctx, k.AddressEarnings, perAddr, false); err != nil {
		return err
	}
	if err := perContribution.each(func(id uint64, amt math.Int) error {
		return addAmount(ctx, k.ContributionEarnings, id, amt)
	}); err != nil {
		return err
	}
	return k.sendFunds(ctx, unattributed, params.UnattributedDestination)
}

// resume ends the challenged state of a record whose challenge was not
// upheld: past its deadline it becomes final at once, otherwise it is
// PENDING again and waits in the queue for its original deadline.
func (k Keeper) resume(ctx context.Context, rec types.AttributionRecord, now time.Time, params types.Params) error {
	rec.OpenChallengeId = 0
	if !now.Before(rec.ChallengeDeadline) {
		return k.finalize(ctx, []types.AttributionRecord{rec}, params)
	}
	rec.Status = types.RECORD_STATUS_PENDING
	if err := k.Records.Set(ctx, rec.Id, rec); err != nil {
		return err
	}
	return k.RecordQueue.Set(ctx, deadlineKey(rec.ChallengeDeadline, rec.Id))
}

// due collects the entries of a deadline queue up to now, first: a queue is
// not modified while it is iterated.
func due(ctx context.Context, queue collections.KeySet[collections.Pair[int64, uint64]], now time.Time) ([]collections.Pair[int64, uint64], error) {
	iter, err := queue.Iterate(ctx, collections.NewPrefixUntilPairRange[int64, uint64](now.UnixNano()))
	if err != nil {
		return nil, err
	}
	return iter.Keys()
}
