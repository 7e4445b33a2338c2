package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"

	"github.com/openledger/openledger/x/attribution/keeper"
	"github.com/openledger/openledger/x/attribution/types"
	"github.com/openledger/openledger/x/internal/banktest"
	"github.com/openledger/openledger/x/internal/keepertest"
)

// richState builds records and challenges in every status: final (with
// claimable rewards and earnings), overturned (upheld challenge), pending
// after a rejected challenge, and challenged (open challenge with a vote).
func richState(f *fixture) {
	f.record(f.validInput())
	f.endBlockAt(f.getRecord(1).ChallengeDeadline) // 1: final
	_, c1 := f.challenge()                         // record 2
	f.vote(f.att1, c1, true)
	f.vote(f.att2, c1, true) // 2: overturned
	_, c2 := f.challenge()   // record 3
	f.vote(f.att1, c2, false)
	f.vote(f.att2, c2, false) // 3: pending again
	_, c3 := f.challenge()    // record 4: challenged
	f.vote(f.att3, c3, false)
}

func TestGenesisRoundTrip(t *testing.T) {
	f := newFixture(t)
	richState(f)

	exported, err := f.K.ExportGenesis(f.Ctx)
	require.NoError(t, err)
	require.Len(t, exported.Records, 4)
	require.Len(t, exported.Challenges, 3)
	require.Len(t, exported.Votes, 5)
	require.Equal(t, uint64(5), exported.NextRecordId)
	require.Equal(t, uint64(4), exported.NextChallengeId)
	require.NotEmpty(t, exported.Claimable)
	require.NotEmpty(t, exported.AddressEarnings)
	require.Len(t, exported.ContributionEarnings, 3)

	// Import into a fresh store: the same raw state, indexes, queues and
	// pending totals included.
	keepertest.RequireGenesisRoundTrip(t, f.Store, exported, f.freshKeeper)
}

