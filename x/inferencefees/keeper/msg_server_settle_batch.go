package keeper

import (
	"context"
	"slices"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/inferencefees/types"
	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

// voucherPlan is a checked voucher and the state it leads to.
type voucherPlan struct {
	user    sdk.AccAddress
	userStr string
	voucher types.SignedVoucher
	credit  types.Credit
	release math.Int
}

// SettleBatch settles a serving node's vouchers and splits the fees of the
// models used. Every check runs before anything is written:
//
//  1. the batch: a 32-byte receipts root, 1..max vouchers, 1..max usage entries;
//  2. usage: model ids set, strictly ascending, amounts positive, inference
//     counts at least 1; each model exists and is ACTIVE, and the node is an
//     ACTIVE staked serving node of it (x/agentstake);
//  3. attribution: only for models of the usage, at most one each, a valid
//     method and weights, and only for models trained on a Datanet;
//  4. every voucher: a 20-byte user, one voucher per user, an amount in
//     range, not expired (expiry > block time), newer than the channel's
//     last settlement (nonce and cumulative amount both above it), a release
//     within the user's credit, the user's EIP-712 signature of the Voucher
//     and the node's EIP-712 signature of the x/agentstake Settlement
//     (binding the receipts root);
//  5. the usage amounts add up to the released amounts exactly.
//
// Then each channel advances, each credit pays its release, and each usage
// entry's fee is split (see splitFee).
func (k msgServer) SettleBatch(ctx context.Context, msg *types.MsgSettleBatch) (*types.MsgSettleBatchResponse, error) {
	node, nodeStr, err := types.ParseEthAddress(k.addressCodec, "serving_node", msg.ServingNode)
	if err != nil {
		return nil, err
	}
	if err := types.ValidateReceiptsRoot(msg.ReceiptsRoot); err != nil {
		return nil, err
	}
	p, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	if len(msg.Vouchers) == 0 || len(msg.Usage) == 0 {
		return nil, errorsmod.Wrapf(types.ErrEmptyBatch, "%d vouchers, %d usage entries", len(msg.Vouchers), len(msg.Usage))
	}
	if len(msg.Vouchers) > int(p.MaxVouchersPerBatch) {
		return nil, errorsmod.Wrapf(types.ErrTooManyVouchers, "%d, at most %d", len(msg.Vouchers), p.MaxVouchersPerBatch)
	}
	if len(msg.Usage) > int(p.MaxUsageEntriesPerBatch) {
		return nil, errorsmod.Wrapf(types.ErrTooManyUsageEntries, "%d, at most %d", len(msg.Usage), p.MaxUsageEntriesPerBatch)
	}

	// 2. Usage.
	usageTotal := math.ZeroInt()
	var inferences uint64
	for i, u := range msg.Usage {
		if u.ModelId == 0 {
			return nil, errorsmod.Wrapf(types.ErrInvalidModelID, "usage[%d]", i)
		}
		if i > 0 && u.ModelId <= msg.Usage[i-1].ModelId {
			return nil, errorsmod.Wrapf(types.ErrUsageNotSorted, "usage[%d]: model %d after %d", i, u.ModelId, msg.Usage[i-1].ModelId)
		}
		if err := types.ValidateAmount("amount", u.Amount); err != nil {
			return nil, errorsmod.Wrapf(err, "usage[%d]", i)
		}
		if u.InferenceCount == 0 {
			return nil, errorsmod.Wrapf(types.ErrInvalidInferenceCount, "usage[%d]", i)
		}
		if inferences+u.InferenceCount < inferences {
			return nil, errorsmod.Wrapf(types.ErrInvalidInferenceCount, "usage[%d]: inference counts overflow", i)
		}
		inferences += u.InferenceCount
		usageTotal = usageTotal.Add(u.Amount)
	}
	models := make([]modelregtypes.Model, len(msg.Usage))
	for i, u := range msg.Usage {
		if models[i], err = k.checkModel(ctx, node, u.ModelId); err != nil {
			return nil, errorsmod.Wrapf(err, "usage[%d]", i)
		}
	}

	// 3. Attribution, by usage position.
	attribution := make([]*types.ModelAttribution, len(msg.Usage))
	for i := range msg.Attribution {
		a := &msg.Attribution[i]
		pos, found := slices.BinarySearchFunc(msg.Usage, a.ModelId, func(u types.ModelUsage, id uint64) int {
			switch {
			case u.ModelId < id:
				return -1
			case u.ModelId > id:
				return 1
			}
			return 0
		})
		if !found {
			return nil, errorsmod.Wrapf(types.ErrAttributionNotInUsage, "attribution[%d]: model %d", i, a.ModelId)
		}
		if attribution[pos] != nil {
			return nil, errorsmod.Wrapf(types.ErrDuplicateAttribution, "attribution[%d]: model %d", i, a.ModelId)
		}
		if err := types.ValidateMethod(a.Method); err != nil {
			return nil, errorsmod.Wrapf(err, "attribution[%d]", i)
		}
		if err := types.ValidateWeights(a.Weights); err != nil {
			return nil, errorsmod.Wrapf(err, "attribution[%d]", i)
		}
		if len(models[pos].Training.Datasets) == 0 {
			return nil, errorsmod.Wrapf(types.ErrNoTrainingData, "attribution[%d]: model %d", i, a.ModelId)
		}
		attribution[pos] = a
	}

	// 4. Vouchers.
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	now := k.blockTime(ctx).Unix()
	seen := make(map[string]struct{}, len(msg.Vouchers)) // look-ups only, never iterated
	plans := make([]voucherPlan, len(msg.Vouchers))
	released := math.ZeroInt()
	for i, sv := range msg.Vouchers {
		user, userStr, err := types.ParseEthAddress(k.addressCodec, "user", sv.User)
		if err != nil {
			return nil, errorsmod.Wrapf(err, "vouchers[%d]", i)
		}
		if _, dup := seen[string(user)]; dup {
			return nil, errorsmod.Wrapf(types.ErrDuplicateChannel, "vouchers[%d]: user %s", i, userStr)
		}
		seen[string(user)] = struct{}{}
		if err := types.ValidateAmount("cumulative_amount", sv.CumulativeAmount); err != nil {
			return nil, errorsmod.Wrapf(err, "vouchers[%d]", i)
		}
		if err := types.ValidateSignatureSize("user_signature", sv.UserSignature); err != nil {
			return nil, errorsmod.Wrapf(err, "vouchers[%d]", i)
		}
		if err := types.ValidateSignatureSize("node_signature", sv.NodeSignature); err != nil {
			return nil, errorsmod.Wrapf(err, "vouchers[%d]", i)
		}
		if now < 0 || sv.Expiry <= uint64(now) {
			return nil, errorsmod.Wrapf(types.ErrVoucherExpired, "vouchers[%d]: expiry %d, block time %d", i, sv.Expiry, now)
		}
		ch, _, err := k.GetChannel(ctx, user, node)
		if err != nil {
			return nil, err
		}
		if sv.Nonce <= ch.LastNonce || sv.CumulativeAmount.LTE(ch.SettledAmount) {
			return nil, errorsmod.Wrapf(types.ErrStaleVoucher, "vouchers[%d]: nonce %d, cumulative %s; settled nonce %d, cumulative %s",
				i, sv.Nonce, sv.CumulativeAmount, ch.LastNonce, ch.SettledAmount)
		}
		release := sv.CumulativeAmount.Sub(ch.SettledAmount)
		credit, err := k.GetCredit(ctx, user)
		if err != nil {
			return nil, err
		}
		if release.GT(credit.Balance) {
			return nil, errorsmod.Wrapf(types.ErrInsufficientCredit, "vouchers[%d]: releases %s, credit of %s is %s", i, release, userStr, credit.Balance)
		}
		v := types.Voucher{User: user, ServingNode: node, CumulativeAmount: sv.CumulativeAmount, Nonce: sv.Nonce, Expiry: sv.Expiry}
		sdkCtx.GasMeter().ConsumeGas(2*types.SignatureVerifyGas, "voucher and settlement signatures")
		if err := v.VerifySignature(k.evmChainID, sv.UserSignature); err != nil {
			return nil, errorsmod.Wrapf(types.ErrBadUserSignature, "vouchers[%d]: %v", i, err)
		}
		if err := v.Settlement(msg.ReceiptsRoot).VerifySignature(k.evmChainID, sv.NodeSignature); err != nil {
			return nil, errorsmod.Wrapf(types.ErrBadNodeSignature, "vouchers[%d]: %v", i, err)
		}
		plans[i] = voucherPlan{user: user, userStr: userStr, voucher: sv, credit: credit, release: release}
		released = released.Add(release)
	}

	// 5. Usage adds up.
	if !released.Equal(usageTotal) {
		return nil, errorsmod.Wrapf(types.ErrUsageMismatch, "vouchers release %s, usage sums to %s", released, usageTotal)
	}

	// Writes.
	height := k.height(ctx)
	for _, pl := range plans {
		ch := types.Channel{
			User: pl.userStr, ServingNode: nodeStr, SettledAmount: pl.voucher.CumulativeAmount,
			LastNonce: pl.voucher.Nonce, LastSettledHeight: height,
		}
		if err := k.Channels.Set(ctx, collections.Join(pl.user, node), ch); err != nil {
			return nil, err
		}
		pl.credit.User = pl.userStr
		pl.credit.Balance = pl.credit.Balance.Sub(pl.release)
		if err := k.setCredit(ctx, pl.user, pl.credit); err != nil {
			return nil, err
		}
		if err := k.emit(ctx, &types.EventVoucherSettled{
			User: pl.userStr, ServingNode: nodeStr, Nonce: pl.voucher.Nonce,
			CumulativeAmount: pl.voucher.CumulativeAmount, Released: pl.release,
		}); err != nil {
			return nil, err
		}
	}
	totals, err := k.GetTotals(ctx)
	if err != nil {
		return nil, err
	}
	ids := make([]uint64, len(msg.Usage))
	for i, u := range msg.Usage {
		in := feeInput{
			node: node, nodeStr: nodeStr, model: models[i], amount: u.Amount, inferenceCount: u.InferenceCount,
			method: types.MethodNone, receiptsRoot: msg.ReceiptsRoot,
		}
		if a := attribution[i]; a != nil {
			in.method, in.weights = a.Method, a.Weights
		}
		if ids[i], err = k.splitFee(ctx, p, in, &totals); err != nil {
			return nil, err
		}
	}
	totals.VouchersSettled += uint64(len(msg.Vouchers))
	totals.Batches++
	if err := k.Totals.Set(ctx, totals); err != nil {
		return nil, err
	}
	if err := k.emit(ctx, &types.EventBatchSettled{
		ServingNode: nodeStr, ReceiptsRoot: msg.ReceiptsRoot, Vouchers: uint64(len(msg.Vouchers)),
		Models: uint64(len(msg.Usage)), Inferences: inferences, Total: released,
	}); err != nil {
		return nil, err
	}
	return &types.MsgSettleBatchResponse{Total: released, AttributionRecordIds: ids}, nil
}
