package keeper

import (
	"cmp"
	"context"
	"slices"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	attributiontypes "github.com/openledger/openledger/x/attribution/types"
	"github.com/openledger/openledger/x/inferencefees/types"
	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

// SettleBatch settles a serving node's vouchers and splits the fees of the
// models used. Every check runs before anything is written, in this order:
// the batch's shape (checkBatchShape), its usage (checkUsage), its
// attribution (checkBatchAttribution) and its vouchers (planVouchers); then
// the usage amounts must add up to the released amounts exactly. Only then
// does applyBatch advance each channel, pay each release out of its credit
// and split each usage entry's fee (see splitFee).
func (k msgServer) SettleBatch(ctx context.Context, msg *types.MsgSettleBatch) (*types.MsgSettleBatchResponse, error) {
	node, nodeStr, err := types.ParseEthAddress(k.AddressCodec(), "serving_node", msg.ServingNode)
	if err != nil {
		return nil, err
	}
	p, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	if err := checkBatchShape(p, msg); err != nil {
		return nil, err
	}
	usage, err := k.checkUsage(ctx, node, msg.Usage)
	if err != nil {
		return nil, err
	}
	attribution, err := k.checkBatchAttribution(ctx, msg.Usage, usage.models, msg.Attribution)
	if err != nil {
		return nil, err
	}
	plans, released, err := k.planVouchers(ctx, node, msg.ReceiptsRoot, msg.Vouchers)
	if err != nil {
		return nil, err
	}
	if !released.Equal(usage.total) {
		return nil, errorsmod.Wrapf(types.ErrUsageMismatch, "vouchers release %s, usage sums to %s", released, usage.total)
	}
	ids, err := k.applyBatch(ctx, p, settledBatch{
		msg: msg, node: node, nodeStr: nodeStr, usage: usage, attribution: attribution, plans: plans, released: released,
	})
	if err != nil {
		return nil, err
	}
	return &types.MsgSettleBatchResponse{Total: released, AttributionRecordIds: ids}, nil
}

// checkBatchShape checks what needs no state: a 32-byte receipts root and
// 1 to the params' maximum of vouchers and of usage entries.
func checkBatchShape(p types.Params, msg *types.MsgSettleBatch) error {
	if err := attributiontypes.ValidateReceiptsRoot(msg.ReceiptsRoot); err != nil {
		return err
	}
	if len(msg.Vouchers) == 0 || len(msg.Usage) == 0 {
		return errorsmod.Wrapf(types.ErrEmptyBatch, "%d vouchers, %d usage entries", len(msg.Vouchers), len(msg.Usage))
	}
	if len(msg.Vouchers) > int(p.MaxVouchersPerBatch) {
		return errorsmod.Wrapf(types.ErrTooManyVouchers, "%d, at most %d", len(msg.Vouchers), p.MaxVouchersPerBatch)
	}
	if len(msg.Usage) > int(p.MaxUsageEntriesPerBatch) {
		return errorsmod.Wrapf(types.ErrTooManyUsageEntries, "%d, at most %d", len(msg.Usage), p.MaxUsageEntriesPerBatch)
	}
	return nil
}

// checkedUsage is a batch's usage once checked: the models, by usage
// position, and the totals.
type checkedUsage struct {
	models     []modelregtypes.Model
	modelIDs   []uint64
	total      math.Int
	inferences uint64
}

// checkUsage checks the usage entries: model ids set and strictly
// ascending, amounts positive, inference counts at least 1 (and their sum
// in range); then that each model is ACTIVE, the node an ACTIVE staked
// serving node of it and the amount within the model's price for the
// entry's inferences and tokens (checkModelUsage).
func (k Keeper) checkUsage(ctx context.Context, node sdk.AccAddress, usage []types.ModelUsage) (checkedUsage, error) {
	out := checkedUsage{total: math.ZeroInt()}
	for i, u := range usage {
		if u.ModelId == 0 {
			return out, errorsmod.Wrapf(types.ErrInvalidModelID, "usage[%d]", i)
		}
		if i > 0 && u.ModelId <= usage[i-1].ModelId {
			return out, errorsmod.Wrapf(types.ErrUsageNotSorted, "usage[%d]: model %d after %d", i, u.ModelId, usage[i-1].ModelId)
		}
		if err := types.ValidateAmount("amount", u.Amount); err != nil {
			return out, errorsmod.Wrapf(err, "usage[%d]", i)
		}
		if u.InferenceCount == 0 {
			return out, errorsmod.Wrapf(types.ErrInvalidInferenceCount, "usage[%d]", i)
		}
		if out.inferences+u.InferenceCount < out.inferences {
			return out, errorsmod.Wrapf(types.ErrInvalidInferenceCount, "usage[%d]: inference counts overflow", i)
		}
		out.inferences += u.InferenceCount
		out.total = out.total.Add(u.Amount)
	}
	out.models = make([]modelregtypes.Model, len(usage))
	out.modelIDs = make([]uint64, len(usage))
	for i, u := range usage {
		m, err := k.checkModelUsage(ctx, node, u.ModelId, u.Amount, u.InferenceCount, u.Tokens)
		if err != nil {
			return out, errorsmod.Wrapf(err, "usage[%d]", i)
		}
		out.models[i] = m
		out.modelIDs[i] = u.ModelId
	}
	return out, nil
}

// checkBatchAttribution checks the attribution entries and returns them by
// usage position (none where a model has none), in message order: each
// names a model of the usage, at most one entry per model and method and
// MaxAttributionMethods per model, and passes checkAttribution.
func (k Keeper) checkBatchAttribution(
	ctx context.Context, usage []types.ModelUsage, models []modelregtypes.Model, entries []types.ModelAttribution,
) ([][]attribution, error) {
	byUsage := make([][]attribution, len(usage))
	for i := range entries {
		a := &entries[i]
		pos, found := slices.BinarySearchFunc(usage, a.ModelId, func(u types.ModelUsage, id uint64) int {
			return cmp.Compare(u.ModelId, id)
		})
		if !found {
			return nil, errorsmod.Wrapf(types.ErrAttributionNotInUsage, "attribution[%d]: model %d", i, a.ModelId)
		}
		for _, earlier := range byUsage[pos] {
			if earlier.method == a.Method {
				return nil, errorsmod.Wrapf(types.ErrDuplicateAttribution, "attribution[%d]: model %d, method %s", i, a.ModelId, a.Method)
			}
		}
		if len(byUsage[pos]) == types.MaxAttributionMethods {
			return nil, errorsmod.Wrapf(types.ErrTooManyAttributionMethods, "attribution[%d]: model %d has more than %d", i, a.ModelId, types.MaxAttributionMethods)
		}
		if err := k.checkAttribution(ctx, models[pos], a.Method, a.Weights); err != nil {
			return nil, errorsmod.Wrapf(err, "attribution[%d]", i)
		}
		byUsage[pos] = append(byUsage[pos], attribution{method: a.Method, weights: a.Weights})
	}
	return byUsage, nil
}

// voucherPlan is a checked voucher and the state it leads to.
type voucherPlan struct {
	user    sdk.AccAddress
	userStr string
	voucher types.SignedVoucher
	credit  types.Credit
	release math.Int
}

// planVouchers checks every voucher and returns what each releases, and the
// sum: a 20-byte user, one voucher per user, an amount in range, not
// expired (expiry > block time), newer than the channel's last settlement
// (nonce and cumulative amount both above it), a release within the user's
// credit, the user's EIP-712 signature of the Voucher and the node's
// EIP-712 signature of the x/agentstake Settlement (binding the receipts
// root).
func (k Keeper) planVouchers(
	ctx context.Context, node sdk.AccAddress, receiptsRoot []byte, vouchers []types.SignedVoucher,
) ([]voucherPlan, math.Int, error) {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	now := k.BlockTime(ctx).Unix()
	seen := make(map[string]struct{}, len(vouchers)) // look-ups only, never iterated
	plans := make([]voucherPlan, len(vouchers))
	released := math.ZeroInt()
	for i, sv := range vouchers {
		user, userStr, err := types.ParseEthAddress(k.AddressCodec(), "user", sv.User)
		if err != nil {
			return nil, released, errorsmod.Wrapf(err, "vouchers[%d]", i)
		}
		if _, dup := seen[string(user)]; dup {
			return nil, released, errorsmod.Wrapf(types.ErrDuplicateChannel, "vouchers[%d]: user %s", i, userStr)
		}
		seen[string(user)] = struct{}{}
		if err := types.ValidateAmount("cumulative_amount", sv.CumulativeAmount); err != nil {
			return nil, released, errorsmod.Wrapf(err, "vouchers[%d]", i)
		}
		if err := types.ValidateSignatureSize("user_signature", sv.UserSignature); err != nil {
			return nil, released, errorsmod.Wrapf(err, "vouchers[%d]", i)
		}
		if err := types.ValidateSignatureSize("node_signature", sv.NodeSignature); err != nil {
			return nil, released, errorsmod.Wrapf(err, "vouchers[%d]", i)
		}
		if now < 0 || sv.Expiry <= uint64(now) {
			return nil, released, errorsmod.Wrapf(types.ErrVoucherExpired, "vouchers[%d]: expiry %d, block time %d", i, sv.Expiry, now)
		}
		ch, _, err := k.GetChannel(ctx, user, node)
		if err != nil {
			return nil, released, err
		}
		if sv.Nonce <= ch.LastNonce || sv.CumulativeAmount.LTE(ch.SettledAmount) {
			return nil, released, errorsmod.Wrapf(types.ErrStaleVoucher, "vouchers[%d]: nonce %d, cumulative %s; settled nonce %d, cumulative %s",
				i, sv.Nonce, sv.CumulativeAmount, ch.LastNonce, ch.SettledAmount)
		}
		release := sv.CumulativeAmount.Sub(ch.SettledAmount)
		credit, err := k.GetCredit(ctx, user)
		if err != nil {
			return nil, released, err
		}
		if release.GT(credit.Balance) {
			return nil, released, errorsmod.Wrapf(types.ErrInsufficientCredit, "vouchers[%d]: releases %s, credit of %s is %s", i, release, userStr, credit.Balance)
		}
		v := types.Voucher{User: user, ServingNode: node, CumulativeAmount: sv.CumulativeAmount, Nonce: sv.Nonce, Expiry: sv.Expiry}
		sdkCtx.GasMeter().ConsumeGas(2*types.SignatureVerifyGas, "voucher and settlement signatures")
		if err := v.VerifySignature(k.evmChainID, sv.UserSignature); err != nil {
			return nil, released, errorsmod.Wrapf(types.ErrBadUserSignature, "vouchers[%d]: %v", i, err)
		}
		if err := v.Settlement(receiptsRoot).VerifySignature(k.evmChainID, sv.NodeSignature); err != nil {
			return nil, released, errorsmod.Wrapf(types.ErrBadNodeSignature, "vouchers[%d]: %v", i, err)
		}
		plans[i] = voucherPlan{user: user, userStr: userStr, voucher: sv, credit: credit, release: release}
		released = released.Add(release)
	}
	return plans, released, nil
}

// settledBatch is a batch that passed every check.
type settledBatch struct {
	msg         *types.MsgSettleBatch
	node        sdk.AccAddress
	nodeStr     string
	usage       checkedUsage
	attribution [][]attribution
	plans       []voucherPlan
	released    math.Int
}

// applyBatch writes a checked batch: each channel advances to its voucher,
// each credit pays its release, and each usage entry's fee is split, with
// the entry's attributions or none. It returns the attribution record ids
// in usage order, a model's records in the order of its entries (a single
// 0 for a model trained on no Datanet).
func (k Keeper) applyBatch(ctx context.Context, p types.Params, b settledBatch) ([]uint64, error) {
	height := k.Height(ctx)
	for _, pl := range b.plans {
		ch := types.Channel{
			User: pl.userStr, ServingNode: b.nodeStr, SettledAmount: pl.voucher.CumulativeAmount,
			LastNonce: pl.voucher.Nonce, LastSettledHeight: height,
		}
		if err := k.Channels.Set(ctx, collections.Join(pl.user, b.node), ch); err != nil {
			return nil, err
		}
		pl.credit.User = pl.userStr
		pl.credit.Balance = pl.credit.Balance.Sub(pl.release)
		if err := k.setCredit(ctx, pl.user, pl.credit); err != nil {
			return nil, err
		}
		if err := k.Emit(ctx, &types.EventVoucherSettled{
			User: pl.userStr, ServingNode: b.nodeStr, Nonce: pl.voucher.Nonce,
			CumulativeAmount: pl.voucher.CumulativeAmount, Released: pl.release,
		}); err != nil {
			return nil, err
		}
	}
	totals, err := k.GetTotals(ctx)
	if err != nil {
		return nil, err
	}
	ids := make([]uint64, 0, len(b.msg.Usage))
	for i, u := range b.msg.Usage {
		in := feeInput{
			node: b.node, nodeStr: b.nodeStr, model: b.usage.models[i], amount: u.Amount, inferenceCount: u.InferenceCount,
			tokens: u.Tokens, attributions: b.attribution[i], receiptsRoot: b.msg.ReceiptsRoot,
			batchModelIDs: b.usage.modelIDs, nodeSignedRoot: true,
		}
		if len(in.attributions) == 0 {
			in.attributions = []attribution{{method: types.MethodNone}}
		}
		made, err := k.splitFee(ctx, p, in, &totals)
		if err != nil {
			return nil, err
		}
		if len(made) == 0 {
			made = []uint64{0}
		}
		ids = append(ids, made...)
	}
	totals.VouchersSettled += uint64(len(b.msg.Vouchers))
	totals.Batches++
	if err := k.Totals.Set(ctx, totals); err != nil {
		return nil, err
	}
	return ids, k.Emit(ctx, &types.EventBatchSettled{
		ServingNode: b.nodeStr, ReceiptsRoot: b.msg.ReceiptsRoot, Vouchers: uint64(len(b.msg.Vouchers)),
		Models: uint64(len(b.msg.Usage)), Inferences: b.usage.inferences, Total: b.released,
	})
}
