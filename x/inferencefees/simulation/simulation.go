// Package simulation is x/inferencefees in the chain simulation: a random
// genesis of its parameters and weighted operations that deposit and
// withdraw credit, pay inference directly, and settle batches of payment
// vouchers signed by simulated users and serving nodes, with attribution
// weights over the contributions an adapter was trained on, and some
// messages made to fail. Only the simulation imports it.
package simulation

import (
	"context"
	"slices"
	"time"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/module"

	agentstakekeeper "github.com/openledger/openledger/x/agentstake/keeper"
	agentstaketypes "github.com/openledger/openledger/x/agentstake/types"
	attributiontypes "github.com/openledger/openledger/x/attribution/types"
	datanetkeeper "github.com/openledger/openledger/x/datanet/keeper"
	"github.com/openledger/openledger/x/inferencefees/keeper"
	"github.com/openledger/openledger/x/inferencefees/types"
	"github.com/openledger/openledger/x/internal/simkit"
	modelregkeeper "github.com/openledger/openledger/x/modelreg/keeper"
	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

// Method is the attribution method the simulated serving nodes name.
const Method = "simulated.exact-spans"

// AppModule is x/inferencefees' part of the simulation.
type AppModule struct {
	simkit.Module
	k          keeper.Keeper
	models     modelregkeeper.Keeper
	agents     agentstakekeeper.Keeper
	datanets   datanetkeeper.Keeper
	evmChainID uint64
}

// NewAppModule is the simulation of the module of k; the serving nodes of
// agents settle for the models of models, attributing to the contributions
// of datanets, with vouchers signed for evmChainID.
func NewAppModule(k keeper.Keeper, models modelregkeeper.Keeper, agents agentstakekeeper.Keeper, datanets datanetkeeper.Keeper, evmChainID uint64) AppModule {
	return AppModule{Module: simkit.NewModule(types.StoreKey, k.Schema), k: k, models: models, agents: agents, datanets: datanets, evmChainID: evmChainID}
}

// GenerateGenesisState writes a genesis with random parameters: a
// withdrawal delay of minutes to a day, a random split of every fee, and a
// minimum deposit from nothing to the default.
func (AppModule) GenerateGenesisState(simState *module.SimulationState) {
	r := simState.Rand
	p := types.DefaultParams()
	p.WithdrawalDelay = time.Duration(r.Intn(24*60)+1) * time.Minute
	// Five shares summing to 10,000 bps: four cut points in 0..10,000.
	cuts := []int{r.Intn(10_001), r.Intn(10_001), r.Intn(10_001), r.Intn(10_001)}
	slices.Sort(cuts)
	shares := []int{cuts[0], cuts[1] - cuts[0], cuts[2] - cuts[1], cuts[3] - cuts[2], 10_000 - cuts[3]}
	p.BurnBps, p.ModelOwnerBps, p.ServingNodeBps = uint32(shares[0]), uint32(shares[1]), uint32(shares[2])
	p.ProtocolBps, p.DataContributorsBps = uint32(shares[3]), uint32(shares[4])
	p.MinDeposit = types.DefaultMinDeposit.QuoRaw(int64(r.Intn(1000) + 1))
	genesis := types.DefaultGenesis()
	genesis.Params = p
	simkit.SetGenesis(simState, types.ModuleName, genesis)
}

// WeightedOperationsX registers the module's operations.
func (am AppModule) WeightedOperationsX(weights simsx.WeightSource, reg simsx.Registry) {
	reg.Add(weights.Get("inferencefees_deposit_credit", 50), am.depositCredit())
	reg.Add(weights.Get("inferencefees_request_withdrawal", 10), am.requestWithdrawal())
	reg.Add(weights.Get("inferencefees_withdraw_too_much", 3), am.withdrawMoreThanCredit())
	reg.Add(weights.Get("inferencefees_pay_inference", 20), am.payInference())
	reg.Add(weights.Get("inferencefees_settle_batch", 80), am.settleBatch())
	reg.Add(weights.Get("inferencefees_settle_bad_node_signature", 5), am.settleWithBadNodeSignature())
}

func (am AppModule) params(ctx context.Context) types.Params { return simkit.MustGet(ctx, am.k.Params) }

func (am AppModule) depositCredit() simsx.SimMsgFactoryFn[*types.MsgDepositCredit] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgDepositCredit) {
		user := testData.AnyAccount(reporter, simsx.WithSpendableBalance())
		if reporter.IsSkipped() {
			return nil, nil
		}
		amount := simkit.OPEN(int64(testData.Rand().IntInRange(1, 100))).Add(am.params(ctx).MinDeposit)
		if !simkit.Spend(reporter, &user, amount) {
			return nil, nil
		}
		return []simsx.SimAccount{user}, &types.MsgDepositCredit{User: user.AddressBech32, Amount: simkit.Coin(amount)}
	}
}

