package keeper_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"

	"github.com/openledger/openledger/ai/poa"
	agentstaketypes "github.com/openledger/openledger/x/agentstake/types"
	attributiontypes "github.com/openledger/openledger/x/attribution/types"
	"github.com/openledger/openledger/x/inferencefees/types"
	"github.com/openledger/openledger/x/internal/banktest"
	"github.com/openledger/openledger/x/internal/keepertest"
	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

func TestSettleBatch(t *testing.T) {
	keepertest.Run(t, "Success - two users, two models, exact split to every destination", newFixture, func(t *testing.T, f *fixture) {
		f.deposit(f.alice, math.NewInt(1_000_000))
		f.deposit(f.bob, math.NewInt(500_000))
		weights := []attributiontypes.ContributionWeight{{ContributionId: 3, Ppm: 600_000}, {ContributionId: 9, Ppm: 300_000}}
		msg := &types.MsgSettleBatch{
			ServingNode: f.node.Str, ReceiptsRoot: f.root,
			Vouchers: []types.SignedVoucher{f.voucher(f.alice, f.node, math.NewInt(300_000), 1), f.voucher(f.bob, f.node, math.NewInt(123_457), 4)},
			Usage: []types.ModelUsage{
				{ModelId: 1, Amount: math.NewInt(400_001), InferenceCount: 40, Tokens: 400_001},
				{ModelId: 2, Amount: math.NewInt(23_456), InferenceCount: 3, Tokens: 23_456},
			},
			Attribution: []types.ModelAttribution{{ModelId: 1, Method: poa.Method, Weights: weights}},
		}
		ownerBefore, nodeBefore, supplyBefore := f.balance(f.owner.Addr), f.balance(f.node.Addr), f.bank.Supply().AmountOf(denom)
		resp := keepertest.MustDeliver(f.Chain(), f.Msgs.SettleBatch, msg)
		require.Equal(t, math.NewInt(423_457), resp.Total)
		require.Equal(t, []uint64{1, 0}, resp.AttributionRecordIds)

		// Model 1: 400,001 -> owner 160,000, node 120,000, protocol 20,000,
		// data 60,000, burn 40,001 (the remainder).
		// Model 2: 23,456 -> owner 9,382, node 7,036, protocol 1,172 + data
		// 3,518 (no training data: community pool), burn 2,348.
		require.Equal(t, ownerBefore.AddRaw(160_000+9_382), f.balance(f.owner.Addr))
		require.Equal(t, nodeBefore.AddRaw(120_000+7_036), f.balance(f.node.Addr))
		require.Equal(t, math.NewInt(20_000+1_172+3_518), f.moduleBalance(banktest.CommunityPoolModule))
		require.Equal(t, math.NewInt(60_000), f.moduleBalance(attributiontypes.ModuleName))
		require.Equal(t, supplyBefore.SubRaw(40_001+2_348), f.bank.Supply().AmountOf(denom))
		require.Equal(t, math.NewInt(1_000_000-300_000+500_000-123_457), f.moduleBalance(types.ModuleName))

		// Credits and channels.
		require.Equal(t, math.NewInt(700_000), f.credit(f.alice).Balance)
		require.Equal(t, math.NewInt(376_543), f.credit(f.bob).Balance)
		ch, found, err := f.K.GetChannel(f.Ctx, f.bob.Addr, f.node.Addr)
		require.NoError(t, err)
		require.True(t, found)
		require.Equal(t, types.Channel{User: f.bob.Str, ServingNode: f.node.Str, SettledAmount: math.NewInt(123_457), LastNonce: 4, LastSettledHeight: startHeight}, ch)

		// The attribution record input.
		require.Len(t, f.attr.records, 1)
		rec := f.attr.records[0]
		require.Equal(t, attributiontypes.RecordInput{
			ServingNode: f.node.Str, ModelID: 1, Method: poa.Method,
			Datasets: []attributiontypes.DatasetVersion{
				{DatanetId: 1, Version: 2, Root: hash("d1v2")}, {DatanetId: 4, Version: 1, Root: hash("d4v1")},
			},
			ReceiptsRoot: f.root, InferenceCount: 40, Weights: weights, DataReward: coin(60_000),
			Price: perToken, Tokens: 400_001, BatchModelIDs: []uint64{1, 2}, NodeSignedRoot: true,
		}, rec)

		// Totals.
		tot := f.totals()
		require.Equal(t, math.NewInt(423_457), tot.Settled)
		require.Equal(t, math.NewInt(40_001+2_348), tot.Burned)
		require.Equal(t, math.NewInt(169_382), tot.ToModelOwners)
		require.Equal(t, math.NewInt(127_036), tot.ToServingNodes)
		require.Equal(t, math.NewInt(24_690), tot.ToProtocol)
		require.Equal(t, math.NewInt(60_000), tot.ToAttribution)
		require.Equal(t, uint64(2), tot.VouchersSettled)
		require.Equal(t, uint64(43), tot.Inferences)
		require.Equal(t, uint64(1), tot.Batches)

		require.Len(t, keepertest.EventsOfType(f.Ctx, "openledger.inferencefees.v1.EventVoucherSettled"), 2)
		require.Len(t, keepertest.EventsOfType(f.Ctx, "openledger.inferencefees.v1.EventFeeSplit"), 2)
		require.Len(t, keepertest.EventsOfType(f.Ctx, "openledger.inferencefees.v1.EventBatchSettled"), 1)
	})

	keepertest.Run(t, "Success - a record per attribution method, the data share divided between them", newFixture, func(t *testing.T, f *fixture) {
		f.deposit(f.alice, math.NewInt(1_000_000))
		exact := []attributiontypes.ContributionWeight{{ContributionId: 3, Ppm: 600_000}}
		gradient := []attributiontypes.ContributionWeight{{ContributionId: 3, Ppm: 200_000}, {ContributionId: 9, Ppm: 800_000}}
		msg := &types.MsgSettleBatch{
			ServingNode: f.node.Str, ReceiptsRoot: f.root,
			Vouchers: []types.SignedVoucher{f.voucher(f.alice, f.node, math.NewInt(400_001), 1)},
			Usage:    []types.ModelUsage{{ModelId: 1, Amount: math.NewInt(400_001), InferenceCount: 40, Tokens: 400_001}},
			Attribution: []types.ModelAttribution{
				{ModelId: 1, Method: poa.Method, Weights: exact}, {ModelId: 1, Method: "tracin-1.lora.sparse-sign", Weights: gradient},
			},
		}
		supplyBefore := f.bank.Supply().AmountOf(denom)
		resp := keepertest.MustDeliver(f.Chain(), f.Msgs.SettleBatch, msg)
		require.Equal(t, []uint64{1, 2}, resp.AttributionRecordIds)
		// The data share of 60,000 is divided evenly: 30,000 to each
		// method's record, with the same usage.
		require.Len(t, f.attr.records, 2)
		for i, want := range []struct {
			method  string
			weights []attributiontypes.ContributionWeight
		}{{poa.Method, exact}, {"tracin-1.lora.sparse-sign", gradient}} {
			rec := f.attr.records[i]
			require.Equal(t, want.method, rec.Method)
			require.Equal(t, want.weights, rec.Weights)
			require.Equal(t, coin(30_000), rec.DataReward)
			require.Equal(t, uint64(40), rec.InferenceCount)
			require.Equal(t, uint64(400_001), rec.Tokens)
		}
		require.Equal(t, math.NewInt(60_000), f.moduleBalance(attributiontypes.ModuleName))
		require.Equal(t, math.NewInt(60_000), f.totals().ToAttribution)
		require.Equal(t, supplyBefore.SubRaw(40_001), f.bank.Supply().AmountOf(denom))

		// An odd share: the first record takes the remainder.
		f.deposit(f.alice, math.NewInt(1_000_000))
		msg = f.batch(1, 1, f.voucher(f.alice, f.node, math.NewInt(400_001+10_001), 2))
		msg.Usage[0].Amount, msg.Usage[0].Tokens = math.NewInt(10_001), 10_001
		msg.Attribution = []types.ModelAttribution{{ModelId: 1, Method: "a"}, {ModelId: 1, Method: "b"}, {ModelId: 1, Method: "c"}}
		keepertest.MustDeliver(f.Chain(), f.Msgs.SettleBatch, msg)
		require.Len(t, f.attr.records, 5)
		share := f.params().SplitAmount(math.NewInt(10_001)).DataContributors
		sum := math.ZeroInt()
		for _, rec := range f.attr.records[2:] {
			sum = sum.Add(rec.DataReward.Amount)
		}
		require.Equal(t, share, sum, "the records together take the whole data share")
		require.True(t, f.attr.records[2].DataReward.Amount.GTE(f.attr.records[4].DataReward.Amount))
	})

	keepertest.Run(t, "Success - usage at the price: per call plus per 1k tokens, rounded up per inference", newFixture, func(t *testing.T, f *fixture) {
		// 3 aopen per call, 2,500 per 1,000 tokens: three inferences of 101,
		// 102 and 1 tokens cost 3+253, 3+255 and 3+3 aopen = 520, within
		// [9 + ceil(2,500 × 204 / 1,000), that + 2] = [519, 521].
		price := modelregtypes.Price{PerCall: math.NewInt(3), Per_1KTokens: math.NewInt(2_500)}
		f.setPrice(1, price)
		want := modelregtypes.InferenceFee(price, 101).Add(modelregtypes.InferenceFee(price, 102)).Add(modelregtypes.InferenceFee(price, 1))
		require.Equal(t, math.NewInt(520), want)
		lo, hi := modelregtypes.UsageFeeBounds(price, 3, 204)
		require.Equal(t, []int64{519, 521}, []int64{lo.Int64(), hi.Int64()})
		f.deposit(f.alice, math.NewInt(10_000))
		for i, amount := range []int64{519, 521} {
			msg := f.batch(1, 3, f.voucher(f.alice, f.node, math.NewInt(519*int64(i)+amount), uint64(i+1)))
			msg.Usage[0].Tokens = 204
			_, err := keepertest.Deliver(f.Chain(), f.Msgs.SettleBatch, msg)
			require.NoError(t, err, "amount %d", amount)
			require.Equal(t, price, f.attr.records[i].Price, "the record keeps the price it was checked at")
			require.Equal(t, uint64(204), f.attr.records[i].Tokens)
		}
		// One aopen outside the bounds either way is refused, naming the
		// model, the amount and the range.
		for _, amount := range []int64{518, 522} {
			ch, _, err := f.K.GetChannel(f.Ctx, f.alice.Addr, f.node.Addr)
			require.NoError(t, err)
			msg := f.batch(1, 3, f.voucher(f.alice, f.node, ch.SettledAmount.AddRaw(amount), 10+uint64(amount)))
			msg.Usage[0].Tokens = 204
			_, err = keepertest.Deliver(f.Chain(), f.Msgs.SettleBatch, msg)
			require.ErrorIs(t, err, types.ErrUsageOffPrice)
			require.ErrorContains(t, err, fmt.Sprintf("model 1: amount %d for 3 inferences of 204 tokens", amount))
			require.ErrorContains(t, err, "allows 519 to 521")
		}
	})

	keepertest.Run(t, "Success - without an attribution entry the data share is recorded unattributed (method none)", newFixture, func(t *testing.T, f *fixture) {
		f.deposit(f.alice, math.NewInt(10_000))
		keepertest.MustDeliver(f.Chain(), f.Msgs.SettleBatch, f.batch(1, 1, f.voucher(f.alice, f.node, math.NewInt(10_000), 1)))
		require.Len(t, f.attr.records, 1)
		require.Equal(t, types.MethodNone, f.attr.records[0].Method)
		require.Empty(t, f.attr.records[0].Weights)
		require.Equal(t, coin(1_500), f.attr.records[0].DataReward)
	})

	keepertest.Run(t, "Success - a newer voucher releases only the difference; the old one is stale", newFixture, func(t *testing.T, f *fixture) {
		f.deposit(f.alice, math.NewInt(10_000))
		first := f.voucher(f.alice, f.node, math.NewInt(3_000), 1)
		keepertest.MustDeliver(f.Chain(), f.Msgs.SettleBatch, f.batch(1, 3, first))

		second := f.voucher(f.alice, f.node, math.NewInt(7_500), 5)
		msg := f.batch(1, 4, second)
		require.Equal(t, math.NewInt(4_500), msg.Usage[0].Amount)
		keepertest.MustDeliver(f.Chain(), f.Msgs.SettleBatch, msg)
		require.Equal(t, math.NewInt(2_500), f.credit(f.alice).Balance)

		// Replaying either voucher settles nothing.
		for _, v := range []types.SignedVoucher{first, second} {
			replay := &types.MsgSettleBatch{
				ServingNode: f.node.Str, ReceiptsRoot: f.root, Vouchers: []types.SignedVoucher{v},
				Usage: []types.ModelUsage{{ModelId: 1, Amount: math.NewInt(1), InferenceCount: 1, Tokens: 1}},
			}
			keepertest.RequireFailsUnchanged(f.Chain(), f.Msgs.SettleBatch, replay, types.ErrStaleVoucher)
		}
	})

	keepertest.Run(t, "Success - the same user pays two nodes through two channels", newFixture, func(t *testing.T, f *fixture) {
		f.deposit(f.alice, math.NewInt(10_000))
		keepertest.MustDeliver(f.Chain(), f.Msgs.SettleBatch, f.batch(1, 1, f.voucher(f.alice, f.node, math.NewInt(4_000), 1)))
		v := f.voucher(f.alice, f.node2, math.NewInt(6_000), 1)
		keepertest.MustDeliver(f.Chain(), f.Msgs.SettleBatch, &types.MsgSettleBatch{
			ServingNode: f.node2.Str, ReceiptsRoot: f.root,
			Vouchers: []types.SignedVoucher{v}, Usage: []types.ModelUsage{{ModelId: 1, Amount: math.NewInt(6_000), InferenceCount: 2, Tokens: 6_000}},
		})
		require.True(t, f.credit(f.alice).Balance.IsZero())
		// An empty credit is removed.
		has, err := f.K.Credits.Has(f.Ctx, f.alice.Addr)
		require.NoError(t, err)
		require.False(t, has)
	})

	keepertest.Run(t, "Success - MetaMask's 27/28 recovery byte", newFixture, func(t *testing.T, f *fixture) {
		f.deposit(f.alice, math.NewInt(10_000))
		v := f.voucher(f.alice, f.node, math.NewInt(10_000), 1)
		v.UserSignature[64] += 27
		keepertest.MustDeliver(f.Chain(), f.Msgs.SettleBatch, f.batch(1, 1, v))
	})
}

