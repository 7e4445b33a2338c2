package types_test

import (
	"testing"

	"github.com/openledger/openledger/x/internal/codectest"
	"github.com/openledger/openledger/x/modelreg/types"
)

// TestMessagesDeclareTheirSigners checks the cosmos.msg.v1.signer annotations
// the way the transaction pipeline reads them.
func TestMessagesDeclareTheirSigners(t *testing.T) {
	s := codectest.SignerString(t)
	codectest.RequireSigners(t, types.RegisterInterfaces, types.RegisterLegacyAminoCodec,
		&types.MsgRegisterModel{Owner: s},
		&types.MsgUpdateModel{Owner: s},
		&types.MsgDeprecateModel{Owner: s},
		&types.MsgRevokeModel{Signer: s},
		&types.MsgTransferModelOwnership{Owner: s},
		&types.MsgUpdateParams{Authority: s},
	)
}
