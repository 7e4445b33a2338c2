package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	attributiontypes "github.com/openledger/openledger/x/attribution/types"
	"github.com/openledger/openledger/x/inferencefees/types"
	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

// feeInput is one model's fee, held by the module account, to split, with
// the usage it was checked for (x/attribution keeps it on the record).
type feeInput struct {
	node           sdk.AccAddress
	nodeStr        string
	model          modelregtypes.Model
	amount         math.Int
	inferenceCount uint64
	tokens         uint64
	method         string
	weights        []attributiontypes.ContributionWeight
	receiptsRoot   []byte
	// batchModelIDs are the models of the batch (just the model for a
	// direct payment); nodeSignedRoot says the node signed receiptsRoot.
	batchModelIDs  []uint64
	nodeSignedRoot bool
}

// datasetsOf turns a model's training record into the Datanet versions
// x/attribution records.
func datasetsOf(m modelregtypes.Model) []attributiontypes.DatasetVersion {
	out := make([]attributiontypes.DatasetVersion, len(m.Training.Datasets))
	for i, d := range m.Training.Datasets {
		out[i] = attributiontypes.DatasetVersion{DatanetId: d.DatanetId, Version: d.Version, Root: d.Root}
	}
	return out
}

// splitFee pays out one model's fee, which the module account holds, by the
// params' shares:
//   - burn: burned (it also takes the rounding remainder);
//   - model owner and serving node: sent to their accounts;
//   - protocol: into the community pool;
//   - data contributors: handed to x/attribution with the attribution
//     (method, weights) for the model's training Datanet versions. A model
//     trained on no Datanet has no data contributors: its data share goes
//     to the community pool.
//
// It adds the split to totals and emits EventFeeSplit.
func (k Keeper) splitFee(ctx context.Context, p types.Params, in feeInput, totals *types.Totals) (uint64, error) {
	s := p.SplitAmount(in.amount)
	owner, err := k.AddressCodec().StringToBytes(in.model.Owner)
	if err != nil {
		return 0, errorsmod.Wrapf(types.ErrInvalidAddress, "owner of model %d: %v", in.model.Id, err)
	}
	if err := k.payOut(ctx, owner, s.ModelOwner); err != nil {
		return 0, errorsmod.Wrapf(err, "paying the owner of model %d", in.model.Id)
	}
	if err := k.payOut(ctx, in.node, s.ServingNode); err != nil {
		return 0, errorsmod.Wrap(err, "paying the serving node")
	}
	datasets := datasetsOf(in.model)
	toProtocol := s.Protocol
	var recordID uint64
	if len(datasets) == 0 {
		toProtocol = toProtocol.Add(s.DataContributors)
	} else {
		recordID, err = k.attributionKeeper.RecordAttribution(ctx, types.ModuleName, attributiontypes.RecordInput{
			ServingNode:    in.nodeStr,
			ModelID:        in.model.Id,
			Method:         in.method,
			Datasets:       datasets,
			ReceiptsRoot:   in.receiptsRoot,
			InferenceCount: in.inferenceCount,
			Weights:        in.weights,
			DataReward:     sdk.NewCoin(types.Denom, s.DataContributors),
			Price:          in.model.Price,
			Tokens:         in.tokens,
			BatchModelIDs:  in.batchModelIDs,
			NodeSignedRoot: in.nodeSignedRoot,
		})
		if err != nil {
			return 0, errorsmod.Wrapf(err, "recording the attribution of model %d", in.model.Id)
		}
	}
	if toProtocol.IsPositive() {
		if err := k.communityPoolKeeper.FundCommunityPool(sdk.UnwrapSDKContext(ctx),
			sdk.NewCoins(sdk.NewCoin(types.Denom, toProtocol)), k.ModuleAddress()); err != nil {
			return 0, errorsmod.Wrap(err, "funding the community pool")
		}
	}
	if s.Burn.IsPositive() {
		if err := k.bankKeeper.BurnCoins(ctx, types.ModuleName, sdk.NewCoins(sdk.NewCoin(types.Denom, s.Burn))); err != nil {
			return 0, errorsmod.Wrap(err, "burning")
		}
	}
	totals.Add(s, len(datasets) == 0)
	totals.Inferences += in.inferenceCount
	return recordID, k.Emit(ctx, &types.EventFeeSplit{
		ModelId:             in.model.Id,
		ServingNode:         in.nodeStr,
		ModelOwner:          in.model.Owner,
		InferenceCount:      in.inferenceCount,
		Split:               s,
		DataToAttribution:   len(datasets) > 0,
		AttributionRecordId: recordID,
		Method:              in.method,
		Tokens:              in.tokens,
	})
}

// payOut sends aopen from the module account to an account; zero sends nothing.
func (k Keeper) payOut(ctx context.Context, to sdk.AccAddress, amount math.Int) error {
	if !amount.IsPositive() {
		return nil
	}
	return k.bankKeeper.SendCoinsFromModuleToAccount(ctx, types.ModuleName, to, sdk.NewCoins(sdk.NewCoin(types.Denom, amount)))
}