func TestGenesisValidate(t *testing.T) {
	f := newFixture(t)
	richState(f)
	valid, err := f.K.ExportGenesis(f.Ctx)
	require.NoError(t, err)

	cases := []struct {
		name   string
		mutate func(gs *types.GenesisState)
	}{
		{"Failure - invalid params", func(gs *types.GenesisState) { gs.Params.QuorumBps = 5000 }},
		{"Failure - zero next record id", func(gs *types.GenesisState) { gs.NextRecordId = 0 }},
		{"Failure - zero next challenge id", func(gs *types.GenesisState) { gs.NextChallengeId = 0 }},
		{"Failure - record id not below next id", func(gs *types.GenesisState) { gs.NextRecordId = 4 }},
		{"Failure - duplicate record id", func(gs *types.GenesisState) { gs.Records[1].Id = gs.Records[0].Id }},
		{"Failure - payouts do not add up", func(gs *types.GenesisState) { gs.Records[0].Unattributed = math.NewInt(1) }},
		{"Failure - zero payout", func(gs *types.GenesisState) {
			gs.Records[0].Unattributed = gs.Records[0].Unattributed.Add(gs.Records[0].Payouts[0].Amount)
			gs.Records[0].Payouts[0].Amount = math.ZeroInt()
		}},
		{"Failure - non-canonical payout recipient", func(gs *types.GenesisState) { gs.Records[0].Payouts[0].Recipient = "OPEN1X" }},
		{"Failure - unspecified record status", func(gs *types.GenesisState) { gs.Records[0].Status = types.RECORD_STATUS_UNSPECIFIED }},
		{"Failure - weights not ascending", func(gs *types.GenesisState) {
			w := gs.Records[0].Weights
			w[0], w[1] = w[1], w[0]
		}},
		{"Failure - bad method", func(gs *types.GenesisState) { gs.Records[0].Method = "" }},
		{"Failure - pending record with resolved height", func(gs *types.GenesisState) { gs.Records[2].ResolvedHeight = 1 }},
		{"Failure - challenged record without open challenge", func(gs *types.GenesisState) { gs.Records[3].Status = types.RECORD_STATUS_PENDING }},
		{"Failure - open challenge on a pending record", func(gs *types.GenesisState) {
			gs.Records[3].Status = types.RECORD_STATUS_PENDING
			gs.Records[3].OpenChallengeId = 0
		}},
		{"Failure - challenge of an unknown record", func(gs *types.GenesisState) { gs.Challenges[0].RecordId = 9 }},
		{"Failure - challenge id not below next id", func(gs *types.GenesisState) { gs.NextChallengeId = 3 }},
		{"Failure - upheld challenge of a final record", func(gs *types.GenesisState) { gs.Challenges[0].RecordId = 1 }},
		{"Failure - challenge bond in another denom", func(gs *types.GenesisState) { gs.Challenges[0].Bond.Denom = "uatom" }},
		{"Failure - unspecified challenge status", func(gs *types.GenesisState) { gs.Challenges[1].Status = types.CHALLENGE_STATUS_UNSPECIFIED }},
		{"Failure - tally does not match the votes", func(gs *types.GenesisState) { gs.Challenges[0].UpholdStake = math.NewInt(1) }},
		{"Failure - vote on an unknown challenge", func(gs *types.GenesisState) { gs.Votes[len(gs.Votes)-1].ChallengeId = 9 }},
		{"Failure - votes out of order", func(gs *types.GenesisState) { gs.Votes[0], gs.Votes[1] = gs.Votes[1], gs.Votes[0] }},
		{"Failure - zero vote stake", func(gs *types.GenesisState) { gs.Votes[0].Stake = math.ZeroInt() }},
		{"Failure - claimable out of order", func(gs *types.GenesisState) {
			gs.Claimable[0], gs.Claimable[1] = gs.Claimable[1], gs.Claimable[0]
		}},
		{"Failure - zero claimable", func(gs *types.GenesisState) { gs.Claimable[0].Amount = math.ZeroInt() }},
		{"Failure - bad earnings address", func(gs *types.GenesisState) { gs.AddressEarnings[0].Address = "nobody" }},
		{"Failure - contribution earnings out of order", func(gs *types.GenesisState) {
			gs.ContributionEarnings[0], gs.ContributionEarnings[1] = gs.ContributionEarnings[1], gs.ContributionEarnings[0]
		}},
		{"Failure - negative contribution earnings", func(gs *types.GenesisState) { gs.ContributionEarnings[0].Amount = math.NewInt(-1) }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			// A deep copy through the codec, so cases do not share slices.
			bz, err := f.Codec.MarshalJSON(valid)
			require.NoError(t, err)
			var gs types.GenesisState
			require.NoError(t, f.Codec.UnmarshalJSON(bz, &gs))
			require.NoError(t, gs.Validate(f.AddressCodec))
			tc.mutate(&gs)
			require.ErrorIs(t, gs.Validate(f.AddressCodec), types.ErrInvalidGenesis)
		})
	}
	t.Run("Success - default genesis", func(t *testing.T) {
		require.NoError(t, types.DefaultGenesis().Validate(f.AddressCodec))
	})
}

// usageState adds to richState a batch (records 5 and 6, models 7 and 3,
// one receipts root) whose receipt 2 is of model 9, which the batch did not
// settle: an upheld model claim against record 5 (overturned, its receipt
// proven), and an open token claim against record 7 (model 7, same batch).
func usageState(f *fixture) {
	richState(f)
	f.receipts[2].ModelID = 9
	in := f.validInput()
	rid := f.record(in) // record 5
	in.ModelID = 3
	f.record(in) // record 6
	// Challenge 4: the model claim, upheld at once.
	_, err := keepertest.Deliver(f.Chain(), f.Msgs.ChallengeUsage, f.usageMsg(rid, 2, types.USAGE_CLAIM_MODEL))
	require.NoError(f.T, err)
	// Record 7 and challenge 5: an open token claim.
	msg := f.usageMsg(f.record(f.validInput()), 1, types.USAGE_CLAIM_TOKENS)
	msg.ClaimedPromptTokens, msg.ClaimedCompletionTokens = 1, 2
	_, err = keepertest.Deliver(f.Chain(), f.Msgs.ChallengeUsage, msg)
	require.NoError(f.T, err)
}

