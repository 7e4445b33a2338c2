package types_test

import (
	"testing"

	"github.com/openledger/openledger/x/attribution/types"
	"github.com/openledger/openledger/x/internal/codectest"
)

// TestMessagesDeclareTheirSigners checks the cosmos.msg.v1.signer annotations
// the way the transaction pipeline reads them.
func TestMessagesDeclareTheirSigners(t *testing.T) {
	s := codectest.SignerString(t)
	codectest.RequireSigners(t, types.RegisterInterfaces, types.RegisterLegacyAminoCodec,
		&types.MsgClaimRewards{Claimant: s},
		&types.MsgChallengeAttribution{Challenger: s},
		&types.MsgVoteChallenge{Attestor: s},
		&types.MsgUpdateParams{Authority: s},
	)
}
