package types_test

import (
	"testing"

	"cosmossdk.io/math"

	"github.com/openledger/openledger/x/attribution/types"
	"github.com/openledger/openledger/x/internal/codectest"
)

// TestMessages checks every message the way the transaction pipeline
// reads it: its signer annotation, its amino name and its amino JSON
// sign bytes.
func TestMessages(t *testing.T) {
	s := codectest.SignerString(t)
	hash := make([]byte, 32)
	codectest.RequireMessages(t, types.RegisterInterfaces, types.RegisterLegacyAminoCodec, types.ModuleName,
		&types.MsgClaimRewards{Claimant: s},
		&types.MsgChallengeAttribution{
			Challenger: s, RecordId: 1,
			Receipt:   types.Receipt{User: "u", ModelID: 2, OutputHash: hash, Weights: []types.ContributionWeight{{ContributionId: 1, Ppm: 5}}},
			LeafIndex: 1, LeafCount: 2, Proof: [][]byte{hash},
			RecomputedWeights: []types.ContributionWeight{{ContributionId: 1, Ppm: 6}},
		},
		&types.MsgChallengeUsage{
			Challenger: s, RecordId: 1,
			Receipt: types.Receipt{
				User: "u", ModelID: 2, OutputHash: hash, PromptTokens: 3, CompletionTokens: 4, Fee: math.NewInt(9),
			},
			LeafIndex: 1, LeafCount: 2, Proof: [][]byte{hash}, Claim: types.USAGE_CLAIM_TOKENS,
			ClaimedPromptTokens: 3, ClaimedCompletionTokens: 1,
		},
		&types.MsgVoteChallenge{Attestor: s, ChallengeId: 1, Uphold: true},
		&types.MsgUpdateParams{Authority: s, Params: types.DefaultParams()},
	)
}
