package types_test

import (
	"testing"

	"github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/codectest"
)

// TestAminoJSONSignBytes checks every message's amino JSON sign bytes and
// amino name.
func TestAminoJSONSignBytes(t *testing.T) {
	hash := make([]byte, 32)
	codectest.RequireAminoJSON(t, types.RegisterLegacyAminoCodec, types.ModuleName,
		&types.MsgCreateDatanet{Owner: "o", Name: "n", Tags: []string{"t"}, Visibility: types.VISIBILITY_PUBLIC},
		&types.MsgUpdateDatanet{Owner: "o", DatanetId: 1},
		&types.MsgSetCurators{Owner: "o", DatanetId: 1, Curators: []string{"c"}},
		&types.MsgArchiveDatanet{Owner: "o", DatanetId: 1},
		&types.MsgTransferDatanetOwnership{Owner: "o", DatanetId: 1, NewOwner: "n"},
		&types.MsgSubmitContribution{Contributor: "c", DatanetId: 1, ContentHash: hash, SizeBytes: 3, InlineData: []byte("abc")},
		&types.MsgWithdrawContribution{Contributor: "c", ContributionId: 1},
		&types.MsgReviewContributions{Reviewer: "r", DatanetId: 1, Decisions: []types.ReviewDecision{{ContributionId: 1, Accept: true}}},
		&types.MsgUpdateParams{Authority: "a", Params: types.DefaultParams()},
	)
}
