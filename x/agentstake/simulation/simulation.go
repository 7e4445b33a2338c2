// Package simulation is x/agentstake in the chain simulation: a random
// genesis of its parameters and weighted operations that register serving
// nodes, attestors and agents, add stake, unbond, update, unjail, prove
// equivocation, and some messages made to fail. Only the simulation
// imports it.
package simulation

import (
	"context"
	"crypto/sha256"
	"slices"
	"time"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/module"

	"github.com/openledger/openledger/x/agentstake/keeper"
	"github.com/openledger/openledger/x/agentstake/types"
	"github.com/openledger/openledger/x/internal/simkit"
	modelregkeeper "github.com/openledger/openledger/x/modelreg/keeper"
	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

// AppModule is x/agentstake's part of the simulation.
type AppModule struct {
	simkit.Module
	k          keeper.Keeper
	models     modelregkeeper.Keeper
	evmChainID uint64
}

// NewAppModule is the simulation of the module of k; its agents serve the
// models of models, and settlements are signed for evmChainID.
func NewAppModule(k keeper.Keeper, models modelregkeeper.Keeper, evmChainID uint64) AppModule {
	return AppModule{Module: simkit.NewModule(types.StoreKey, k.Schema), k: k, models: models, evmChainID: evmChainID}
}

// GenerateGenesisState writes a genesis with random parameters: minimum
// stakes of 1 to 100 OPEN and periods of hours to days, so that the
// simulated accounts can stake and a few hundred blocks see entries
// mature and jails end.
func (AppModule) GenerateGenesisState(simState *module.SimulationState) {
	r := simState.Rand
	p := types.DefaultParams()
	p.MinStakeServingNode = simkit.OPEN(int64(r.Intn(100) + 1))
	p.MinStakeAutonomousAgent = simkit.OPEN(int64(r.Intn(100) + 1))
	p.MinStakeAttestor = simkit.OPEN(int64(r.Intn(100) + 1))
	p.UnbondingPeriod = time.Duration(r.Intn(72)+1) * time.Hour
	p.JailDuration = time.Duration(r.Intn(24)+1) * time.Hour
	p.SlashBpsEquivocation = uint32(r.Intn(10_000) + 1)
	p.ChallengerRewardBps = uint32(r.Intn(10_001))
	genesis := types.DefaultGenesis()
	genesis.Params = p
	simkit.SetGenesis(simState, types.ModuleName, genesis)
}

// WeightedOperationsX registers the module's operations.
func (am AppModule) WeightedOperationsX(weights simsx.WeightSource, reg simsx.Registry) {
	reg.Add(weights.Get("agentstake_register_serving_node", 40), am.register(types.AGENT_KIND_SERVING_NODE))
	reg.Add(weights.Get("agentstake_register_attestor", 10), am.register(types.AGENT_KIND_ATTESTOR))
	reg.Add(weights.Get("agentstake_register_autonomous_agent", 5), am.register(types.AGENT_KIND_AUTONOMOUS_AGENT))
	reg.Add(weights.Get("agentstake_register_below_min", 3), am.registerBelowMinimum())
	reg.Add(weights.Get("agentstake_add_stake", 20), am.addStake())
	reg.Add(weights.Get("agentstake_begin_unbonding", 15), am.beginUnbonding())
	reg.Add(weights.Get("agentstake_unbond_too_much", 3), am.unbondMoreThanBonded())
	reg.Add(weights.Get("agentstake_update", 10), am.updateAgent())
	reg.Add(weights.Get("agentstake_unjail", 10), am.unjail())
	reg.Add(weights.Get("agentstake_submit_equivocation", 2), am.submitEquivocation())
}

func (am AppModule) params(ctx context.Context) types.Params { return simkit.MustGet(ctx, am.k.Params) }

// servedModels is up to three random active models, ascending.
func (am AppModule) servedModels(ctx context.Context, r *simsx.XRand) []uint64 {
	var active []uint64
	for _, m := range simkit.Values(ctx, am.models.Models, func(_ uint64, m modelregtypes.Model) bool {
		return m.Status == modelregtypes.MODEL_STATUS_ACTIVE
	}) {
		active = append(active, m.Id)
	}
	r.Shuffle(len(active), func(i, j int) { active[i], active[j] = active[j], active[i] })
	ids := active[:min(len(active), r.IntInRange(1, 4))]
	slices.Sort(ids)
	return ids
}

// registration is a MsgRegisterAgent of a kind by a simulated account that
// operates no agent yet, staking the minimum or somewhat more.
func (am AppModule) registration(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter, kind types.AgentKind) (simsx.SimAccount, *types.MsgRegisterAgent, bool) {
	owner := testData.AnyAccount(reporter, simsx.WithSpendableBalance(), simsx.SimAccountFilterFn(func(a simsx.SimAccount) bool {
		has, err := am.k.Agents.Has(ctx, a.Address)
		return err == nil && !has
	}))
	if reporter.IsSkipped() {
		return owner, nil, false
	}
	r := testData.Rand()
	minimum, err := am.params(ctx).MinStake(kind)
	if err != nil {
		panic(err)
	}
	msg := &types.MsgRegisterAgent{
		Owner: owner.AddressBech32, Kind: kind, Stake: minimum.Add(minimum.MulRaw(int64(r.Intn(3))).QuoRaw(2)),
		MetadataUri: "ipfs://agent-" + r.StringN(6),
	}
	if kind == types.AGENT_KIND_SERVING_NODE {
		msg.ModelIds = am.servedModels(ctx, r)
		msg.Endpoint = "https://node-" + r.StringN(6) + ".example"
		if len(msg.ModelIds) == 0 {
			reporter.Skip("no active model to serve")
			return owner, nil, false
		}
	}
	return owner, msg, true
}

func (am AppModule) register(kind types.AgentKind) simsx.SimMsgFactoryFn[*types.MsgRegisterAgent] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgRegisterAgent) {
		owner, msg, ok := am.registration(ctx, testData, reporter, kind)
		if !ok || !simkit.Spend(reporter, &owner, msg.Stake) {
			return nil, nil
		}
		return []simsx.SimAccount{owner}, msg
	}
}

