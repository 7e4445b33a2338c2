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

	"github.com/openledger/openledger/x/attribution/types"
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
		&types.MsgClaimRewards{Claimant: "c"},
		&types.MsgChallengeAttribution{
			Challenger: "c", RecordId: 1,
			Receipt:   types.Receipt{User: "u", ModelID: 2, OutputHash: hash, Weights: []types.ContributionWeight{{ContributionId: 1, Ppm: 5}}},
			LeafIndex: 1, LeafCount: 2, Proof: [][]byte{hash},
			RecomputedWeights: []types.ContributionWeight{{ContributionId: 1, Ppm: 6}},
		},
		&types.MsgVoteChallenge{Attestor: "a", ChallengeId: 1, Uphold: true},
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
		aminoName := "attribution/" + strings.TrimPrefix(name, "openledger.attribution.v1.")
		require.Contains(t, string(out), `"type":"`+aminoName+`"`, string(out))

		legacyJSON, err := legacy.MarshalJSON(msg)
		require.NoError(t, err, name)
		require.Contains(t, string(legacyJSON), `"type":"`+aminoName+`"`)
	}
}
