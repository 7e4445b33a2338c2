package types_test

import (
	"testing"

	"github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/codectest"
)

// TestMessagesDeclareTheirSigners checks the cosmos.msg.v1.signer annotations
// the way the transaction pipeline reads them.
func TestMessagesDeclareTheirSigners(t *testing.T) {
	s := codectest.SignerString(t)
	codectest.RequireSigners(t, types.RegisterInterfaces, types.RegisterLegacyAminoCodec,
		&types.MsgCreateDatanet{Owner: s},
		&types.MsgUpdateDatanet{Owner: s},
		&types.MsgSetCurators{Owner: s},
		&types.MsgArchiveDatanet{Owner: s},
		&types.MsgTransferDatanetOwnership{Owner: s},
		&types.MsgSubmitContribution{Contributor: s},
		&types.MsgWithdrawContribution{Contributor: s},
		&types.MsgReviewContributions{Reviewer: s},
		&types.MsgUpdateParams{Authority: s},
	)
}