// registerBelowMinimum stakes one aopen less than the minimum: refused
// with ErrBelowMinStake.
func (am AppModule) registerBelowMinimum() *simsx.ResultHandlingSimMsgFactory[*types.MsgRegisterAgent] {
	return simsx.NewSimMsgFactoryWithDeliveryResultHandler(func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgRegisterAgent, simsx.SimDeliveryResultHandler) {
		owner, msg, ok := am.registration(ctx, testData, reporter, types.AGENT_KIND_SERVING_NODE)
		if !ok {
			return nil, nil, nil
		}
		msg.Stake = am.params(ctx).MinStakeServingNode.SubRaw(1)
		return []simsx.SimAccount{owner}, msg, simkit.ExpectError(types.ErrBelowMinStake)
	})
}

// ownedAgent is a random agent, whose owner is a simulated account, that
// keep accepts.
func (am AppModule) ownedAgent(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter, keep func(types.Agent) bool) (types.Agent, simsx.SimAccount, bool) {
	agent, ok := simkit.Pick(testData, reporter, simkit.Values(ctx, am.k.Agents, func(_ sdk.AccAddress, a types.Agent) bool { return keep(a) }), "no such agent")
	if !ok {
		return agent, simsx.SimAccount{}, false
	}
	owner, ok := simkit.Account(testData, reporter, agent.Owner)
	return agent, owner, ok
}

func notTombstoned(a types.Agent) bool { return a.Status != types.AGENT_STATUS_TOMBSTONED }

func (am AppModule) addStake() simsx.SimMsgFactoryFn[*types.MsgAddStake] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgAddStake) {
		agent, owner, ok := am.ownedAgent(ctx, testData, reporter, notTombstoned)
		if !ok {
			return nil, nil
		}
		amount := simkit.OPEN(int64(testData.Rand().IntInRange(1, 50)))
		if !simkit.Spend(reporter, &owner, amount) {
			return nil, nil
		}
		return []simsx.SimAccount{owner}, &types.MsgAddStake{Owner: owner.AddressBech32, Operator: agent.Operator, Amount: amount}
	}
}

// unbondable is an agent with a bond and room for another unbonding entry.
func (am AppModule) unbondable(ctx context.Context) func(types.Agent) bool {
	maxEntries := am.params(ctx).MaxUnbondingEntries
	return func(a types.Agent) bool {
		if !a.Bonded.IsPositive() {
			return false
		}
		operator, err := sdk.AccAddressFromBech32(a.Operator)
		if err != nil {
			panic(err)
		}
		entries := simkit.Values(ctx, am.k.UnbondingEntries, func(k collections.Pair[sdk.AccAddress, uint64], _ types.UnbondingEntry) bool {
			return k.K1().Equals(operator)
		})
		return uint32(len(entries)) < maxEntries
	}
}