// withdrawable is a random simulated user with credit not yet under
// withdrawal and room for another withdrawal, and that credit.
func (am AppModule) withdrawable(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) (simsx.SimAccount, math.Int, bool) {
	credits := simkit.Values(ctx, am.k.Credits, func(user sdk.AccAddress, c types.Credit) bool {
		pending := simkit.Values(ctx, am.k.Withdrawals, func(k collections.Pair[sdk.AccAddress, uint64], _ types.Withdrawal) bool {
			return k.K1().Equals(user)
		})
		return c.Balance.GT(c.PendingWithdrawal) && len(pending) < types.MaxPendingWithdrawals
	})
	c, ok := simkit.Pick(testData, reporter, credits, "no credit to withdraw")
	if !ok {
		return simsx.SimAccount{}, math.Int{}, false
	}
	user, ok := simkit.Account(testData, reporter, c.User)
	return user, c.Balance.Sub(c.PendingWithdrawal), ok
}

func (am AppModule) requestWithdrawal() simsx.SimMsgFactoryFn[*types.MsgRequestWithdrawal] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgRequestWithdrawal) {
		user, available, ok := am.withdrawable(ctx, testData, reporter)
		if !ok {
			return nil, nil
		}
		amount := available
		if testData.Rand().Bool() {
			amount = available.QuoRaw(int64(testData.Rand().IntInRange(2, 10))).AddRaw(1)
		}
		return []simsx.SimAccount{user}, &types.MsgRequestWithdrawal{User: user.AddressBech32, Amount: simkit.Coin(amount)}
	}
}

// withdrawMoreThanCredit asks for one aopen more than is free: refused
// with ErrWithdrawalExceedsCredit.
func (am AppModule) withdrawMoreThanCredit() *simsx.ResultHandlingSimMsgFactory[*types.MsgRequestWithdrawal] {
	return simsx.NewSimMsgFactoryWithDeliveryResultHandler(func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgRequestWithdrawal, simsx.SimDeliveryResultHandler) {
		user, available, ok := am.withdrawable(ctx, testData, reporter)
		if !ok {
			return nil, nil, nil
		}
		msg := &types.MsgRequestWithdrawal{User: user.AddressBech32, Amount: simkit.Coin(available.AddRaw(1))}
		return []simsx.SimAccount{user}, msg, simkit.ExpectError(types.ErrWithdrawalExceedsCredit)
	})
}

