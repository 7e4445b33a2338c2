package types_test

import (
	"testing"

	"cosmossdk.io/math"

	"github.com/openledger/openledger/x/attribution/types"
	"github.com/openledger/openledger/x/internal/codectest"
)

// TestAminoJSONSignBytes checks every message's amino JSON sign bytes and
// amino name.
func TestAminoJSONSignBytes(t *testing.T) {
	hash := make([]byte, 32)
	codectest.RequireAminoJSON(t, types.RegisterLegacyAminoCodec, types.ModuleName,
		&types.MsgClaimRewards{Claimant: "c"},
		&types.MsgChallengeAttribution{
			Challenger: "c", RecordId: 1,
			Receipt:   types.Receipt{User: "u", ModelID: 2, OutputHash: hash, Weights: []types.ContributionWeight{{ContributionId: 1, Ppm: 5}}},
			LeafIndex: 1, LeafCount: 2, Proof: [][]byte{hash},
			RecomputedWeights: []types.ContributionWeight{{ContributionId: 1, Ppm: 6}},
		},
		&types.MsgChallengeUsage{
			Challenger: "c", RecordId: 1,
			Receipt: types.Receipt{
				User: "u", ModelID: 2, OutputHash: hash, PromptTokens: 3, CompletionTokens: 4, Fee: math.NewInt(9),
			},
			LeafIndex: 1, LeafCount: 2, Proof: [][]byte{hash}, Claim: types.USAGE_CLAIM_TOKENS,
			ClaimedPromptTokens: 3, ClaimedCompletionTokens: 1,
		},
		&types.MsgVoteChallenge{Attestor: "a", ChallengeId: 1, Uphold: true},
		&types.MsgUpdateParams{Authority: "a", Params: types.DefaultParams()},
	)
}
