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

// The checks a settled batch and a direct payment share: the same model,
// serving node and attribution rules hold for both.

// checkModel loads a model that must be ACTIVE and served by the node as an
// ACTIVE staked serving node.
func (k Keeper) checkModel(ctx context.Context, node sdk.AccAddress, modelID uint64) (modelregtypes.Model, error) {
	if modelID == 0 {
		return modelregtypes.Model{}, types.ErrInvalidModelID
	}
	m, err := k.modelregKeeper.GetModel(ctx, modelID)
	if err != nil {
		return m, errorsmod.Wrapf(err, "model %d", modelID)
	}
	if m.Status != modelregtypes.MODEL_STATUS_ACTIVE {
		return m, errorsmod.Wrapf(types.ErrModelNotActive, "model %d is %s", modelID, m.Status)
	}
	if err := k.agentstakeKeeper.CheckActiveServingNode(ctx, node, modelID); err != nil {
		return m, errorsmod.Wrapf(err, "serving node for model %d", modelID)
	}
	return m, nil
}

// checkModelUsage checks one model's usage, for a batch entry and for a
// direct payment alike: the model and the node (checkModel), then the
// amount against the model's current price (types.CheckUsagePrice).
func (k Keeper) checkModelUsage(
	ctx context.Context, node sdk.AccAddress, modelID uint64, amount math.Int, inferences, tokens uint64,
) (modelregtypes.Model, error) {
	m, err := k.checkModel(ctx, node, modelID)
	if err != nil {
		return m, err
	}
	return m, types.CheckUsagePrice(modelID, m.Price, amount, inferences, tokens)
}

// checkAttribution checks an attribution for a model: x/attribution's own
// check of the method and weights (with its errors and its weight limit),
// and a model trained on a Datanet, since only such a model has data
// contributors to attribute to.
func (k Keeper) checkAttribution(
	ctx context.Context, model modelregtypes.Model, method string, weights []attributiontypes.ContributionWeight,
) error {
	if err := k.attributionKeeper.CheckAttribution(ctx, method, weights); err != nil {
		return err
	}
	if len(model.Training.Datasets) == 0 {
		return errorsmod.Wrapf(types.ErrNoTrainingData, "model %d", model.Id)
	}
	return nil
}
