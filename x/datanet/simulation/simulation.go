// Package simulation is x/datanet in the chain simulation: a random
// genesis of its parameters and weighted operations that create, update
// and curate Datanets, submit, withdraw and review contributions, and some
// messages made to fail. Only the simulation imports it.
package simulation

import (
	"context"
	"crypto/sha256"
	"fmt"
	"slices"

	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	"github.com/cosmos/cosmos-sdk/types/module"

	"github.com/openledger/openledger/x/datanet/keeper"
	"github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/simkit"
)

// AppModule is x/datanet's part of the simulation.
type AppModule struct {
	simkit.Module
	k keeper.Keeper
}

// NewAppModule is the simulation of the module of k.
func NewAppModule(k keeper.Keeper) AppModule {
	return AppModule{Module: simkit.NewModule(types.StoreKey, k.Schema), k: k}
}

// GenerateGenesisState writes a genesis with random parameters: fees and
// deposits from nothing to the defaults, either destination, either
// rejection policy.
func (AppModule) GenerateGenesisState(simState *module.SimulationState) {
	r := simState.Rand
	p := types.DefaultParams()
	p.CreationFee = simkit.Coin(math.NewInt(r.Int63n(11)).Mul(simkit.OPEN(1)))
	p.FeePerByte = simkit.Coin(math.NewInt(r.Int63n(1_000_000_001)))
	p.ContributionDeposit = simkit.Coin(simkit.OPEN(1).QuoRaw(r.Int63n(10) + 1))
	p.FeeDestination = []types.FeeDestination{types.FEE_DESTINATION_BURN, types.FEE_DESTINATION_COMMUNITY_POOL}[r.Intn(2)]
	p.RejectedDeposit = []types.RejectedDepositPolicy{types.REJECTED_DEPOSIT_POLICY_BURN, types.REJECTED_DEPOSIT_POLICY_RETURN}[r.Intn(2)]
	genesis := types.DefaultGenesis()
	genesis.Params = p
	simkit.SetGenesis(simState, types.ModuleName, genesis)
}

// WeightedOperationsX registers the module's operations.
func (am AppModule) WeightedOperationsX(weights simsx.WeightSource, reg simsx.Registry) {
	reg.Add(weights.Get("datanet_create", 40), am.createDatanet())
	reg.Add(weights.Get("datanet_update", 10), am.updateDatanet())
	reg.Add(weights.Get("datanet_set_curators", 10), am.setCurators())
	reg.Add(weights.Get("datanet_transfer_ownership", 5), am.transferOwnership())
	reg.Add(weights.Get("datanet_archive", 2), am.archiveDatanet())
	reg.Add(weights.Get("datanet_submit", 100), am.submitContribution())
	reg.Add(weights.Get("datanet_submit_wrong_hash", 5), am.submitWrongHash())
	reg.Add(weights.Get("datanet_withdraw", 10), am.withdrawContribution())
	reg.Add(weights.Get("datanet_review", 60), am.reviewContributions())
	reg.Add(weights.Get("datanet_review_not_reviewer", 5), am.reviewByStranger())
}

func (am AppModule) params(ctx context.Context) types.Params { return simkit.MustGet(ctx, am.k.Params) }

func (am AppModule) activeDatanets(ctx context.Context) []types.Datanet {
	return simkit.Values(ctx, am.k.Datanets, func(_ uint64, d types.Datanet) bool { return d.Status == types.DATANET_STATUS_ACTIVE })
}

func (am AppModule) pending(ctx context.Context, keep func(types.Contribution) bool) []types.Contribution {
	return simkit.Values(ctx, am.k.Contributions, func(_ uint64, c types.Contribution) bool {
		return c.Status == types.CONTRIBUTION_STATUS_PENDING && (keep == nil || keep(c))
	})
}

func randomMetadata(r *simsx.XRand) (name string, tags []string, visibility types.Visibility, policy types.CurationPolicy) {
	name = "datanet " + r.StringN(8)
	tags = []string{[]string{"code", "medical", "legal", "web3"}[r.Intn(4)]}
	visibility = []types.Visibility{types.VISIBILITY_PUBLIC, types.VISIBILITY_PUBLIC, types.VISIBILITY_PRIVATE}[r.Intn(3)]
	policy = []types.CurationPolicy{types.CURATION_POLICY_OWNER_REVIEWS, types.CURATION_POLICY_CURATOR_SET_REVIEWS}[r.Intn(2)]
	return name, tags, visibility, policy
}

func (am AppModule) createDatanet() simsx.SimMsgFactoryFn[*types.MsgCreateDatanet] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgCreateDatanet) {
		owner := testData.AnyAccount(reporter, simsx.WithSpendableBalance())
		if reporter.IsSkipped() || !simkit.Spend(reporter, &owner, am.params(ctx).CreationFee.Amount) {
			return nil, nil
		}
		name, tags, visibility, policy := randomMetadata(testData.Rand())
		return []simsx.SimAccount{owner}, &types.MsgCreateDatanet{
			Owner: owner.AddressBech32, Name: name, Summary: "simulated", Tags: tags, License: "CC0-1.0",
			Visibility: visibility, CurationPolicy: policy,
		}
	}
}

