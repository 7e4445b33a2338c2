// Package simulation is x/attribution in the chain simulation: a random
// genesis of its parameters and the claims of the data rewards that
// settled inference (x/inferencefees' operations) attributes, and a claim
// made to fail. Only the simulation imports it.
package simulation

import (
	"context"
	"time"

	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/module"

	"github.com/openledger/openledger/x/attribution/keeper"
	"github.com/openledger/openledger/x/attribution/types"
	"github.com/openledger/openledger/x/internal/simkit"
)

// AppModule is x/attribution's part of the simulation.
type AppModule struct {
	simkit.Module
	k keeper.Keeper
}

// NewAppModule is the simulation of the module of k.
func NewAppModule(k keeper.Keeper) AppModule {
	return AppModule{Module: simkit.NewModule(types.StoreKey, k.Schema), k: k}
}

// GenerateGenesisState writes a genesis with random parameters: a
// challenge window and voting period of one to twelve hours, so that
// records mature within a few blocks, and random shares and destinations.
func (AppModule) GenerateGenesisState(simState *module.SimulationState) {
	r := simState.Rand
	p := types.DefaultParams()
	p.ChallengeWindow = time.Duration(r.Intn(12)+1) * time.Hour
	p.VotingPeriod = time.Duration(r.Intn(12)+1) * time.Hour
	p.DatanetOwnerBps = uint32(r.Intn(10_001))
	destinations := []types.FundsDestination{types.FUNDS_DESTINATION_BURN, types.FUNDS_DESTINATION_COMMUNITY_POOL}
	p.UnattributedDestination = destinations[r.Intn(2)]
	p.OverturnedDestination = destinations[r.Intn(2)]
	genesis := types.DefaultGenesis()
	genesis.Params = p
	simkit.SetGenesis(simState, types.ModuleName, genesis)
}

// WeightedOperationsX registers the module's operations.
func (am AppModule) WeightedOperationsX(weights simsx.WeightSource, reg simsx.Registry) {
	reg.Add(weights.Get("attribution_claim_rewards", 30), am.claimRewards())
	reg.Add(weights.Get("attribution_claim_nothing", 3), am.claimNothing())
}

func (am AppModule) claimRewards() simsx.SimMsgFactoryFn[*types.MsgClaimRewards] {
	return func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgClaimRewards) {
		var claimants []sdk.AccAddress
		simkit.Values(ctx, am.k.Claimable, func(addr sdk.AccAddress, amount math.Int) bool {
			if amount.IsPositive() && testData.HasAccount(addr.String()) {
				claimants = append(claimants, addr)
			}
			return false
		})
		addr, ok := simkit.Pick(testData, reporter, claimants, "no claimable reward")
		if !ok {
			return nil, nil
		}
		claimant := testData.GetAccountbyAccAddr(reporter, addr)
		if reporter.IsSkipped() {
			return nil, nil
		}
		return []simsx.SimAccount{claimant}, &types.MsgClaimRewards{Claimant: claimant.AddressBech32}
	}
}

// claimNothing claims for an account with nothing claimable: refused with
// ErrNothingToClaim.
func (am AppModule) claimNothing() *simsx.ResultHandlingSimMsgFactory[*types.MsgClaimRewards] {
	return simsx.NewSimMsgFactoryWithDeliveryResultHandler(func(ctx context.Context, testData *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *types.MsgClaimRewards, simsx.SimDeliveryResultHandler) {
		claimant := testData.AnyAccount(reporter, simsx.SimAccountFilterFn(func(a simsx.SimAccount) bool {
			has, err := am.k.Claimable.Has(ctx, a.Address)
			return err == nil && !has
		}))
		if reporter.IsSkipped() {
			return nil, nil, nil
		}
		return []simsx.SimAccount{claimant}, &types.MsgClaimRewards{Claimant: claimant.AddressBech32}, simkit.ExpectError(types.ErrNothingToClaim)
	})
}