// servingNode is a random active serving node operated by a simulated
// account and a random active model it serves.
func (am AppModule) servingNode(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) (simsx.SimAccount, modelregtypes.Model, bool) {
	nodes := simkit.Values(ctx, am.agents.Agents, func(_ sdk.AccAddress, a agentstaketypes.Agent) bool {
		return a.Kind == agentstaketypes.AGENT_KIND_SERVING_NODE && a.Status == agentstaketypes.AGENT_STATUS_ACTIVE
	})
	node, ok := simkit.Pick(testData, reporter, nodes, "no active serving node")
	if !ok {
		return simsx.SimAccount{}, modelregtypes.Model{}, false
	}
	var served []modelregtypes.Model
	for _, id := range node.ModelIds {
		m, err := am.models.GetModel(ctx, id)
		if err == nil && m.Status == modelregtypes.MODEL_STATUS_ACTIVE {
			served = append(served, m)
		}
	}
	model, ok := simkit.Pick(testData, reporter, served, "the serving node serves no active model")
	if !ok {
		return simsx.SimAccount{}, model, false
	}
	acc, ok := simkit.Account(testData, reporter, node.Operator)
	return acc, model, ok
}

// usage is a random inference count and token count for a model, and an
// amount its price allows for them.
func usage(r *simsx.XRand, price modelregtypes.Price) (amount math.Int, inferences, tokens uint64) {
	inferences, tokens = r.Uint64InRange(1, 6), r.Uint64InRange(1, 20_000)
	lo, hi := modelregtypes.UsageFeeBounds(price, inferences, tokens)
	if spread := hi.Sub(lo); spread.IsPositive() {
		lo = lo.Add(math.NewInt(r.Int63n(spread.Int64() + 1)))
	}
	return lo, inferences, tokens
}

// attribution is a random weighting of up to three contributions the
// model was trained on (accepted and covered by a version it names), or
// nil for a model trained on none.
func (am AppModule) attribution(ctx context.Context, r *simsx.XRand, model modelregtypes.Model) []attributiontypes.ContributionWeight {
	var ids []uint64
	for _, ds := range model.Training.Datasets {
		version, err := am.datanets.GetVersion(ctx, ds.DatanetId, ds.Version)
		if err != nil {
			continue
		}
		for leaf := range version.LeafCount {
			id, err := am.datanets.AcceptedOrder.Get(ctx, collections.Join(ds.DatanetId, leaf))
			if err == nil && !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	if len(ids) == 0 {
		return nil
	}
	r.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
	ids = ids[:min(len(ids), r.IntInRange(1, 4))]
	slices.Sort(ids)
	weights := make([]attributiontypes.ContributionWeight, len(ids))
	left := uint32(1_000_000)
	for i, id := range ids {
		ppm := r.Uint32InRange(1, left/uint32(len(ids)-i)+1)
		weights[i] = attributiontypes.ContributionWeight{ContributionId: id, Ppm: ppm}
		left -= ppm
	}
	return weights
}

func (am AppModule) payInference() simsx.SimMsgFactoryFn[*types.MsgPayInference] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgPayInference) {
		node, model, ok := am.servingNode(ctx, testData, reporter)
		if !ok {
			return nil, nil
		}
		payer := testData.AnyAccount(reporter, simsx.WithSpendableBalance())
		r := testData.Rand()
		amount, inferences, tokens := usage(r, model.Price)
		if reporter.IsSkipped() || !simkit.Spend(reporter, &payer, amount) {
			return nil, nil
		}
		msg := &types.MsgPayInference{
			Payer: payer.AddressBech32, ServingNode: node.AddressBech32, ModelId: model.Id,
			Amount: simkit.Coin(amount), InferenceCount: inferences, Tokens: tokens,
		}
		if weights := am.attribution(ctx, r, model); weights != nil {
			msg.Method, msg.Weights = Method, weights
		}
		return []simsx.SimAccount{payer}, msg
	}
}