func TestGenesisRoundTripWithUsageChallenges(t *testing.T) {
	f := newFixture(t)
	usageState(f)
	exported, err := f.K.ExportGenesis(f.Ctx)
	require.NoError(t, err)
	require.Len(t, exported.Records, 7)
	require.Len(t, exported.Challenges, 5)

	// The proven receipts are rebuilt from the upheld usage challenge.
	to, k2 := keepertest.RequireGenesisRoundTrip(t, f.Store, exported, f.freshKeeper)
	proven, err := k2.ProvenReceipts.Has(to.Ctx, collections.Join(exported.Records[4].ReceiptsRoot, uint64(2)))
	require.NoError(t, err)
	require.True(t, proven)

	cases := []struct {
		name   string
		mutate func(gs *types.GenesisState)
	}{
		{"Failure - unknown receipt version", func(gs *types.GenesisState) { gs.Records[4].ReceiptVersion = 4 }},
		{"Failure - record without receipt version", func(gs *types.GenesisState) { gs.Records[0].ReceiptVersion = 0 }},
		{"Failure - version 1 record with a price", func(gs *types.GenesisState) { gs.Records[0].ReceiptVersion = types.ReceiptVersion1 }},
		{"Failure - version 2 record without a price", func(gs *types.GenesisState) { gs.Records[0].Price.PerCall = math.Int{} }},
		{"Failure - negative price", func(gs *types.GenesisState) { gs.Records[0].Price.Per_1KTokens = math.NewInt(-1) }},
		{"Failure - batch models leave out the record's model", func(gs *types.GenesisState) { gs.Records[0].BatchModelIds = []uint64{3} }},
		{"Failure - batch models not ascending", func(gs *types.GenesisState) { gs.Records[0].BatchModelIds = []uint64{7, 3} }},
		{"Failure - model claim on a model the batch settled", func(gs *types.GenesisState) { gs.Challenges[3].Receipt.ModelID = 3 }},
		{"Failure - token claim without other counts", func(gs *types.GenesisState) {
			c := &gs.Challenges[4]
			c.ClaimedPromptTokens, c.ClaimedCompletionTokens = c.Receipt.PromptTokens, c.Receipt.CompletionTokens
		}},
		{"Failure - usage claim with recomputed weights", func(gs *types.GenesisState) {
			gs.Challenges[4].RecomputedWeights = []types.ContributionWeight{{ContributionId: 1, Ppm: 1}}
		}},
		{"Failure - unknown usage claim", func(gs *types.GenesisState) { gs.Challenges[4].UsageClaim = 7 }},
		{"Failure - attribution challenge with token counts", func(gs *types.GenesisState) { gs.Challenges[0].ClaimedPromptTokens = 1 }},
		{"Failure - usage challenge of a record whose root a payer named", func(gs *types.GenesisState) { gs.Records[6].NodeSignedRoot = false }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			bz, err := f.Codec.MarshalJSON(exported)
			require.NoError(t, err)
			var gs types.GenesisState
			require.NoError(t, f.Codec.UnmarshalJSON(bz, &gs))
			tc.mutate(&gs)
			require.ErrorIs(t, gs.Validate(f.AddressCodec), types.ErrInvalidGenesis)
		})
	}
}

// freshKeeper is a keeper on s with the fixture's bank and fakes.
func (f *fixture) freshKeeper(s keepertest.Store) keeper.Keeper {
	return keeper.NewKeeper(s.KeeperEnv(), keepertest.AccountKeeper{}, f.bank, banktest.CommunityPool{Bank: f.bank}, f.datanets, f.agentstake)
}
