package types_test

import (
	"strings"
	"testing"

	gogoproto "github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"
	protov2 "google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/types/dynamicpb"

	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/x/tx/signing/aminojson"

	attributiontypes "github.com/openledger/openledger/x/attribution/types"
	"github.com/openledger/openledger/x/inferencefees/types"
)

// TestAminoJSONSignBytes encodes every message the way SIGN_MODE_LEGACY_AMINO_JSON
// (Ledger) does, and checks that the amino names of tx.proto match those
// registered with the legacy amino codec.
func TestAminoJSONSignBytes(t *testing.T) {
	legacy := codec.NewLegacyAmino()
	types.RegisterLegacyAminoCodec(legacy)
	enc := aminojson.NewEncoder(aminojson.EncoderOptions{FileResolver: gogoproto.HybridResolver})

	hash := make([]byte, 32)
	for _, msg := range []sdk.Msg{
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
	} {
		name := gogoproto.MessageName(msg)
		desc, err := gogoproto.HybridResolver.FindDescriptorByName(protoreflect.FullName(name))
		require.NoError(t, err, name)
		dyn := dynamicpb.NewMessage(desc.(protoreflect.MessageDescriptor))
		bz, err := gogoproto.Marshal(msg)
		require.NoError(t, err)
		require.NoError(t, protov2.Unmarshal(bz, dyn))

		out, err := enc.Marshal(dyn)
		require.NoError(t, err, name)
		aminoName := "inferencefees/" + strings.TrimPrefix(name, "openledger.inferencefees.v1.")
		require.Contains(t, string(out), `"type":"`+aminoName+`"`, string(out))

		legacyJSON, err := legacy.MarshalJSON(msg)
		require.NoError(t, err, name)
		require.Contains(t, string(legacyJSON), `"type":"`+aminoName+`"`)
	}
}