// batch is a settlement by a random serving node of vouchers from one to
// three simulated users with credit, for one usage entry of a model it
// serves, attributed where the model was trained on data. nodeSigner signs
// the settlements: the node itself for a valid batch.
func (am AppModule) batch(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter, nodeSigner func(node, user simsx.SimAccount) simsx.SimAccount) (simsx.SimAccount, *types.MsgSettleBatch, bool) {
	node, model, ok := am.servingNode(ctx, testData, reporter)
	if !ok {
		return node, nil, false
	}
	r := testData.Rand()
	amount, inferences, tokens := usage(r, model.Price)
	credits := simkit.Values(ctx, am.k.Credits, func(user sdk.AccAddress, c types.Credit) bool {
		return !user.Equals(node.Address) && c.Balance.GTE(amount)
	})
	r.Shuffle(len(credits), func(i, j int) { credits[i], credits[j] = credits[j], credits[i] })
	credits = credits[:min(len(credits), r.IntInRange(1, 4))]
	if len(credits) == 0 {
		reporter.Skip("no user with enough credit")
		return node, nil, false
	}
	root := make([]byte, 32)
	_, _ = r.Read(root)
	expiry := uint64(sdk.UnwrapSDKContext(ctx).BlockTime().Add(time.Hour).Unix())
	msg := &types.MsgSettleBatch{
		ServingNode: node.AddressBech32, ReceiptsRoot: root,
		Usage: []types.ModelUsage{{ModelId: model.Id, Amount: amount, InferenceCount: inferences, Tokens: tokens}},
	}
	// The amount is released by the users in equal parts, the first paying
	// the remainder.
	share := amount.QuoRaw(int64(len(credits)))
	for i, c := range credits {
		user, ok := simkit.Account(testData, reporter, c.User)
		if !ok {
			return node, nil, false
		}
		release := share
		if i == 0 {
			release = amount.Sub(share.MulRaw(int64(len(credits) - 1)))
		}
		if !release.IsPositive() {
			reporter.Skip("a release of nothing")
			return node, nil, false
		}
		ch, _, err := am.k.GetChannel(ctx, user.Address, node.Address)
		if err != nil {
			panic(err)
		}
		settled := ch.SettledAmount
		if settled.IsNil() {
			settled = math.ZeroInt()
		}
		v := types.Voucher{
			User: user.Address, ServingNode: node.Address, CumulativeAmount: settled.Add(release),
			Nonce: ch.LastNonce + r.Uint64InRange(1, 4), Expiry: expiry,
		}
		userDigest, err := v.Digest(am.evmChainID)
		if err != nil {
			panic(err)
		}
		nodeDigest, err := v.Settlement(root).Digest(am.evmChainID)
		if err != nil {
			panic(err)
		}
		msg.Vouchers = append(msg.Vouchers, types.SignedVoucher{
			User: user.AddressBech32, CumulativeAmount: v.CumulativeAmount, Nonce: v.Nonce, Expiry: expiry,
			UserSignature: simkit.Sign(user, userDigest), NodeSignature: simkit.Sign(nodeSigner(node, user), nodeDigest),
		})
	}
	if weights := am.attribution(ctx, r, model); weights != nil {
		msg.Attribution = []types.ModelAttribution{{ModelId: model.Id, Method: Method, Weights: weights}}
	}
	return node, msg, true
}

func (am AppModule) settleBatch() simsx.SimMsgFactoryFn[*types.MsgSettleBatch] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgSettleBatch) {
		node, msg, ok := am.batch(ctx, testData, reporter, func(node, _ simsx.SimAccount) simsx.SimAccount { return node })
		if !ok {
			return nil, nil
		}
		return []simsx.SimAccount{node}, msg
	}
}

// settleWithBadNodeSignature has each user, not the node, sign the
// settlements: refused with ErrBadNodeSignature, and no credit moves.
func (am AppModule) settleWithBadNodeSignature() *simsx.ResultHandlingSimMsgFactory[*types.MsgSettleBatch] {
	return simsx.NewSimMsgFactoryWithDeliveryResultHandler(func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgSettleBatch, simsx.SimDeliveryResultHandler) {
		node, msg, ok := am.batch(ctx, testData, reporter, func(_, user simsx.SimAccount) simsx.SimAccount { return user })
		if !ok {
			return nil, nil, nil
		}
		return []simsx.SimAccount{node}, msg, simkit.ExpectError(types.ErrBadNodeSignature)
	})
}
