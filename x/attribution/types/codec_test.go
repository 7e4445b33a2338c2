package types_test

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

	"github.com/openledger/openledger/x/attribution/types"
)

// TestMessagesDeclareTheirSigners checks the cosmos.msg.v1.signer annotations
// the way the transaction pipeline reads them.
func TestMessagesDeclareTheirSigners(t *testing.T) {
	ac := addresscodec.NewBech32Codec("open")
	registry, err := codectypes.NewInterfaceRegistryWithOptions(codectypes.InterfaceRegistryOptions{
		ProtoFiles: proto.HybridResolver,
		SigningOptions: signing.Options{
			AddressCodec:          ac,
			ValidatorAddressCodec: addresscodec.NewBech32Codec("openvaloper"),
		},
	})
	require.NoError(t, err)
	types.RegisterInterfaces(registry)
	cdc := codec.NewProtoCodec(registry)
	require.NoError(t, msgservice.ValidateProtoAnnotations(registry))

	signer := sdk.AccAddress("signer______________")
	s, err := ac.BytesToString(signer)
	require.NoError(t, err)
	for _, msg := range []sdk.Msg{
		&types.MsgClaimRewards{Claimant: s},
		&types.MsgChallengeAttribution{Challenger: s},
		&types.MsgVoteChallenge{Attestor: s},
		&types.MsgUpdateParams{Authority: s},
	} {
		signers, _, err := cdc.GetMsgV1Signers(msg)
		require.NoError(t, err, proto.MessageName(msg))
		require.Equal(t, [][]byte{signer}, signers, proto.MessageName(msg))
	}

	// Amino names are registered without clashes.
	types.RegisterLegacyAminoCodec(codec.NewLegacyAmino())
}
