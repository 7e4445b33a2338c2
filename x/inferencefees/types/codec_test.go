package types_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	attributiontypes "github.com/openledger/openledger/x/attribution/types"
	"github.com/openledger/openledger/x/inferencefees/types"
	"github.com/openledger/openledger/x/internal/codectest"
	"github.com/openledger/openledger/x/internal/eip712"
)

// TestMessages checks every message the way the transaction pipeline
// reads it: its signer annotation, its amino name and its amino JSON
// sign bytes.
func TestMessages(t *testing.T) {
	s := codectest.SignerString(t)
	hash := make([]byte, 32)
	codectest.RequireMessages(t, types.RegisterInterfaces, types.RegisterLegacyAminoCodec, types.ModuleName,
		&types.MsgDepositCredit{User: s, Amount: sdk.NewInt64Coin(types.Denom, 5)},
		&types.MsgRequestWithdrawal{User: s, Amount: sdk.NewInt64Coin(types.Denom, 5)},
		&types.MsgSettleBatch{
			ServingNode: s, ReceiptsRoot: hash,
			Vouchers:    []types.SignedVoucher{{User: "u", CumulativeAmount: math.NewInt(5), Nonce: 1, Expiry: 2, UserSignature: hash, NodeSignature: hash}},
			Usage:       []types.ModelUsage{{ModelId: 1, Amount: math.NewInt(5), InferenceCount: 1}},
			Attribution: []types.ModelAttribution{{ModelId: 1, Method: "m", Weights: []attributiontypes.ContributionWeight{{ContributionId: 1, Ppm: 2}}}},
		},
		&types.MsgPayInference{Payer: s, ServingNode: "n", ModelId: 1, Amount: sdk.NewInt64Coin(types.Denom, 5), InferenceCount: 1},
		&types.MsgUpdateParams{Authority: s, Params: types.DefaultParams()},
	)
}

func TestValidationHelpers(t *testing.T) {
	require.ErrorIs(t, types.ValidateSignatureSize("s", make([]byte, eip712.SignatureSize-1)), types.ErrMalformedSignature)
	require.NoError(t, types.ValidateSignatureSize("s", make([]byte, eip712.SignatureSize)))
}
