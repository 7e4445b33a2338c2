// Package simulation is x/modelreg in the chain simulation: a random
// genesis of its parameters and weighted operations that register base
// models and adapters trained on Datanet versions, reprice, deprecate and
// hand over models, and some messages made to fail. Only the simulation
// imports it.
package simulation

import (
	"context"
	"crypto/sha256"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	"github.com/cosmos/cosmos-sdk/types/module"

	datanetkeeper "github.com/openledger/openledger/x/datanet/keeper"
	datanettypes "github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/simkit"
	"github.com/openledger/openledger/x/modelreg/keeper"
	"github.com/openledger/openledger/x/modelreg/types"
)

// Method is the training method the simulated adapters name.
const Method = "lora"

// AppModule is x/modelreg's part of the simulation.
type AppModule struct {
	simkit.Module
	k        keeper.Keeper
	datanets datanetkeeper.Keeper
}

// NewAppModule is the simulation of the module of k, whose adapters are
// trained on the Datanets of datanets.
func NewAppModule(k keeper.Keeper, datanets datanetkeeper.Keeper) AppModule {
	return AppModule{Module: simkit.NewModule(types.StoreKey, k.Schema), k: k, datanets: datanets}
}

// GenerateGenesisState writes a genesis with a random registration fee
// (nothing to the default) and destination.
func (AppModule) GenerateGenesisState(simState *module.SimulationState) {
	r := simState.Rand
	genesis := types.DefaultGenesis()
	genesis.Params.RegistrationFee = simkit.Coin(simkit.OPEN(1).MulRaw(r.Int63n(2)))
	genesis.Params.FeeDestination = []types.FeeDestination{types.FEE_DESTINATION_BURN, types.FEE_DESTINATION_COMMUNITY_POOL}[r.Intn(2)]
	simkit.SetGenesis(simState, types.ModuleName, genesis)
}

// WeightedOperationsX registers the module's operations.
func (am AppModule) WeightedOperationsX(weights simsx.WeightSource, reg simsx.Registry) {
	reg.Add(weights.Get("modelreg_register_base", 20), am.registerBase())
	reg.Add(weights.Get("modelreg_register_adapter", 40), am.registerAdapter())
	reg.Add(weights.Get("modelreg_register_wrong_root", 5), am.registerWrongRoot())
	reg.Add(weights.Get("modelreg_update", 10), am.updateModel())
	reg.Add(weights.Get("modelreg_deprecate", 2), am.deprecateModel())
	reg.Add(weights.Get("modelreg_transfer_ownership", 3), am.transferOwnership())
}

// RandomPrice is a price the simulation's settlements can meet: per call,
// per 1,000 tokens, or both, in small amounts.
func RandomPrice(r *simsx.XRand) types.Price {
	p := types.Price{PerCall: math.ZeroInt(), Per_1KTokens: math.ZeroInt()}
	switch r.Intn(3) {
	case 0:
		p.PerCall = math.NewInt(int64(r.IntInRange(1, 1_000_000)))
	case 1:
		p.Per_1KTokens = math.NewInt(int64(r.IntInRange(1, 1_000_000)))
	default:
		p.PerCall = math.NewInt(int64(r.IntInRange(1, 1_000_000)))
		p.Per_1KTokens = math.NewInt(int64(r.IntInRange(1, 1_000_000)))
	}
	return p
}

func (am AppModule) fee(ctx context.Context) math.Int {
	p, err := am.k.Params.Get(ctx)
	if err != nil {
		panic(err)
	}
	return p.RegistrationFee.Amount
}

func artifact(r *simsx.XRand, format types.ArtifactFormat) types.Artifact {
	name := r.StringN(16)
	sum := sha256.Sum256([]byte(name))
	return types.Artifact{Uri: "ipfs://" + name, Sha256: sum[:], SizeBytes: uint64(r.IntInRange(1, 1<<30)), Format: format}
}

func (am AppModule) registerBase() simsx.SimMsgFactoryFn[*types.MsgRegisterModel] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgRegisterModel) {
		owner := testData.AnyAccount(reporter, simsx.WithSpendableBalance())
		if reporter.IsSkipped() || !simkit.Spend(reporter, &owner, am.fee(ctx)) {
			return nil, nil
		}
		r := testData.Rand()
		return []simsx.SimAccount{owner}, &types.MsgRegisterModel{
			Owner: owner.AddressBech32, Name: "base " + r.StringN(6), Kind: types.MODEL_KIND_BASE, Architecture: "llama",
			Artifact: artifact(r, types.ARTIFACT_FORMAT_SAFETENSORS), License: "Apache-2.0", Price: RandomPrice(r),
		}
	}
}