// ownedDatanet is a random active Datanet whose owner is a simulated
// account.
func (am AppModule) ownedDatanet(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) (types.Datanet, simsx.SimAccount, bool) {
	d, ok := simkit.Pick(testData, reporter, am.activeDatanets(ctx), "no active datanet")
	if !ok {
		return d, simsx.SimAccount{}, false
	}
	owner, ok := simkit.Account(testData, reporter, d.Owner)
	return d, owner, ok
}

func (am AppModule) updateDatanet() simsx.SimMsgFactoryFn[*types.MsgUpdateDatanet] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgUpdateDatanet) {
		d, owner, ok := am.ownedDatanet(ctx, testData, reporter)
		if !ok {
			return nil, nil
		}
		name, tags, visibility, policy := randomMetadata(testData.Rand())
		return []simsx.SimAccount{owner}, &types.MsgUpdateDatanet{
			Owner: owner.AddressBech32, DatanetId: d.Id, Name: name, Summary: "updated", Tags: tags,
			License: "MIT", Visibility: visibility, CurationPolicy: policy,
		}
	}
}

func (am AppModule) setCurators() simsx.SimMsgFactoryFn[*types.MsgSetCurators] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgSetCurators) {
		d, owner, ok := am.ownedDatanet(ctx, testData, reporter)
		if !ok {
			return nil, nil
		}
		var curators []string
		unique := simsx.UniqueAccounts()
		for range testData.Rand().Intn(4) {
			c := testData.AnyAccount(reporter, simsx.ExcludeAccounts(owner), unique)
			if reporter.IsSkipped() {
				return nil, nil
			}
			curators = append(curators, c.AddressBech32)
		}
		return []simsx.SimAccount{owner}, &types.MsgSetCurators{Owner: owner.AddressBech32, DatanetId: d.Id, Curators: curators}
	}
}

func (am AppModule) transferOwnership() simsx.SimMsgFactoryFn[*types.MsgTransferDatanetOwnership] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgTransferDatanetOwnership) {
		d, owner, ok := am.ownedDatanet(ctx, testData, reporter)
		if !ok {
			return nil, nil
		}
		to := testData.AnyAccount(reporter, simsx.ExcludeAccounts(owner))
		if reporter.IsSkipped() {
			return nil, nil
		}
		return []simsx.SimAccount{owner}, &types.MsgTransferDatanetOwnership{Owner: owner.AddressBech32, DatanetId: d.Id, NewOwner: to.AddressBech32}
	}
}

func (am AppModule) archiveDatanet() simsx.SimMsgFactoryFn[*types.MsgArchiveDatanet] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgArchiveDatanet) {
		d, owner, ok := am.ownedDatanet(ctx, testData, reporter)
		if !ok {
			return nil, nil
		}
		return []simsx.SimAccount{owner}, &types.MsgArchiveDatanet{Owner: owner.AddressBech32, DatanetId: d.Id}
	}
}

// mayContribute reports whether addr may contribute to d.
func mayContribute(d types.Datanet, addr string) bool {
	return d.Visibility == types.VISIBILITY_PUBLIC || d.Owner == addr || slices.Contains(d.Curators, addr)
}

// contribution is a random inline contribution by contributor to a random
// active Datanet that contributor may contribute to, with its cost
// reserved; the content is random, so it is new content.
func (am AppModule) contribution(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) (simsx.SimAccount, *types.MsgSubmitContribution) {
	contributor := testData.AnyAccount(reporter, simsx.WithSpendableBalance())
	if reporter.IsSkipped() {
		return contributor, nil
	}
	open := slices.DeleteFunc(am.activeDatanets(ctx), func(d types.Datanet) bool { return !mayContribute(d, contributor.AddressBech32) })
	d, ok := simkit.Pick(testData, reporter, open, "no datanet open to the contributor")
	if !ok {
		return contributor, nil
	}
	r := testData.Rand()
	data := []byte(fmt.Sprintf("row %s: %s", r.StringN(12), r.StringN(r.IntInRange(1, 200))))
	sum := sha256.Sum256(data)
	p := am.params(ctx)
	cost := p.FeePerByte.Amount.MulRaw(int64(len(data))).Add(p.ContributionDeposit.Amount)
	if !simkit.Spend(reporter, &contributor, cost) {
		return contributor, nil
	}
	return contributor, &types.MsgSubmitContribution{
		Contributor: contributor.AddressBech32, DatanetId: d.Id, ContentHash: sum[:],
		SizeBytes: uint64(len(data)), MediaType: "text/plain", InlineData: data,
	}
}

