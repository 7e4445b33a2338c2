package types_test

import (
	"testing"

	"github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/codectest"
)

// TestMessages checks every message the way the transaction pipeline
// reads it: its signer annotation, its amino name and its amino JSON
// sign bytes.
func TestMessages(t *testing.T) {
	s := codectest.SignerString(t)
	hash := make([]byte, 32)
	codectest.RequireMessages(t, types.RegisterInterfaces, types.RegisterLegacyAminoCodec, types.ModuleName,
		&types.MsgCreateDatanet{Owner: s, Name: "n", Tags: []string{"t"}, Visibility: types.VISIBILITY_PUBLIC},
		&types.MsgUpdateDatanet{Owner: s, DatanetId: 1},
		&types.MsgSetCurators{Owner: s, DatanetId: 1, Curators: []string{"c"}},
		&types.MsgArchiveDatanet{Owner: s, DatanetId: 1},
		&types.MsgTransferDatanetOwnership{Owner: s, DatanetId: 1, NewOwner: "n"},
		&types.MsgSubmitContribution{Contributor: s, DatanetId: 1, ContentHash: hash, SizeBytes: 3, InlineData: []byte("abc")},
		&types.MsgWithdrawContribution{Contributor: s, ContributionId: 1},
		&types.MsgReviewContributions{Reviewer: s, DatanetId: 1, Decisions: []types.ReviewDecision{{ContributionId: 1, Accept: true}}},
		&types.MsgUpdateParams{Authority: s, Params: types.DefaultParams()},
	)
}
