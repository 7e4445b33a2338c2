package keeper

import (
	"bytes"
	"context"

	errorsmod "cosmossdk.io/errors"

	"github.com/openledger/openledger/x/attribution/types"
	datanettypes "github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/modulekit"
)

// CheckAttribution checks an attribution (method and weights) against the
// current params, as RecordAttribution will: x/inferencefees calls it for
// every model of a batch before it writes anything.
func (k Keeper) CheckAttribution(ctx context.Context, method string, weights []types.ContributionWeight) error {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	return types.ValidateAttribution(method, weights, params.MaxWeightsPerRecord)
}

// RecordAttribution stores an AttributionRecord for one model's share of a
// settled batch. It moves in.DataReward from fromModule's account into the
// attribution module account, checks the input (see README.md) and returns
// the new record id. Called inside the settling tx: on error the whole tx
// reverts; everything is checked before anything is written.
func (k Keeper) RecordAttribution(ctx context.Context, fromModule string, in types.RecordInput) (uint64, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return 0, err
	}
	if fromModule == "" || fromModule == types.ModuleName {
		return 0, errorsmod.Wrapf(types.ErrInvalidSourceModule, "%q", fromModule)
	}
	if err := in.ValidateBasic(k.AddressCodec(), params.MaxWeightsPerRecord); err != nil {
		return 0, err
	}
	_, servingNode, err := types.ParseAddress(k.AddressCodec(), "serving_node", in.ServingNode)
	if err != nil {
		return 0, err
	}
	entries, err := k.checkAgainstDatanets(ctx, in)
	if err != nil {
		return 0, err
	}
	payouts, unattributed := types.SplitReward(in.DataReward.Amount, entries, params.DatanetOwnerBps)

	if in.DataReward.IsPositive() {
		if err := k.bankKeeper.SendCoinsFromModuleToModule(ctx, fromModule, types.ModuleName, coins(in.DataReward.Amount)); err != nil {
			return 0, errorsmod.Wrapf(err, "taking data reward %s from %s", in.DataReward, fromModule)
		}
	}
	id, err := modulekit.NextID(ctx, k.NextRecordID)
	if err != nil {
		return 0, err
	}
	deadline := k.BlockTime(ctx).Add(params.ChallengeWindow)
	rec := types.AttributionRecord{
		Id:                id,
		ServingNode:       servingNode,
		ModelId:           in.ModelID,
		Method:            in.Method,
		Datasets:          in.Datasets,
		ReceiptsRoot:      in.ReceiptsRoot,
		InferenceCount:    in.InferenceCount,
		Weights:           in.Weights,
		DataReward:        in.DataReward,
		Payouts:           payouts,
		Unattributed:      unattributed,
		CreatedHeight:     k.Height(ctx),
		ChallengeDeadline: deadline,
		Status:            types.RECORD_STATUS_PENDING,
		ReceiptVersion:    types.CurrentReceiptVersion,
		Price:             in.Price,
		Tokens:            in.Tokens,
		BatchModelIds:     in.BatchModelIDs,
		NodeSignedRoot:    in.NodeSignedRoot,
	}
	if err := k.Records.Set(ctx, id, rec); err != nil {
		return 0, err
	}
	if err := k.RecordQueue.Set(ctx, deadlineKey(deadline, id)); err != nil {
		return 0, err
	}
	sums := newAddrSums(k.AddressCodec())
	if err := k.addPayouts(sums, payouts); err != nil {
		return 0, err
	}
	if err := addEach(ctx, k.Pending, sums, false); err != nil {
		return 0, err
	}
	if err := k.Emit(ctx, &types.EventAttributionRecorded{
		RecordId: id, ServingNode: servingNode, ModelId: in.ModelID, DataReward: in.DataReward,
		Unattributed: unattributed, ChallengeDeadline: deadline,
	}); err != nil {
		return 0, err
	}
	return id, nil
}

// checkAgainstDatanets checks that every named version exists with its root
// and that every weighted contribution is accepted and covered by a named
// version of its Datanet; it returns the split entries of the weights.
func (k Keeper) checkAgainstDatanets(ctx context.Context, in types.RecordInput) ([]types.SplitEntry, error) {
	versions := make([]datanettypes.Version, len(in.Datasets))
	for i, d := range in.Datasets {
		v, err := k.datanetKeeper.GetVersion(ctx, d.DatanetId, d.Version)
		if err != nil {
			if errorsmod.IsOf(err, datanettypes.ErrVersionNotFound, datanettypes.ErrDatanetNotFound) {
				return nil, errorsmod.Wrapf(types.ErrDatasetVersionUnknown, "datanet %d version %d: %v", d.DatanetId, d.Version, err)
			}
			return nil, err
		}
		if !bytes.Equal(v.Root, d.Root) {
			return nil, errorsmod.Wrapf(types.ErrDatasetRootMismatch, "datanet %d version %d has root %X, not %X", d.DatanetId, d.Version, v.Root, d.Root)
		}
		versions[i] = v
	}
	owners := map[uint64]string{} // Datanet id -> owner; look-ups only
	entries := make([]types.SplitEntry, len(in.Weights))
	for i, w := range in.Weights {
		c, err := k.datanetKeeper.GetContribution(ctx, w.ContributionId)
		if err != nil {
			if errorsmod.IsOf(err, datanettypes.ErrContributionNotFound) {
				return nil, errorsmod.Wrapf(types.ErrUnknownContribution, "contribution %d: %v", w.ContributionId, err)
			}
			return nil, err
		}
		if c.Status != datanettypes.CONTRIBUTION_STATUS_ACCEPTED {
			return nil, errorsmod.Wrapf(types.ErrContributionNotAccepted, "contribution %d is %s", c.Id, c.Status)
		}
		covered := false
		for _, v := range versions {
			if v.DatanetId == c.DatanetId && c.LeafIndex < v.LeafCount {
				covered = true
				break
			}
		}
		if !covered {
			return nil, errorsmod.Wrapf(types.ErrContributionNotInVersions,
				"contribution %d (datanet %d, leaf %d) is in none of the named versions", c.Id, c.DatanetId, c.LeafIndex)
		}
		owner, ok := owners[c.DatanetId]
		if !ok {
			d, err := k.datanetKeeper.GetDatanet(ctx, c.DatanetId)
			if err != nil {
				return nil, err
			}
			owner = d.Owner
			owners[c.DatanetId] = owner
		}
		entries[i] = types.SplitEntry{ContributionID: c.Id, Ppm: w.Ppm, Contributor: c.Contributor, DatanetOwner: owner}
	}
	return entries, nil
}
