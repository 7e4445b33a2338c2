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
	// attributions are the model's attribution by each method, or one of
	// method MethodNone without weights.
	attributions []attribution
	receiptsRoot []byte
	// batchModelIDs are the models of the batch (just the model for a
	// direct payment); nodeSignedRoot says the node signed receiptsRoot.
	batchModelIDs  []uint64
	nodeSignedRoot bool
}

// attribution is one method's weights for a model's inferences.
type attribution struct {
	method  string
	weights []attributiontypes.ContributionWeight
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
//   - data contributors: handed to x/attribution for the model's training
//     Datanet versions, one record per attribution method, the share
//     divided evenly between them (the first records take the remainder).
//     A model trained on no Datanet has no data contributors: its data
//     share goes to the community pool.
//
// It adds the split to totals, emits EventFeeSplit (naming the first
// record and method; x/attribution's events name each record) and returns
// the records made, in the order of in.attributions.
func (k Keeper) splitFee(ctx context.Context, p types.Params, in feeInput, totals *types.Totals) ([]uint64, error) {
	s := p.SplitAmount(in.amount)
	owner, err := k.AddressCodec().StringToBytes(in.model.Owner)
	if err != nil {
		return nil, errorsmod.Wrapf(types.ErrInvalidAddress, "owner of model %d: %v", in.model.Id, err)
	}
	if err := k.payOut(ctx, owner, s.ModelOwner); err != nil {
		return nil, errorsmod.Wrapf(err, "paying the owner of model %d", in.model.Id)
	}
	if err := k.payOut(ctx, in.node, s.ServingNode); err != nil {
		return nil, errorsmod.Wrap(err, "paying the serving node")
	}
	datasets := datasetsOf(in.model)
	toProtocol := s.Protocol
	var recordIDs []uint64
	if len(datasets) == 0 {
		toProtocol = toProtocol.Add(s.DataContributors)
	} else {
		n := math.NewInt(int64(len(in.attributions)))
		each, rest := s.DataContributors.Quo(n), s.DataContributors.Mod(n)
		for i, a := range in.attributions {
			reward := each
			if math.NewInt(int64(i)).LT(rest) {
				reward = reward.AddRaw(1)
			}
			id, err := k.attributionKeeper.RecordAttribution(ctx, types.ModuleName, attributiontypes.RecordInput{
				ServingNode:    in.nodeStr,
				ModelID:        in.model.Id,
				Method:         a.method,
				Datasets:       datasets,
				ReceiptsRoot:   in.receiptsRoot,
				InferenceCount: in.inferenceCount,
				Weights:        a.weights,
				DataReward:     sdk.NewCoin(types.Denom, reward),
				Price:          in.model.Price,
				Tokens:         in.tokens,
				BatchModelIDs:  in.batchModelIDs,
				NodeSignedRoot: in.nodeSignedRoot,
			})
			if err != nil {
				return nil, errorsmod.Wrapf(err, "recording the %s attribution of model %d", a.method, in.model.Id)
			}
			recordIDs = append(recordIDs, id)
		}
	}
	if toProtocol.IsPositive() {
		if err := k.communityPoolKeeper.FundCommunityPool(sdk.UnwrapSDKContext(ctx),
			sdk.NewCoins(sdk.NewCoin(types.Denom, toProtocol)), k.ModuleAddress()); err != nil {
			return nil, errorsmod.Wrap(err, "funding the community pool")
		}
	}
	if s.Burn.IsPositive() {
		if err := k.bankKeeper.BurnCoins(ctx, types.ModuleName, sdk.NewCoins(sdk.NewCoin(types.Denom, s.Burn))); err != nil {
			return nil, errorsmod.Wrap(err, "burning")
		}
	}
	totals.Add(s, len(datasets) == 0)
	totals.Inferences += in.inferenceCount
	var recordID uint64
	if len(recordIDs) > 0 {
		recordID = recordIDs[0]
	}
	return recordIDs, k.Emit(ctx, &types.EventFeeSplit{
		ModelId:             in.model.Id,
		ServingNode:         in.nodeStr,
		ModelOwner:          in.model.Owner,
		InferenceCount:      in.inferenceCount,
		Split:               s,
		DataToAttribution:   len(datasets) > 0,
		AttributionRecordId: recordID,
		Method:              in.attributions[0].method,
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
