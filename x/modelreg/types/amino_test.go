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

	"github.com/openledger/openledger/x/modelreg/types"
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
		&types.MsgRegisterModel{
			Owner: "o", Name: "n", Kind: types.MODEL_KIND_LORA_ADAPTER, BaseModelId: 1,
			Artifact: types.Artifact{Uri: "ipfs://x", Sha256: hash, SizeBytes: 1, Format: types.ARTIFACT_FORMAT_PEFT_ADAPTER},
			Training: types.TrainingRecord{
				Datasets:        []types.DatasetRef{{DatanetId: 1, Version: 1, Root: hash}},
				Hyperparameters: []types.KeyValue{{Key: "rank", Value: "16"}},
			},
			EvalMetrics: []types.Metric{{Name: "mmlu", Value: "0.500000"}},
			Price:       types.Price{PerCall: math.NewInt(1), Per_1KTokens: math.ZeroInt()},
		},
		&types.MsgUpdateModel{Owner: "o", ModelId: 1, Price: types.Price{PerCall: math.NewInt(1), Per_1KTokens: math.NewInt(2)}},
		&types.MsgDeprecateModel{Owner: "o", ModelId: 1},
		&types.MsgRevokeModel{Signer: "s", ModelId: 1, Reason: "r"},
		&types.MsgTransferModelOwnership{Owner: "o", ModelId: 1, NewOwner: "n"},
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
		aminoName := "modelreg/" + strings.TrimPrefix(name, "openledger.modelreg.v1.")
		require.Contains(t, string(out), `"type":"`+aminoName+`"`, string(out))

		legacyJSON, err := legacy.MarshalJSON(msg)
		require.NoError(t, err, name)
		require.Contains(t, string(legacyJSON), `"type":"`+aminoName+`"`)
	}
}
