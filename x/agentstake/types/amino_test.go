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

	"github.com/openledger/openledger/x/agentstake/types"
)

// TestAminoJSONSignBytes encodes every message the way SIGN_MODE_LEGACY_AMINO_JSON
// (Ledger) does, and checks that the amino names of tx.proto match those
// registered with the legacy amino codec.
func TestAminoJSONSignBytes(t *testing.T) {
	legacy := codec.NewLegacyAmino()
	types.RegisterLegacyAminoCodec(legacy)
	enc := aminojson.NewEncoder(aminojson.EncoderOptions{FileResolver: gogoproto.HybridResolver})

	root := make([]byte, 32)
	ss := types.SignedSettlement{ServingNode: "n", User: "u", Nonce: 1, CumulativeAmount: math.NewInt(5), BatchRoot: root, Signature: make([]byte, 65)}
	for _, msg := range []sdk.Msg{
		&types.MsgRegisterAgent{Owner: "o", Kind: types.AGENT_KIND_SERVING_NODE, ModelIds: []uint64{1}, Endpoint: "https://x", Stake: math.NewInt(1)},
		&types.MsgAddStake{Owner: "o", Operator: "p", Amount: math.NewInt(1)},
		&types.MsgUpdateAgent{Owner: "o", Operator: "p", ModelIds: []uint64{1, 2}},
		&types.MsgBeginUnbonding{Owner: "o", Operator: "p", Amount: math.NewInt(1)},
		&types.MsgUnjail{Owner: "o", Operator: "p"},
		&types.MsgSlashAgent{Authority: "a", Operator: "p", Reason: types.SLASH_REASON_GOVERNANCE, EvidenceRef: "r"},
		&types.MsgSubmitEquivocation{Submitter: "s", First: ss, Second: ss},
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
		aminoName := "agentstake/" + strings.TrimPrefix(name, "openledger.agentstake.v1.")
		require.Contains(t, string(out), `"type":"`+aminoName+`"`, string(out))

		legacyJSON, err := legacy.MarshalJSON(msg)
		require.NoError(t, err, name)
		require.Contains(t, string(legacyJSON), `"type":"`+aminoName+`"`)
	}
}