func TestSettleBatchFailures(t *testing.T) {
	amount := math.NewInt(10_000)
	cases := []struct {
		name  string
		setup func(f *fixture)
		msg   func(f *fixture) *types.MsgSettleBatch
		want  *errorsmod.Error
	}{
		{"bad user signature (signed by someone else)", nil, func(f *fixture) *types.MsgSettleBatch {
			v := f.voucher(f.alice, f.node, amount, 1)
			v.UserSignature = f.voucher(f.bob, f.node, amount, 1).UserSignature
			return f.batch(1, 1, v)
		}, types.ErrBadUserSignature},
		{"user signature over another amount", nil, func(f *fixture) *types.MsgSettleBatch {
			v := f.voucher(f.alice, f.node, amount, 1)
			v.UserSignature = f.voucher(f.alice, f.node, amount.SubRaw(1), 1).UserSignature
			return f.batch(1, 1, v)
		}, types.ErrBadUserSignature},
		{"user signature malformed (64 bytes)", nil, func(f *fixture) *types.MsgSettleBatch {
			v := f.voucher(f.alice, f.node, amount, 1)
			v.UserSignature = v.UserSignature[:64]
			return f.batch(1, 1, v)
		}, types.ErrMalformedSignature},
		{"user signature with a bad recovery byte", nil, func(f *fixture) *types.MsgSettleBatch {
			v := f.voucher(f.alice, f.node, amount, 1)
			v.UserSignature[64] = 9
			return f.batch(1, 1, v)
		}, types.ErrBadUserSignature},
		{"wrong chain in the domain", nil, func(f *fixture) *types.MsgSettleBatch {
			v := f.voucher(f.alice, f.node, amount, 1)
			raw := types.Voucher{User: f.alice.Addr, ServingNode: f.node.Addr, CumulativeAmount: amount, Nonce: 1, Expiry: v.Expiry}
			v.UserSignature = signVoucher(t, f.alice, raw, evmChainID+1)
			return f.batch(1, 1, v)
		}, types.ErrBadUserSignature},
		{"voucher made out to another node", nil, func(f *fixture) *types.MsgSettleBatch {
			v := f.voucher(f.alice, f.node, amount, 1)
			v.UserSignature = f.voucher(f.alice, f.node2, amount, 1).UserSignature
			return f.batch(1, 1, v)
		}, types.ErrBadUserSignature},
		{"bad node signature (signed by another node)", nil, func(f *fixture) *types.MsgSettleBatch {
			v := f.voucher(f.alice, f.node, amount, 1)
			raw := types.Voucher{User: f.alice.Addr, ServingNode: f.node.Addr, CumulativeAmount: amount, Nonce: 1, Expiry: v.Expiry}
			v.NodeSignature = signSettlement(t, f.node2, raw, f.root, evmChainID)
			return f.batch(1, 1, v)
		}, types.ErrBadNodeSignature},
		{"node signature over another receipts root", nil, func(f *fixture) *types.MsgSettleBatch {
			v := f.voucher(f.alice, f.node, amount, 1)
			raw := types.Voucher{User: f.alice.Addr, ServingNode: f.node.Addr, CumulativeAmount: amount, Nonce: 1, Expiry: v.Expiry}
			v.NodeSignature = signSettlement(t, f.node, raw, hash("other root"), evmChainID)
			return f.batch(1, 1, v)
		}, types.ErrBadNodeSignature},
		{"node signature for another chain", nil, func(f *fixture) *types.MsgSettleBatch {
			v := f.voucher(f.alice, f.node, amount, 1)
			raw := types.Voucher{User: f.alice.Addr, ServingNode: f.node.Addr, CumulativeAmount: amount, Nonce: 1, Expiry: v.Expiry}
			v.NodeSignature = signSettlement(t, f.node, raw, f.root, evmChainID+1)
			return f.batch(1, 1, v)
		}, types.ErrBadNodeSignature},
		{"node signature missing", nil, func(f *fixture) *types.MsgSettleBatch {
			v := f.voucher(f.alice, f.node, amount, 1)
			v.NodeSignature = nil
			return f.batch(1, 1, v)
		}, types.ErrMalformedSignature},
		{"nonce zero on a new channel", nil, func(f *fixture) *types.MsgSettleBatch {
			return f.batch(1, 1, f.voucher(f.alice, f.node, amount, 0))
		}, types.ErrStaleVoucher},
		{"expired voucher (expiry = block time)", nil, func(f *fixture) *types.MsgSettleBatch {
			return f.batch(1, 1, makeVoucher(t, f.alice, f.node, amount, 1, uint64(startTime.Unix()), f.root))
		}, types.ErrVoucherExpired},
		{"overdraw: release above the credit", nil, func(f *fixture) *types.MsgSettleBatch {
			return f.batch(1, 1, f.voucher(f.alice, f.node, math.NewInt(50_001), 1))
		}, types.ErrInsufficientCredit},
		{"overdraw: user without credit", nil, func(f *fixture) *types.MsgSettleBatch {
			u := newAccount(t, f.AddressCodec, "stranger")
			return f.batch(1, 1, f.voucher(u, f.node, amount, 1))
		}, types.ErrInsufficientCredit},
		{"duplicate channel", nil, func(f *fixture) *types.MsgSettleBatch {
			msg := f.batch(1, 1, f.voucher(f.alice, f.node, amount, 1), f.voucher(f.alice, f.node, amount.AddRaw(1), 2))
			return msg
		}, types.ErrDuplicateChannel},
		{"usage sums to less than the release", nil, func(f *fixture) *types.MsgSettleBatch {
			msg := f.batch(1, 1, f.voucher(f.alice, f.node, amount, 1))
			msg.Usage[0].Amount = amount.SubRaw(1)
			msg.Usage[0].Tokens = tokensOf(msg.Usage[0].Amount)
			return msg
		}, types.ErrUsageMismatch},
		{"usage below the model's price (one aopen short for its tokens)", nil, func(f *fixture) *types.MsgSettleBatch {
			msg := f.batch(1, 1, f.voucher(f.alice, f.node, amount, 1))
			msg.Usage[0].Tokens++
			return msg
		}, types.ErrUsageOffPrice},
		{"usage above the model's price (more than n − 1 aopen of rounding)", nil, func(f *fixture) *types.MsgSettleBatch {
			msg := f.batch(1, 3, f.voucher(f.alice, f.node, amount, 1))
			msg.Usage[0].Tokens -= 3 // allows amount − 3 to amount − 1
			return msg
		}, types.ErrUsageOffPrice},
		{"usage without tokens for a per-token price", nil, func(f *fixture) *types.MsgSettleBatch {
			msg := f.batch(1, 1, f.voucher(f.alice, f.node, amount, 1))
			msg.Usage[0].Tokens = 0
			return msg
		}, types.ErrUsageOffPrice},
		{"usage booked at a cheaper model's price: per call 7, 3 inferences", func(f *fixture) {
			f.setPrice(1, modelregtypes.Price{PerCall: math.NewInt(7), Per_1KTokens: math.ZeroInt()})
		}, func(f *fixture) *types.MsgSettleBatch {
			return f.batch(1, 3, f.voucher(f.alice, f.node, amount, 1))
		}, types.ErrUsageOffPrice},
		{"usage of the second model off its price", nil, func(f *fixture) *types.MsgSettleBatch {
			msg := f.batch(1, 1, f.voucher(f.alice, f.node, amount, 1))
			msg.Usage[0].Amount, msg.Usage[0].Tokens = amount.SubRaw(100), tokensOf(amount.SubRaw(100))
			msg.Usage = append(msg.Usage, types.ModelUsage{ModelId: 2, Amount: math.NewInt(100), InferenceCount: 1, Tokens: 99})
			return msg
		}, types.ErrUsageOffPrice},
		{"usage sums to more than the release", nil, func(f *fixture) *types.MsgSettleBatch {
			msg := f.batch(1, 1, f.voucher(f.alice, f.node, amount, 1))
			msg.Usage = append(msg.Usage, types.ModelUsage{ModelId: 2, Amount: math.NewInt(1), InferenceCount: 1, Tokens: 1})
			return msg
		}, types.ErrUsageMismatch},
		{"usage models not ascending", nil, func(f *fixture) *types.MsgSettleBatch {
			msg := f.batch(2, 1, f.voucher(f.alice, f.node, amount, 1))
			msg.Usage = append(msg.Usage, types.ModelUsage{ModelId: 1, Amount: math.NewInt(1), InferenceCount: 1, Tokens: 1})
			return msg
		}, types.ErrUsageNotSorted},
		{"usage model twice", nil, func(f *fixture) *types.MsgSettleBatch {
			msg := f.batch(1, 1, f.voucher(f.alice, f.node, amount, 1))
			msg.Usage = []types.ModelUsage{{ModelId: 1, Amount: math.NewInt(5_000), InferenceCount: 1, Tokens: 5_000}, {ModelId: 1, Amount: math.NewInt(5_000), InferenceCount: 1, Tokens: 5_000}}
			return msg
		}, types.ErrUsageNotSorted},
		{"usage model id zero", nil, func(f *fixture) *types.MsgSettleBatch {
			return f.batch(0, 1, f.voucher(f.alice, f.node, amount, 1))
		}, types.ErrInvalidModelID},
		{"usage zero inference count", nil, func(f *fixture) *types.MsgSettleBatch {
			return f.batch(1, 0, f.voucher(f.alice, f.node, amount, 1))
		}, types.ErrInvalidInferenceCount},
		{"usage zero amount", nil, func(f *fixture) *types.MsgSettleBatch {
			msg := f.batch(1, 1, f.voucher(f.alice, f.node, amount, 1))
			msg.Usage = append(msg.Usage, types.ModelUsage{ModelId: 2, Amount: math.ZeroInt(), InferenceCount: 1})
			return msg
		}, types.ErrInvalidAmount},
		{"unknown model", nil, func(f *fixture) *types.MsgSettleBatch {
			return f.batch(99, 1, f.voucher(f.alice, f.node, amount, 1))
		}, modelregtypes.ErrModelNotFound},
		{"inactive (deprecated) model", nil, func(f *fixture) *types.MsgSettleBatch {
			return f.batch(3, 1, f.voucher(f.alice, f.node, amount, 1))
		}, types.ErrModelNotActive},
		{"revoked model", func(f *fixture) {
			m, _ := f.models.GetModel(f.Ctx, 1)
			m.Status = modelregtypes.MODEL_STATUS_REVOKED
			f.models.set(m)
		}, func(f *fixture) *types.MsgSettleBatch {
			return f.batch(1, 1, f.voucher(f.alice, f.node, amount, 1))
		}, types.ErrModelNotActive},
		{"jailed node", func(f *fixture) { f.nodes.setStatus(f.node.Addr, "jailed") }, func(f *fixture) *types.MsgSettleBatch {
			return f.batch(1, 1, f.voucher(f.alice, f.node, amount, 1))
		}, agentstaketypes.ErrAgentNotActive},
		{"unstaked (unregistered) node", func(f *fixture) { f.nodes.nodes = f.nodes.nodes[1:] }, func(f *fixture) *types.MsgSettleBatch {
			return f.batch(1, 1, f.voucher(f.alice, f.node, amount, 1))
		}, agentstaketypes.ErrAgentNotFound},
		{"node does not serve the model", func(f *fixture) { f.nodes.nodes[0].models = []uint64{2} }, func(f *fixture) *types.MsgSettleBatch {
			return f.batch(1, 1, f.voucher(f.alice, f.node, amount, 1))
		}, agentstaketypes.ErrModelNotServed},
		{"node is an attestor", func(f *fixture) { f.nodes.nodes[0].kind = "attestor" }, func(f *fixture) *types.MsgSettleBatch {
			return f.batch(1, 1, f.voucher(f.alice, f.node, amount, 1))
		}, agentstaketypes.ErrWrongAgentKind},
		{"attribution for a model not in the usage", nil, func(f *fixture) *types.MsgSettleBatch {
			msg := f.batch(1, 1, f.voucher(f.alice, f.node, amount, 1))
			msg.Attribution = []types.ModelAttribution{{ModelId: 2, Method: poa.Method}}
			return msg
		}, types.ErrAttributionNotInUsage},
		{"two attribution entries for a model and method", nil, func(f *fixture) *types.MsgSettleBatch {
			msg := f.batch(1, 1, f.voucher(f.alice, f.node, amount, 1))
			msg.Attribution = []types.ModelAttribution{{ModelId: 1, Method: "a"}, {ModelId: 1, Method: "b"}, {ModelId: 1, Method: "a"}}
			return msg
		}, types.ErrDuplicateAttribution},
		{"more attribution methods for a model than a batch takes", nil, func(f *fixture) *types.MsgSettleBatch {
			msg := f.batch(1, 1, f.voucher(f.alice, f.node, amount, 1))
			for _, m := range []string{"a", "b", "c", "d", "e"} {
				msg.Attribution = append(msg.Attribution, types.ModelAttribution{ModelId: 1, Method: m})
			}
			return msg
		}, types.ErrTooManyAttributionMethods},
		{"attribution weights not ascending", nil, func(f *fixture) *types.MsgSettleBatch {
			msg := f.batch(1, 1, f.voucher(f.alice, f.node, amount, 1))
			msg.Attribution = []types.ModelAttribution{{ModelId: 1, Method: "a", Weights: []attributiontypes.ContributionWeight{{ContributionId: 2, Ppm: 1}, {ContributionId: 2, Ppm: 1}}}}
			return msg
		}, attributiontypes.ErrWeightsNotAscending},
		{"attribution weights above a million ppm", nil, func(f *fixture) *types.MsgSettleBatch {
			msg := f.batch(1, 1, f.voucher(f.alice, f.node, amount, 1))
			msg.Attribution = []types.ModelAttribution{{ModelId: 1, Method: "a", Weights: []attributiontypes.ContributionWeight{{ContributionId: 1, Ppm: 600_000}, {ContributionId: 2, Ppm: 400_001}}}}
			return msg
		}, attributiontypes.ErrWeightsSumTooLarge},
		{"attribution weight of contribution 0", nil, func(f *fixture) *types.MsgSettleBatch {
			msg := f.batch(1, 1, f.voucher(f.alice, f.node, amount, 1))
			msg.Attribution = []types.ModelAttribution{{ModelId: 1, Method: "a", Weights: []attributiontypes.ContributionWeight{{ContributionId: 0, Ppm: 1}}}}
			return msg
		}, attributiontypes.ErrUnknownContribution},
		{"more attribution weights than x/attribution takes", nil, func(f *fixture) *types.MsgSettleBatch {
			msg := f.batch(1, 1, f.voucher(f.alice, f.node, amount, 1))
			weights := make([]attributiontypes.ContributionWeight, attributiontypes.DefaultMaxWeightsPerRecord+1)
			for i := range weights {
				weights[i] = attributiontypes.ContributionWeight{ContributionId: uint64(i + 1), Ppm: 1}
			}
			msg.Attribution = []types.ModelAttribution{{ModelId: 1, Method: "a", Weights: weights}}
			return msg
		}, attributiontypes.ErrTooManyWeights},
		{"attribution method with upper case", nil, func(f *fixture) *types.MsgSettleBatch {
			msg := f.batch(1, 1, f.voucher(f.alice, f.node, amount, 1))
			msg.Attribution = []types.ModelAttribution{{ModelId: 1, Method: "Suffix"}}
			return msg
		}, attributiontypes.ErrInvalidMethod},
		{"attribution for a model trained on no Datanet", nil, func(f *fixture) *types.MsgSettleBatch {
			msg := f.batch(2, 1, f.voucher(f.alice, f.node, amount, 1))
			msg.Attribution = []types.ModelAttribution{{ModelId: 2, Method: "a"}}
			return msg
		}, types.ErrNoTrainingData},
		{"receipts root of 31 bytes", nil, func(f *fixture) *types.MsgSettleBatch {
			msg := f.batch(1, 1, f.voucher(f.alice, f.node, amount, 1))
			msg.ReceiptsRoot = msg.ReceiptsRoot[:31]
			return msg
		}, attributiontypes.ErrInvalidReceiptsRoot},
		{"no vouchers", nil, func(f *fixture) *types.MsgSettleBatch {
			msg := f.batch(1, 1)
			msg.Usage[0].Amount = amount
			return msg
		}, types.ErrEmptyBatch},
		{"no usage", nil, func(f *fixture) *types.MsgSettleBatch {
			msg := f.batch(1, 1, f.voucher(f.alice, f.node, amount, 1))
			msg.Usage = nil
			return msg
		}, types.ErrEmptyBatch},
		{"too many vouchers", func(f *fixture) { keepertest.SetParams(f, func(p *types.Params) { p.MaxVouchersPerBatch = 1 }) }, func(f *fixture) *types.MsgSettleBatch {
			return f.batch(1, 1, f.voucher(f.alice, f.node, amount, 1), f.voucher(f.bob, f.node, amount, 1))
		}, types.ErrTooManyVouchers},
		{"too many usage entries", func(f *fixture) { keepertest.SetParams(f, func(p *types.Params) { p.MaxUsageEntriesPerBatch = 1 }) }, func(f *fixture) *types.MsgSettleBatch {
			msg := f.batch(1, 1, f.voucher(f.alice, f.node, amount, 1))
			msg.Usage = []types.ModelUsage{{ModelId: 1, Amount: math.NewInt(5_000), InferenceCount: 1, Tokens: 5_000}, {ModelId: 2, Amount: math.NewInt(5_000), InferenceCount: 1, Tokens: 5_000}}
			return msg
		}, types.ErrTooManyUsageEntries},
		{"serving node with a 32-byte address", nil, func(f *fixture) *types.MsgSettleBatch {
			msg := f.batch(1, 1, f.voucher(f.alice, f.node, amount, 1))
			long, _ := f.AddressCodec.BytesToString(bytes.Repeat([]byte{1}, 32))
			msg.ServingNode = long
			return msg
		}, types.ErrInvalidAddress},
		{"voucher user not an address", nil, func(f *fixture) *types.MsgSettleBatch {
			msg := f.batch(1, 1, f.voucher(f.alice, f.node, amount, 1))
			msg.Vouchers[0].User = "alice"
			return msg
		}, types.ErrInvalidAddress},
		{"cumulative amount above the bound", nil, func(f *fixture) *types.MsgSettleBatch {
			msg := f.batch(1, 1, f.voucher(f.alice, f.node, amount, 1))
			msg.Vouchers[0].CumulativeAmount = types.MaxAmount.AddRaw(1)
			return msg
		}, types.ErrInvalidAmount},
	}
	for _, tc := range cases {
		t.Run("Failure - "+tc.name, func(t *testing.T) {
			f := newFixture(t)
			f.deposit(f.alice, math.NewInt(50_000))
			f.deposit(f.bob, math.NewInt(50_000))
			if tc.setup != nil {
				tc.setup(f)
			}
			keepertest.RequireFailsUnchanged(f.Chain(), f.Msgs.SettleBatch, tc.msg(f), tc.want)
		})
	}
}