func (am AppModule) submitContribution() simsx.SimMsgFactoryFn[*types.MsgSubmitContribution] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgSubmitContribution) {
		contributor, msg := am.contribution(ctx, testData, reporter)
		if msg == nil {
			return nil, nil
		}
		return []simsx.SimAccount{contributor}, msg
	}
}

// submitWrongHash submits inline content whose hash is of other content:
// refused with ErrContentHashMismatch, and nothing is charged.
func (am AppModule) submitWrongHash() *simsx.ResultHandlingSimMsgFactory[*types.MsgSubmitContribution] {
	return simsx.NewSimMsgFactoryWithDeliveryResultHandler(func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgSubmitContribution, simsx.SimDeliveryResultHandler) {
		contributor, msg := am.contribution(ctx, testData, reporter)
		if msg == nil {
			return nil, nil, nil
		}
		msg.ContentHash[0] ^= 0xff
		return []simsx.SimAccount{contributor}, msg, simkit.ExpectError(types.ErrContentHashMismatch)
	})
}

func (am AppModule) withdrawContribution() simsx.SimMsgFactoryFn[*types.MsgWithdrawContribution] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgWithdrawContribution) {
		active := am.activeIDs(ctx)
		c, ok := simkit.Pick(testData, reporter, am.pending(ctx, func(c types.Contribution) bool { return active[c.DatanetId] }), "no pending contribution")
		if !ok {
			return nil, nil
		}
		contributor, ok := simkit.Account(testData, reporter, c.Contributor)
		if !ok {
			return nil, nil
		}
		return []simsx.SimAccount{contributor}, &types.MsgWithdrawContribution{Contributor: contributor.AddressBech32, ContributionId: c.Id}
	}
}

func (am AppModule) activeIDs(ctx context.Context) map[uint64]bool {
	ids := map[uint64]bool{}
	for _, d := range am.activeDatanets(ctx) {
		ids[d.Id] = true
	}
	return ids
}

// reviewBatch is a batch of random decisions on up to five pending
// contributions of a random active Datanet that has some.
func (am AppModule) reviewBatch(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) (types.Datanet, []types.ReviewDecision, bool) {
	withPending := slices.DeleteFunc(am.activeDatanets(ctx), func(d types.Datanet) bool {
		return len(am.pending(ctx, func(c types.Contribution) bool { return c.DatanetId == d.Id })) == 0
	})
	d, ok := simkit.Pick(testData, reporter, withPending, "no datanet with pending contributions")
	if !ok {
		return d, nil, false
	}
	r := testData.Rand()
	pending := am.pending(ctx, func(c types.Contribution) bool { return c.DatanetId == d.Id })
	r.Shuffle(len(pending), func(i, j int) { pending[i], pending[j] = pending[j], pending[i] })
	decisions := make([]types.ReviewDecision, 0, 5)
	for _, c := range pending[:min(len(pending), 5)] {
		accept := r.Intn(4) != 0
		reason := "looks good"
		if !accept {
			reason = "off topic"
		}
		decisions = append(decisions, types.ReviewDecision{ContributionId: c.Id, Accept: accept, Reason: reason})
	}
	return d, decisions, true
}

func (am AppModule) reviewContributions() simsx.SimMsgFactoryFn[*types.MsgReviewContributions] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgReviewContributions) {
		d, decisions, ok := am.reviewBatch(ctx, testData, reporter)
		if !ok {
			return nil, nil
		}
		reviewer := d.Owner
		if d.CurationPolicy == types.CURATION_POLICY_CURATOR_SET_REVIEWS && len(d.Curators) > 0 && testData.Rand().Bool() {
			reviewer = d.Curators[testData.Rand().Intn(len(d.Curators))]
		}
		acc, ok := simkit.Account(testData, reporter, reviewer)
		if !ok {
			return nil, nil
		}
		return []simsx.SimAccount{acc}, &types.MsgReviewContributions{Reviewer: acc.AddressBech32, DatanetId: d.Id, Decisions: decisions}
	}
}

// reviewByStranger reviews as an account that is neither owner nor
// curator: refused with ErrNotReviewer.
func (am AppModule) reviewByStranger() *simsx.ResultHandlingSimMsgFactory[*types.MsgReviewContributions] {
	return simsx.NewSimMsgFactoryWithDeliveryResultHandler(func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgReviewContributions, simsx.SimDeliveryResultHandler) {
		d, decisions, ok := am.reviewBatch(ctx, testData, reporter)
		if !ok {
			return nil, nil, nil
		}
		stranger := testData.AnyAccount(reporter, simsx.SimAccountFilterFn(func(a simsx.SimAccount) bool {
			return a.AddressBech32 != d.Owner && !slices.Contains(d.Curators, a.AddressBech32)
		}))
		if reporter.IsSkipped() {
			return nil, nil, nil
		}
		msg := &types.MsgReviewContributions{Reviewer: stranger.AddressBech32, DatanetId: d.Id, Decisions: decisions}
		return []simsx.SimAccount{stranger}, msg, simkit.ExpectError(types.ErrNotReviewer)
	})
}
