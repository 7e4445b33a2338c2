package keeper_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/openledger/openledger/x/attribution/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

func TestRecordAttribution(t *testing.T) {
	keepertest.Run(t, "Success - payouts, pending totals, queue, indexes and event", newFixture, func(t *testing.T, f *fixture) {
		feesBefore := f.bank.ModuleBalance(feesModule).AmountOf(denom)
		id := f.record(f.validInput())
		require.Equal(t, uint64(1), id)

		r := f.getRecord(id)
		require.Equal(t, types.RECORD_STATUS_PENDING, r.Status)
		require.Equal(t, f.node.Str, r.ServingNode)
		require.Equal(t, int64(startHeight), r.CreatedHeight)
		require.Equal(t, startTime.Add(types.DefaultChallengeWindow), r.ChallengeDeadline)
		// R = 1,000,003: shares 500,001 / 250,000 / 100,000; owners get 10%.
		owners := []types.Payout{
			{Recipient: f.owner.Str, Amount: math.NewInt(50_000 + 25_000)},
			{Recipient: f.owner2.Str, Amount: math.NewInt(10_000)},
		}
		slices.SortFunc(owners, func(a, b types.Payout) int { return strings.Compare(a.Recipient, b.Recipient) })
		want := append([]types.Payout{
			{Recipient: f.alice.Str, ContributionId: 1, Amount: math.NewInt(450_001)},
			{Recipient: f.bob.Str, ContributionId: 2, Amount: math.NewInt(225_000)},
			{Recipient: f.alice.Str, ContributionId: 3, Amount: math.NewInt(90_000)},
		}, owners...)
		require.Equal(t, want, r.Payouts)
		require.Equal(t, math.NewInt(150_002), r.Unattributed)

		require.Equal(t, math.NewInt(1_000_003), f.moduleBalance())
		require.Equal(t, feesBefore.SubRaw(1_000_003), f.bank.ModuleBalance(feesModule).AmountOf(denom))
		for _, c := range []struct {
			a    account
			want int64
		}{{f.alice, 540_001}, {f.bob, 225_000}, {f.owner, 75_000}, {f.owner2, 10_000}, {f.node, 0}} {
			pending, claimable := f.rewards(c.a)
			require.Equal(t, math.NewInt(c.want), pending, c.a.Str)
			require.True(t, claimable.IsZero())
		}
		has, err := f.K.Records.Indexes.Contribution.Has(f.Ctx, 3, id)
		require.NoError(t, err)
		require.True(t, has)
		require.Len(t, keepertest.EventsOfType(f.Ctx, "openledger.attribution.v1.EventAttributionRecorded"), 1)
	})

	keepertest.Run(t, "Success - zero reward, no weights and no receipts", newFixture, func(t *testing.T, f *fixture) {
		in := f.validInput()
		in.DataReward = sdk.NewCoin(denom, math.ZeroInt())
		in.Weights = nil
		in.ReceiptsRoot = make([]byte, 32)
		id := f.record(in)
		r := f.getRecord(id)
		require.Empty(t, r.Payouts)
		require.True(t, r.Unattributed.IsZero())
		require.True(t, f.moduleBalance().IsZero())
	})

	keepertest.Run(t, "Success - tiny reward: every share rounds to zero, all unattributed", newFixture, func(t *testing.T, f *fixture) {
		in := f.validInput()
		in.DataReward = sdk.NewCoin(denom, math.NewInt(1))
		r := f.getRecord(f.record(in))
		require.Empty(t, r.Payouts)
		require.Equal(t, math.NewInt(1), r.Unattributed)
	})

	keepertest.Run(t, "Success - contribution covered by a later version of its Datanet", newFixture, func(t *testing.T, f *fixture) {
		in := f.validInput()
		in.Datasets = []types.DatasetVersion{f.v11, f.v12}
		in.Weights = []types.ContributionWeight{{ContributionId: 1, Ppm: 1}, {ContributionId: 5, Ppm: 999_999}}
		r := f.getRecord(f.record(in))
		require.Equal(t, uint64(5), r.Payouts[1].ContributionId)
	})

	failures := []struct {
		name   string
		mutate func(f *fixture, in *types.RecordInput)
		from   string
		want   *errorsmod.Error
	}{
		{"Failure - invalid serving node", func(_ *fixture, in *types.RecordInput) { in.ServingNode = "cosmos1xyz" }, "", types.ErrInvalidAddress},
		{"Failure - zero model id", func(_ *fixture, in *types.RecordInput) { in.ModelID = 0 }, "", types.ErrInvalidModelID},
		{"Failure - empty method", func(_ *fixture, in *types.RecordInput) { in.Method = "" }, "", types.ErrInvalidMethod},
		{"Failure - method with upper case", func(_ *fixture, in *types.RecordInput) { in.Method = "Suffix" }, "", types.ErrInvalidMethod},
		{"Failure - method too long", func(_ *fixture, in *types.RecordInput) { in.Method = strings.Repeat("a", 33) }, "", types.ErrInvalidMethod},
		{"Failure - no datasets", func(_ *fixture, in *types.RecordInput) { in.Datasets = nil }, "", types.ErrInvalidDatasets},
		{"Failure - datasets out of order", func(f *fixture, in *types.RecordInput) { in.Datasets = []types.DatasetVersion{f.v21, f.v11} }, "", types.ErrInvalidDatasets},
		{"Failure - duplicate dataset", func(f *fixture, in *types.RecordInput) { in.Datasets = []types.DatasetVersion{f.v11, f.v11} }, "", types.ErrInvalidDatasets},
		{"Failure - dataset version 0", func(f *fixture, in *types.RecordInput) { in.Datasets[0].Version = 0 }, "", types.ErrInvalidDatasets},
		{"Failure - unknown version", func(f *fixture, in *types.RecordInput) { in.Datasets[1].Version = 9 }, "", types.ErrDatasetVersionUnknown},
		{"Failure - unknown datanet", func(f *fixture, in *types.RecordInput) {
			in.Datasets = append(in.Datasets, types.DatasetVersion{DatanetId: 9, Version: 1, Root: hash("x")})
		}, "", types.ErrDatasetVersionUnknown},
		{"Failure - root mismatch", func(f *fixture, in *types.RecordInput) { in.Datasets[0].Root = hash("other") }, "", types.ErrDatasetRootMismatch},
		{"Failure - short receipts root", func(f *fixture, in *types.RecordInput) { in.ReceiptsRoot = in.ReceiptsRoot[:31] }, "", types.ErrInvalidReceiptsRoot},
		{"Failure - missing receipts root", func(f *fixture, in *types.RecordInput) { in.ReceiptsRoot = nil }, "", types.ErrInvalidReceiptsRoot},
		{"Failure - weights not ascending", func(f *fixture, in *types.RecordInput) {
			in.Weights[0], in.Weights[1] = in.Weights[1], in.Weights[0]
		}, "", types.ErrWeightsNotAscending},
		{"Failure - duplicate contribution", func(f *fixture, in *types.RecordInput) { in.Weights[1].ContributionId = 1 }, "", types.ErrWeightsNotAscending},
		{"Failure - zero weight", func(f *fixture, in *types.RecordInput) { in.Weights[2].Ppm = 0 }, "", types.ErrZeroWeight},
		{"Failure - weight above a million", func(f *fixture, in *types.RecordInput) {
			in.Weights = []types.ContributionWeight{{ContributionId: 1, Ppm: 1_000_001}}
		}, "", types.ErrWeightTooLarge},
		{"Failure - weights sum above a million", func(f *fixture, in *types.RecordInput) { in.Weights[0].Ppm = 650_001 }, "", types.ErrWeightsSumTooLarge},
		{"Failure - too many weights", func(f *fixture, in *types.RecordInput) {
			keepertest.SetParams(f, func(p *types.Params) { p.MaxWeightsPerRecord = 2 })
		}, "", types.ErrTooManyWeights},
		{"Failure - contribution id 0", func(f *fixture, in *types.RecordInput) {
			in.Weights = []types.ContributionWeight{{ContributionId: 0, Ppm: 1}}
		}, "", types.ErrUnknownContribution},
		{"Failure - unknown contribution", func(f *fixture, in *types.RecordInput) {
			in.Weights = append(in.Weights, types.ContributionWeight{ContributionId: 99, Ppm: 1})
		}, "", types.ErrUnknownContribution},
		{"Failure - contribution not accepted", func(f *fixture, in *types.RecordInput) {
			in.Weights = append(in.Weights, types.ContributionWeight{ContributionId: 4, Ppm: 1})
		}, "", types.ErrContributionNotAccepted},
		{"Failure - contribution past the named version", func(f *fixture, in *types.RecordInput) {
			in.Weights = append(in.Weights, types.ContributionWeight{ContributionId: 5, Ppm: 1})
		}, "", types.ErrContributionNotInVersions},
		{"Failure - contribution of a Datanet not named", func(f *fixture, in *types.RecordInput) {
			in.Datasets = []types.DatasetVersion{f.v11}
		}, "", types.ErrContributionNotInVersions},
		{"Failure - wrong denom", func(f *fixture, in *types.RecordInput) { in.DataReward = sdk.NewCoin("uatom", math.NewInt(5)) }, "", types.ErrInvalidDataReward},
		{"Failure - negative reward", func(f *fixture, in *types.RecordInput) {
			in.DataReward = sdk.Coin{Denom: denom, Amount: math.NewInt(-1)}
		}, "", types.ErrInvalidDataReward},
		{"Failure - nil reward amount", func(f *fixture, in *types.RecordInput) { in.DataReward = sdk.Coin{Denom: denom} }, "", types.ErrInvalidDataReward},
		{"Failure - empty source module", func(f *fixture, in *types.RecordInput) {}, "-", types.ErrInvalidSourceModule},
		{"Failure - own module as source", func(f *fixture, in *types.RecordInput) {}, types.ModuleName, types.ErrInvalidSourceModule},
	}
	for _, tc := range failures {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			f.record(f.validInput()) // some state to keep
			in := f.validInput()
			tc.mutate(f, &in)
			from := feesModule
			switch tc.from {
			case "-":
				from = ""
			case "":
			default:
				from = tc.from
			}
			before := f.Chain().Snapshot()
			_, err := f.K.RecordAttribution(f.Ctx, from, in)
			require.ErrorIs(t, err, tc.want, "got %v", err)
			f.Chain().RequireUnchanged(before)
		})
	}

	keepertest.Run(t, "Failure - source module cannot pay", newFixture, func(t *testing.T, f *fixture) {
		before := f.Chain().Snapshot()
		_, err := f.K.RecordAttribution(f.Ctx, "emptymodule", f.validInput())
		require.ErrorIs(t, err, sdkerrors.ErrInsufficientFunds)
		f.Chain().RequireUnchanged(before)
	})
}

func TestCheckAttribution(t *testing.T) {
	f := newFixture(t)
	keepertest.SetParams(f, func(p *types.Params) { p.MaxWeightsPerRecord = 2 })
	two := []types.ContributionWeight{{ContributionId: 1, Ppm: 1}, {ContributionId: 2, Ppm: 1}}
	require.NoError(t, f.K.CheckAttribution(f.Ctx, "poa-1.exact-spans.minhash-lsh", two))
	require.ErrorIs(t, f.K.CheckAttribution(f.Ctx, "Bad", two), types.ErrInvalidMethod)
	require.ErrorIs(t, f.K.CheckAttribution(f.Ctx, "m", append(two, types.ContributionWeight{ContributionId: 3, Ppm: 1})),
		types.ErrTooManyWeights, "the params' limit applies")
	require.ErrorIs(t, f.K.CheckAttribution(f.Ctx, "m", []types.ContributionWeight{{ContributionId: 0, Ppm: 1}}),
		types.ErrUnknownContribution)
}
