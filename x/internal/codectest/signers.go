// Package codectest checks a module's message registrations the way the
// transaction pipeline reads them, so every module tests them alike.
package codectest

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	protov2 "google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/types/dynamicpb"

	"github.com/cosmos/gogoproto/proto"

	"github.com/cosmos/cosmos-sdk/codec"
	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/msgservice"
	"github.com/cosmos/cosmos-sdk/x/tx/signing"
	"github.com/cosmos/cosmos-sdk/x/tx/signing/aminojson"
)

// Signer is the account whose address a test puts in every message's signer
// field.
var Signer = sdk.AccAddress("signer______________")

var accountCodec = addresscodec.NewBech32Codec("open")

// SignerString is Signer in bech32 (open1...).
func SignerString(t *testing.T) string {
	t.Helper()
	s, err := accountCodec.BytesToString(Signer)
	require.NoError(t, err)
	return s
}

// RequireSigners registers a module's interfaces and amino names as the app
// does, checks the proto annotations of every registered message, and
// requires that each of msgs (with SignerString in its signer field) is
// signed by Signer alone.
func RequireSigners(t *testing.T, registerInterfaces func(codectypes.InterfaceRegistry), registerAmino func(*codec.LegacyAmino), msgs ...sdk.Msg) {
	t.Helper()
	registry, err := codectypes.NewInterfaceRegistryWithOptions(codectypes.InterfaceRegistryOptions{
		ProtoFiles: proto.HybridResolver,
		SigningOptions: signing.Options{
			AddressCodec:          accountCodec,
			ValidatorAddressCodec: addresscodec.NewBech32Codec("openvaloper"),
		},
	})
	require.NoError(t, err)
	registerInterfaces(registry)
	require.NoError(t, msgservice.ValidateProtoAnnotations(registry))
	cdc := codec.NewProtoCodec(registry)
	for _, msg := range msgs {
		_, err := registry.Resolve(sdk.MsgTypeURL(msg))
		require.NoError(t, err, sdk.MsgTypeURL(msg))
		signers, _, err := cdc.GetMsgV1Signers(msg)
		require.NoError(t, err, proto.MessageName(msg))
		require.Equal(t, [][]byte{Signer}, signers, proto.MessageName(msg))
	}
	// Amino names must not clash: registering them twice in one codec panics.
	require.NotPanics(t, func() { registerAmino(codec.NewLegacyAmino()) })
}

// RequireAminoJSON encodes every message the way SIGN_MODE_LEGACY_AMINO_JSON
// (Ledger) does and checks that the amino name of each, from tx.proto, is
// "<module>/<message>" and is the one registered with the legacy amino
// codec.
func RequireAminoJSON(t *testing.T, registerAmino func(*codec.LegacyAmino), module string, msgs ...sdk.Msg) {
	t.Helper()
	legacy := codec.NewLegacyAmino()
	registerAmino(legacy)
	enc := aminojson.NewEncoder(aminojson.EncoderOptions{FileResolver: proto.HybridResolver})
	for _, msg := range msgs {
		name := proto.MessageName(msg)
		desc, err := proto.HybridResolver.FindDescriptorByName(protoreflect.FullName(name))
		require.NoError(t, err, name)
		dyn := dynamicpb.NewMessage(desc.(protoreflect.MessageDescriptor))
		bz, err := proto.Marshal(msg)
		require.NoError(t, err)
		require.NoError(t, protov2.Unmarshal(bz, dyn))

		out, err := enc.Marshal(dyn)
		require.NoError(t, err, name)
		aminoName := module + "/" + strings.TrimPrefix(name, "openledger."+module+".v1.")
		require.Contains(t, string(out), `"type":"`+aminoName+`"`, string(out))

		legacyJSON, err := legacy.MarshalJSON(msg)
		require.NoError(t, err, name)
		require.Contains(t, string(legacyJSON), `"type":"`+aminoName+`"`)
	}
}

// RequireMessages checks every message of a module the way the transaction
// pipeline reads it, from one list: RequireSigners (each message holds
// SignerString in its signer field) and RequireAminoJSON.
func RequireMessages(
	t *testing.T, registerInterfaces func(codectypes.InterfaceRegistry), registerAmino func(*codec.LegacyAmino),
	module string, msgs ...sdk.Msg,
) {
	t.Helper()
	RequireSigners(t, registerInterfaces, registerAmino, msgs...)
	RequireAminoJSON(t, registerAmino, module, msgs...)
}
