package types_test

import (
	"testing"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	attributiontypes "github.com/openledger/openledger/x/attribution/types"
	"github.com/openledger/openledger/x/inferencefees/types"
	"github.com/openledger/openledger/x/internal/codectest"
)

// TestAminoJSONSignBytes checks every message's amino JSON sign bytes and
// amino name.
func TestAminoJSONSignBytes(t *testing.T) {
	hash := make([]byte, 32)
	codectest.RequireAminoJSON(t, types.RegisterLegacyAminoCodec, types.ModuleName,
		&types.MsgDepositCredit{User: "u", Amount: sdk.NewInt64Coin(types.Denom, 5)},
		&types.MsgRequestWithdrawal{User: "u", Amount: sdk.NewInt64Coin(types.Denom, 5)},
		&types.MsgSettleBatch{
			ServingNode: "n", ReceiptsRoot: hash,
			Vouchers:    []types.SignedVoucher{{User: "u", CumulativeAmount: math.NewInt(5), Nonce: 1, Expiry: 2, UserSignature: hash, NodeSignature: hash}},
			Usage:       []types.ModelUsage{{ModelId: 1, Amount: math.NewInt(5), InferenceCount: 1}},
			Attribution: []types.ModelAttribution{{ModelId: 1, Method: "m", Weights: []attributiontypes.ContributionWeight{{ContributionId: 1, Ppm: 2}}}},
		},
		&types.MsgPayInference{Payer: "p", ServingNode: "n", ModelId: 1, Amount: sdk.NewInt64Coin(types.Denom, 5), InferenceCount: 1},
		&types.MsgUpdateParams{Authority: "a", Params: types.DefaultParams()},
	)
}
