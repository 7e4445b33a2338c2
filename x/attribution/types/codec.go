package types

import (
	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/codec/legacy"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/msgservice"
)

// RegisterLegacyAminoCodec registers the messages under their amino names
// (the same as the amino.name options in tx.proto), for amino JSON signing.
func RegisterLegacyAminoCodec(cdc *codec.LegacyAmino) {
	legacy.RegisterAminoMsg(cdc, &MsgClaimRewards{}, "attribution/MsgClaimRewards")
	legacy.RegisterAminoMsg(cdc, &MsgChallengeAttribution{}, "attribution/MsgChallengeAttribution")
	legacy.RegisterAminoMsg(cdc, &MsgVoteChallenge{}, "attribution/MsgVoteChallenge")
	legacy.RegisterAminoMsg(cdc, &MsgUpdateParams{}, "attribution/MsgUpdateParams")
	cdc.RegisterConcrete(&Params{}, "attribution/Params", nil)
}

// RegisterInterfaces registers the messages as sdk.Msg implementations and
// the Msg service.
func RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	registry.RegisterImplementations((*sdk.Msg)(nil),
		&MsgClaimRewards{},
		&MsgChallengeAttribution{},
		&MsgVoteChallenge{},
		&MsgUpdateParams{},
	)
	msgservice.RegisterMsgServiceDesc(registry, &_Msg_serviceDesc)
}