func TestSettleBatchStaleAfterSettlement(t *testing.T) {
	f := newFixture(t)
	f.deposit(f.alice, math.NewInt(50_000))
	keepertest.MustDeliver(f.Chain(), f.Msgs.SettleBatch, f.batch(1, 1, f.voucher(f.alice, f.node, math.NewInt(10_000), 5)))
	for _, tc := range []struct {
		name   string
		amount int64
		nonce  uint64
	}{
		{"lower nonce, higher amount", 20_000, 4},
		{"same nonce, higher amount", 20_000, 5},
		{"higher nonce, same amount", 10_000, 6},
		{"higher nonce, lower amount", 9_000, 6},
	} {
		t.Run("Failure - "+tc.name, func(t *testing.T) {
			msg := f.batch(1, 1, f.voucher(f.alice, f.node, math.NewInt(tc.amount), tc.nonce))
			msg.Usage[0].Amount, msg.Usage[0].Tokens = math.NewInt(1), 1
			keepertest.RequireFailsUnchanged(f.Chain(), f.Msgs.SettleBatch, msg, types.ErrStaleVoucher)
		})
	}
}

func TestSettleBatchAttributionRefusalReverts(t *testing.T) {
	f := newFixture(t)
	f.deposit(f.alice, math.NewInt(50_000))
	f.attr.refuse = errorsmod.Wrap(attributiontypes.ErrContributionNotAccepted, "contribution 7 is not accepted")
	before := f.Chain().Snapshot()
	_, err := keepertest.Deliver(f.Chain(), f.Msgs.SettleBatch, f.batch(1, 1, f.voucher(f.alice, f.node, math.NewInt(10_000), 1)))
	require.ErrorIs(t, err, attributiontypes.ErrContributionNotAccepted)
	require.Equal(t, before.KV, f.Chain().Snapshot().KV)
	require.True(t, before.Bank.Equal(f.bank.Bank))
}

// TestSettleBatchGas: every voucher costs two signature recoveries of gas.
func TestSettleBatchGas(t *testing.T) {
	f := newFixture(t)
	f.deposit(f.alice, math.NewInt(50_000))
	f.deposit(f.bob, math.NewInt(50_000))
	msg := f.batch(1, 1, f.voucher(f.alice, f.node, math.NewInt(1_000), 1), f.voucher(f.bob, f.node, math.NewInt(1_000), 1))
	ctx := f.Ctx.WithGasMeter(storetypes.NewGasMeter(1_000_000_000))
	_, err := f.Msgs.SettleBatch(ctx, msg)
	require.NoError(t, err)
	require.GreaterOrEqual(t, ctx.GasMeter().GasConsumed(), uint64(4*types.SignatureVerifyGas))
}
