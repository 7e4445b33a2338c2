package keeper_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/openledger/openledger/ai/poa"
	"github.com/openledger/openledger/x/attribution/types"
	datanettypes "github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

// benchFixture is a fixture with a Datanet of 512 accepted contributions by
// 64 contributors.
func benchFixture(b *testing.B) *fixture {
	f := newFixture(b)
	f.datanets.datanets = append(f.datanets.datanets, datanettypes.Datanet{Id: 20, Owner: f.owner.Str})
	f.datanets.addVersion(20, 1, 512)
	for i := uint64(0); i < 512; i++ {
		f.datanets.addContribution(1000+i, 20, keepertest.NamedAccount(b, f.AddressCodec, fmt.Sprintf("contributor%d", i%64)),
			datanettypes.CONTRIBUTION_STATUS_ACCEPTED, i)
	}
	f.bank.Mint(authtypes.NewModuleAddress(feesModule), sdk.NewCoins(sdk.NewCoin(denom, math.NewIntWithDecimal(1, 40))))
	return f
}

// benchInput has 8 weights over the bench Datanet, shifted by i.
func benchInput(f *fixture, i int) types.RecordInput {
	ds := f.datanets.versions[len(f.datanets.versions)-1]
	var ws []types.ContributionWeight
	for j := 0; j < 8; j++ {
		ws = append(ws, types.ContributionWeight{ContributionId: 1000 + uint64((i*8+j*61)%512), Ppm: 100_000})
	}
	// Distinct and ascending.
	for a := 1; a < len(ws); a++ {
		for b := a; b > 0 && ws[b].ContributionId < ws[b-1].ContributionId; b-- {
			ws[b], ws[b-1] = ws[b-1], ws[b]
		}
	}
	return types.RecordInput{
		ServingNode: f.node.Str, ModelID: 1, Method: poa.Method,
		Datasets:     []types.DatasetVersion{{DatanetId: ds.DatanetId, Version: ds.Version, Root: ds.Root}},
		ReceiptsRoot: hash(fmt.Sprint(i)), InferenceCount: 100, Weights: ws,
		DataReward: sdk.NewCoin(denom, oneOPEN().MulRaw(int64(1+i%7))),
		Price:      testPrice, Tokens: 100 * 500, BatchModelIDs: []uint64{1}, NodeSignedRoot: true,
	}
}

// BenchmarkEndBlock10kRecords: 10,000 records with 8 weights each mature in
// one block.
func BenchmarkEndBlock10kRecords(b *testing.B) {
	const n = 10_000
	for it := 0; it < b.N; it++ {
		b.StopTimer()
		f := benchFixture(b)
		for i := 0; i < n; i++ {
			_, err := f.K.RecordAttribution(f.Ctx, feesModule, benchInput(f, i))
			require.NoError(b, err)
		}
		f.setTime(startTime.Add(types.DefaultChallengeWindow))
		gasCtx := f.Ctx.WithGasMeter(storetypes.NewInfiniteGasMeter()).WithKVGasConfig(storetypes.KVGasConfig())
		b.StartTimer()
		require.NoError(b, f.K.EndBlock(gasCtx))
		b.StopTimer()
		b.ReportMetric(float64(gasCtx.GasMeter().GasConsumed()), "gas/block")
		st, err := f.K.Records.Get(f.Ctx, n)
		require.NoError(b, err)
		require.Equal(b, types.RECORD_STATUS_FINAL, st.Status)
	}
}

// BenchmarkClaimRewardsGas: the gas of one MsgClaimRewards covering 1,000
// finalized records, metered with the SDK's KV gas config.
func BenchmarkClaimRewardsGas(b *testing.B) {
	for it := 0; it < b.N; it++ {
		b.StopTimer()
		f := benchFixture(b)
		for i := 0; i < 1000; i++ {
			_, err := f.K.RecordAttribution(f.Ctx, feesModule, benchInput(f, i))
			require.NoError(b, err)
		}
		f.endBlockAt(startTime.Add(types.DefaultChallengeWindow + time.Second))
		claimant := keepertest.NamedAccount(b, f.AddressCodec, "contributor0")
		gasCtx := f.Ctx.WithGasMeter(storetypes.NewInfiniteGasMeter()).WithKVGasConfig(storetypes.KVGasConfig())
		b.StartTimer()
		resp, err := f.Msgs.ClaimRewards(gasCtx, &types.MsgClaimRewards{Claimant: claimant.Str})
		b.StopTimer()
		require.NoError(b, err)
		require.True(b, resp.Amount.IsPositive())
		b.ReportMetric(float64(gasCtx.GasMeter().GasConsumed()), "gas/claim")
	}
}

// BenchmarkRecordAttributionGas: the gas of recording one record of 8 weights.
func BenchmarkRecordAttributionGas(b *testing.B) {
	f := benchFixture(b)
	b.ResetTimer()
	var gas uint64
	for i := 0; i < b.N; i++ {
		gasCtx := f.Ctx.WithGasMeter(storetypes.NewInfiniteGasMeter()).WithKVGasConfig(storetypes.KVGasConfig())
		_, err := f.K.RecordAttribution(gasCtx, feesModule, benchInput(f, i))
		require.NoError(b, err)
		gas = gasCtx.GasMeter().GasConsumed()
	}
	b.ReportMetric(float64(gas), "gas/record")
}
