package types_test

import (
	"testing"

	"github.com/openledger/openledger/x/agentstake/types"
	"github.com/openledger/openledger/x/internal/codectest"
)

// TestMessagesDeclareTheirSigners checks the cosmos.msg.v1.signer annotations
// the way the transaction pipeline reads them.
func TestMessagesDeclareTheirSigners(t *testing.T) {
	s := codectest.SignerString(t)
	codectest.RequireSigners(t, types.RegisterInterfaces, types.RegisterLegacyAminoCodec,
		&types.MsgRegisterAgent{Owner: s},
		&types.MsgAddStake{Owner: s},
		&types.MsgUpdateAgent{Owner: s},
		&types.MsgBeginUnbonding{Owner: s},
		&types.MsgUnjail{Owner: s},
		&types.MsgSlashAgent{Authority: s},
		&types.MsgSubmitEquivocation{Submitter: s},
		&types.MsgUpdateParams{Authority: s},
	)
}
