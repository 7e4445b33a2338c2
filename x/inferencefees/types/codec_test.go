package types_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/openledger/openledger/x/inferencefees/types"
	"github.com/openledger/openledger/x/internal/codectest"
	"github.com/openledger/openledger/x/internal/eip712"
)

// TestMessagesDeclareTheirSigners checks the cosmos.msg.v1.signer annotations
// the way the transaction pipeline reads them.
func TestMessagesDeclareTheirSigners(t *testing.T) {
	s := codectest.SignerString(t)
	codectest.RequireSigners(t, types.RegisterInterfaces, types.RegisterLegacyAminoCodec,
		&types.MsgDepositCredit{User: s}, &types.MsgRequestWithdrawal{User: s},
		&types.MsgSettleBatch{ServingNode: s}, &types.MsgPayInference{Payer: s},
		&types.MsgUpdateParams{Authority: s},
	)
}

func TestValidationHelpers(t *testing.T) {
	require.ErrorIs(t, types.ValidateSignatureSize("s", make([]byte, eip712.SignatureSize-1)), types.ErrMalformedSignature)
	require.NoError(t, types.ValidateSignatureSize("s", make([]byte, eip712.SignatureSize)))
}
