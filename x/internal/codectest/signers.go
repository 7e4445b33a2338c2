// Package codectest checks a module's message registrations the way the
// transaction pipeline reads them, so every module tests them alike.
package codectest

import (
	"testing"

	"github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/codec"
	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/msgservice"
	"github.com/cosmos/cosmos-sdk/x/tx/signing"
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
