package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	attributiontypes "github.com/openledger/openledger/x/attribution/types"
	"github.com/openledger/openledger/x/inferencefees/types"
)

// PayInference pays one model's inference fee straight from the payer's
// account (no credit, no voucher), with the same checks on the model, the
// serving node, the price and the attribution and the same split as a
// settled batch. The payer, not the node, names the receipts root, so the
// record's usage cannot be challenged.
// The attribution is optional: no method and no weights record MethodNone. An empty receipts
// root is recorded as 32 zero bytes ("no receipts": such an attribution
// record cannot be challenged).
func (k msgServer) PayInference(ctx context.Context, msg *types.MsgPayInference) (*types.MsgPayInferenceResponse, error) {
	payer, payerStr, err := types.ParseAddress(k.AddressCodec(), "payer", msg.Payer)
	if err != nil {
		return nil, err
	}
	node, nodeStr, err := types.ParseAddress(k.AddressCodec(), "serving_node", msg.ServingNode)
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
		root = make([]byte, attributiontypes.HashLength)
	} else if err := attributiontypes.ValidateReceiptsRoot(root); err != nil {
		return nil, err
	}
	if msg.Method == "" && len(msg.Weights) > 0 {
		return nil, errorsmod.Wrap(types.ErrInvalidAttribution, "weights need a method")
	}
	p, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	model, err := k.checkModelUsage(ctx, node, msg.ModelId, msg.Amount.Amount, msg.InferenceCount, msg.Tokens)
	if err != nil {
		return nil, err
	}
	method := types.MethodNone
	if msg.Method != "" {
		if err := k.checkAttribution(ctx, model, msg.Method, msg.Weights); err != nil {
			return nil, err
		}
		method = msg.Method
	}
	totals, err := k.GetTotals(ctx)
	if err != nil {
		return nil, err
	}
	if err := k.bankKeeper.SendCoinsFromAccountToModule(ctx, payer, types.ModuleName, sdk.NewCoins(msg.Amount)); err != nil {
		return nil, errorsmod.Wrapf(err, "paying %s", msg.Amount)
	}
	ids, err := k.splitFee(ctx, p, feeInput{
		node: node, nodeStr: nodeStr, model: model, amount: msg.Amount.Amount, inferenceCount: msg.InferenceCount,
		tokens: msg.Tokens, attributions: []attribution{{method: method, weights: msg.Weights}}, receiptsRoot: root,
		batchModelIDs: []uint64{msg.ModelId}, nodeSignedRoot: false,
	}, &totals)
	if err != nil {
		return nil, err
	}
	var id uint64
	if len(ids) > 0 {
		id = ids[0]
	}
	if err := k.Totals.Set(ctx, totals); err != nil {
		return nil, err
	}
	if err := k.Emit(ctx, &types.EventInferencePaid{
		Payer: payerStr, ServingNode: nodeStr, ModelId: msg.ModelId, Amount: msg.Amount.Amount,
	}); err != nil {
		return nil, err
	}
	return &types.MsgPayInferenceResponse{AttributionRecordId: id}, nil
}
