package types_test

import (
	"strings"
	"testing"

	gogoproto "github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"
	protov2 "google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/types/dynamicpb"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/x/tx/signing/aminojson"

	"github.com/openledger/openledger/x/datanet/types"
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
		&types.MsgCreateDatanet{Owner: "o", Name: "n", Tags: []string{"t"}, Visibility: types.VISIBILITY_PUBLIC},
		&types.MsgUpdateDatanet{Owner: "o", DatanetId: 1},
		&types.MsgSetCurators{Owner: "o", DatanetId: 1, Curators: []string{"c"}},
		&types.MsgArchiveDatanet{Owner: "o", DatanetId: 1},
		&types.MsgTransferDatanetOwnership{Owner: "o", DatanetId: 1, NewOwner: "n"},
		&types.MsgSubmitContribution{Contributor: "c", DatanetId: 1, ContentHash: hash, SizeBytes: 3, InlineData: []byte("abc")},
		&types.MsgWithdrawContribution{Contributor: "c", ContributionId: 1},
		&types.MsgReviewContributions{Reviewer: "r", DatanetId: 1, Decisions: []types.ReviewDecision{{ContributionId: 1, Accept: true}}},
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
		aminoName := "datanet/" + strings.TrimPrefix(name, "openledger.datanet.v1.")
		require.Contains(t, string(out), `"type":"`+aminoName+`"`, string(out))

		legacyJSON, err := legacy.MarshalJSON(msg)
		require.NoError(t, err, name)
		require.Contains(t, string(legacyJSON), `"type":"`+aminoName+`"`)
	}
}