// adapter is a LoRA adapter of a random active base model, trained on a
// random Datanet version, registered by a random account with its fee
// reserved.
func (am AppModule) adapter(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) (simsx.SimAccount, *types.MsgRegisterModel) {
	bases := simkit.Values(ctx, am.k.Models, func(_ uint64, m types.Model) bool {
		return m.Kind == types.MODEL_KIND_BASE && m.Status == types.MODEL_STATUS_ACTIVE
	})
	base, ok := simkit.Pick(testData, reporter, bases, "no active base model")
	if !ok {
		return simsx.SimAccount{}, nil
	}
	versions := simkit.Values[collections.Pair[uint64, uint64], datanettypes.Version](ctx, am.datanets.Versions, nil)
	version, ok := simkit.Pick(testData, reporter, versions, "no datanet version")
	if !ok {
		return simsx.SimAccount{}, nil
	}
	owner := testData.AnyAccount(reporter, simsx.WithSpendableBalance())
	if reporter.IsSkipped() || !simkit.Spend(reporter, &owner, am.fee(ctx)) {
		return owner, nil
	}
	r := testData.Rand()
	config := sha256.Sum256([]byte(r.StringN(8)))
	return owner, &types.MsgRegisterModel{
		Owner: owner.AddressBech32, Name: "adapter " + r.StringN(6), Kind: types.MODEL_KIND_LORA_ADAPTER,
		BaseModelId: base.Id, Architecture: base.Architecture, Artifact: artifact(r, types.ARTIFACT_FORMAT_PEFT_ADAPTER),
		Training: types.TrainingRecord{
			Datasets: []types.DatasetRef{{DatanetId: version.DatanetId, Version: version.Version, Root: version.Root}},
			Method:   Method, ConfigHash: config[:], Trainer: "modelfactory",
		},
		License: "Apache-2.0", Price: RandomPrice(r),
	}
}

func (am AppModule) registerAdapter() simsx.SimMsgFactoryFn[*types.MsgRegisterModel] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgRegisterModel) {
		owner, msg := am.adapter(ctx, testData, reporter)
		if msg == nil {
			return nil, nil
		}
		return []simsx.SimAccount{owner}, msg
	}
}

// registerWrongRoot names a Datanet version with another root: refused
// with ErrDatanetRootMismatch, and no fee is taken.
func (am AppModule) registerWrongRoot() *simsx.ResultHandlingSimMsgFactory[*types.MsgRegisterModel] {
	return simsx.NewSimMsgFactoryWithDeliveryResultHandler(func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgRegisterModel, simsx.SimDeliveryResultHandler) {
		owner, msg := am.adapter(ctx, testData, reporter)
		if msg == nil {
			return nil, nil, nil
		}
		root := msg.Training.Datasets[0].Root
		msg.Training.Datasets[0].Root = append([]byte{root[0] ^ 0xff}, root[1:]...)
		return []simsx.SimAccount{owner}, msg, simkit.ExpectError(types.ErrDatanetRootMismatch)
	})
}

// ownedModel is a random model in one of statuses whose owner is a
// simulated account.
func (am AppModule) ownedModel(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter, statuses ...types.ModelStatus) (types.Model, simsx.SimAccount, bool) {
	models := simkit.Values(ctx, am.k.Models, func(_ uint64, m types.Model) bool {
		for _, s := range statuses {
			if m.Status == s {
				return true
			}
		}
		return false
	})
	m, ok := simkit.Pick(testData, reporter, models, "no model")
	if !ok {
		return m, simsx.SimAccount{}, false
	}
	owner, ok := simkit.Account(testData, reporter, m.Owner)
	return m, owner, ok
}

func (am AppModule) updateModel() simsx.SimMsgFactoryFn[*types.MsgUpdateModel] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgUpdateModel) {
		m, owner, ok := am.ownedModel(ctx, testData, reporter, types.MODEL_STATUS_ACTIVE, types.MODEL_STATUS_DEPRECATED)
		if !ok {
			return nil, nil
		}
		return []simsx.SimAccount{owner}, &types.MsgUpdateModel{
			Owner: owner.AddressBech32, ModelId: m.Id, Name: m.Name, Architecture: m.Architecture,
			EvalMetrics: m.EvalMetrics, License: m.License, Price: RandomPrice(testData.Rand()),
		}
	}
}

func (am AppModule) deprecateModel() simsx.SimMsgFactoryFn[*types.MsgDeprecateModel] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgDeprecateModel) {
		m, owner, ok := am.ownedModel(ctx, testData, reporter, types.MODEL_STATUS_ACTIVE)
		if !ok {
			return nil, nil
		}
		return []simsx.SimAccount{owner}, &types.MsgDeprecateModel{Owner: owner.AddressBech32, ModelId: m.Id}
	}
}

func (am AppModule) transferOwnership() simsx.SimMsgFactoryFn[*types.MsgTransferModelOwnership] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgTransferModelOwnership) {
		m, owner, ok := am.ownedModel(ctx, testData, reporter, types.MODEL_STATUS_ACTIVE, types.MODEL_STATUS_DEPRECATED)
		if !ok {
			return nil, nil
		}
		to := testData.AnyAccount(reporter, simsx.ExcludeAccounts(owner))
		if reporter.IsSkipped() {
			return nil, nil
		}
		return []simsx.SimAccount{owner}, &types.MsgTransferModelOwnership{Owner: owner.AddressBech32, ModelId: m.Id, NewOwner: to.AddressBech32}
	}
}