func (am AppModule) beginUnbonding() simsx.SimMsgFactoryFn[*types.MsgBeginUnbonding] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgBeginUnbonding) {
		agent, owner, ok := am.ownedAgent(ctx, testData, reporter, am.unbondable(ctx))
		if !ok {
			return nil, nil
		}
		amount := agent.Bonded
		if testData.Rand().Intn(3) != 0 {
			amount = amount.QuoRaw(int64(testData.Rand().IntInRange(2, 10))).AddRaw(1)
		}
		return []simsx.SimAccount{owner}, &types.MsgBeginUnbonding{Owner: owner.AddressBech32, Operator: agent.Operator, Amount: amount}
	}
}

// unbondMoreThanBonded asks for one aopen more than the bond: refused with
// ErrUnbondMoreThanBonded.
func (am AppModule) unbondMoreThanBonded() *simsx.ResultHandlingSimMsgFactory[*types.MsgBeginUnbonding] {
	return simsx.NewSimMsgFactoryWithDeliveryResultHandler(func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgBeginUnbonding, simsx.SimDeliveryResultHandler) {
		agent, owner, ok := am.ownedAgent(ctx, testData, reporter, am.unbondable(ctx))
		if !ok {
			return nil, nil, nil
		}
		msg := &types.MsgBeginUnbonding{Owner: owner.AddressBech32, Operator: agent.Operator, Amount: agent.Bonded.AddRaw(1)}
		return []simsx.SimAccount{owner}, msg, simkit.ExpectError(types.ErrUnbondMoreThanBonded)
	})
}

func (am AppModule) updateAgent() simsx.SimMsgFactoryFn[*types.MsgUpdateAgent] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgUpdateAgent) {
		agent, owner, ok := am.ownedAgent(ctx, testData, reporter, func(a types.Agent) bool {
			return a.Kind == types.AGENT_KIND_SERVING_NODE && notTombstoned(a)
		})
		if !ok {
			return nil, nil
		}
		models := am.servedModels(ctx, testData.Rand())
		if len(models) == 0 {
			reporter.Skip("no active model to serve")
			return nil, nil
		}
		return []simsx.SimAccount{owner}, &types.MsgUpdateAgent{
			Owner: owner.AddressBech32, Operator: agent.Operator, ModelIds: models, Endpoint: agent.Endpoint, MetadataUri: agent.MetadataUri,
		}
	}
}

func (am AppModule) unjail() simsx.SimMsgFactoryFn[*types.MsgUnjail] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgUnjail) {
		now := sdk.UnwrapSDKContext(ctx).BlockTime()
		p := am.params(ctx)
		agent, owner, ok := am.ownedAgent(ctx, testData, reporter, func(a types.Agent) bool {
			minimum, err := p.MinStake(a.Kind)
			return err == nil && a.Status == types.AGENT_STATUS_JAILED && !now.Before(a.JailedUntil) && a.Bonded.GTE(minimum)
		})
		if !ok {
			return nil, nil
		}
		return []simsx.SimAccount{owner}, &types.MsgUnjail{Owner: owner.AddressBech32, Operator: agent.Operator}
	}
}

// submitEquivocation has a serving node sign two settlements of one
// voucher that release different amounts, and a random account submit
// them: the node is slashed and tombstoned.
func (am AppModule) submitEquivocation() simsx.SimMsgFactoryFn[*types.MsgSubmitEquivocation] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgSubmitEquivocation) {
		node, nodeAcc, ok := am.ownedAgent(ctx, testData, reporter, func(a types.Agent) bool {
			return a.Kind == types.AGENT_KIND_SERVING_NODE && notTombstoned(a) && a.Operator == a.Owner
		})
		if !ok {
			return nil, nil
		}
		submitter := testData.AnyAccount(reporter, simsx.WithSpendableBalance())
		user := testData.AnyAccount(reporter)
		if reporter.IsSkipped() {
			return nil, nil
		}
		r := testData.Rand()
		nonce := r.Uint64InRange(1, 1<<62)
		sign := func(amount math.Int, root string) types.SignedSettlement {
			sum := sha256.Sum256([]byte(root))
			s := types.Settlement{ServingNode: nodeAcc.Address, User: user.Address, Nonce: nonce, CumulativeAmount: amount, BatchRoot: sum[:]}
			digest, err := s.Digest(am.evmChainID)
			if err != nil {
				panic(err)
			}
			return types.SignedSettlement{
				ServingNode: node.Operator, User: user.AddressBech32, Nonce: nonce, CumulativeAmount: amount,
				BatchRoot: sum[:], Signature: simkit.Sign(nodeAcc, digest),
			}
		}
		amount := math.NewInt(int64(r.IntInRange(1, 1_000_000)))
		return []simsx.SimAccount{submitter}, &types.MsgSubmitEquivocation{
			Submitter: submitter.AddressBech32, First: sign(amount, "first batch"), Second: sign(amount.AddRaw(1), "second batch"),
		}
	}
}
