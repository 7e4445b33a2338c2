package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/inferencefees/types"
)

// PayInference pays one model's inference fee straight from the payer's
// account (no credit, no voucher), with the same checks on the model and
// the serving node and the same split as a settled batch. An empty receipts
// root is recorded as 32 zero bytes ("no receipts": such an attribution
// record cannot be challenged).
func (k msgServer) PayInference(ctx context.Context, msg *types.MsgPayInference) (*types.MsgPayInferenceResponse, error) {
	payer, payerStr, err := types.ParseAddress(k.addressCodec, "payer", msg.Payer)
	if err != nil {
		return nil, err
	}
	node, nodeStr, err := types.ParseAddress(k.addressCodec, "serving_node", msg.ServingNode)
	if err != nil {
		return nil, err
	}
	if msg.ModelId == 0 {
		return nil, types.ErrInvalidModelID
	}
	if err := types.ValidateCoin("amount", msg.Amount); err != nil {
		return nil, err
	}
	if msg.InferenceCount == 0 {
		return nil, types.ErrInvalidInferenceCount
	}
	root := msg.ReceiptsRoot
	if len(root) == 0 {
		root = make([]byte, types.ReceiptsRootSize)
	} else if err := types.ValidateReceiptsRoot(root); err != nil {
		return nil, err
	}
	method, err := types.ValidateMethodAndWeights(msg.Method, msg.Weights)
	if err != nil {
		return nil, err
	}
	p, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	model, err := k.checkModel(ctx, node, msg.ModelId)
	if err != nil {
		return nil, err
	}
	if msg.Method != "" && len(model.Training.Datasets) == 0 {
		return nil, errorsmod.Wrapf(types.ErrNoTrainingData, "model %d", msg.ModelId)
	}
	totals, err := k.GetTotals(ctx)
	if err != nil {
		return nil, err
	}
	if err := k.bankKeeper.SendCoinsFromAccountToModule(ctx, payer, types.ModuleName, sdk.NewCoins(msg.Amount)); err != nil {
		return nil, errorsmod.Wrapf(err, "paying %s", msg.Amount)
	}
	id, err := k.splitFee(ctx, p, feeInput{
		node: node, nodeStr: nodeStr, model: model, amount: msg.Amount.Amount, inferenceCount: msg.InferenceCount,
		method: method, weights: msg.Weights, receiptsRoot: root,
	}, &totals)
	if err != nil {
		return nil, err
	}
	if err := k.Totals.Set(ctx, totals); err != nil {
		return nil, err
	}
	if err := k.emit(ctx, &types.EventInferencePaid{
		Payer: payerStr, ServingNode: nodeStr, ModelId: msg.ModelId, Amount: msg.Amount.Amount,
	}); err != nil {
		return nil, err
	}
	return &types.MsgPayInferenceResponse{AttributionRecordId: id}, nil
}
