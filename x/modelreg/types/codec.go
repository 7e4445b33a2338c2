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
	legacy.RegisterAminoMsg(cdc, &MsgRegisterModel{}, "modelreg/MsgRegisterModel")
	legacy.RegisterAminoMsg(cdc, &MsgUpdateModel{}, "modelreg/MsgUpdateModel")
	legacy.RegisterAminoMsg(cdc, &MsgDeprecateModel{}, "modelreg/MsgDeprecateModel")
	legacy.RegisterAminoMsg(cdc, &MsgRevokeModel{}, "modelreg/MsgRevokeModel")
	legacy.RegisterAminoMsg(cdc, &MsgTransferModelOwnership{}, "modelreg/MsgTransferModelOwnership")
	legacy.RegisterAminoMsg(cdc, &MsgUpdateParams{}, "modelreg/MsgUpdateParams")
	cdc.RegisterConcrete(&Params{}, "modelreg/Params", nil)
}

// RegisterInterfaces registers the messages as sdk.Msg implementations and
// the Msg service.
func RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	registry.RegisterImplementations((*sdk.Msg)(nil),
		&MsgRegisterModel{},
		&MsgUpdateModel{},
		&MsgDeprecateModel{},
		&MsgRevokeModel{},
		&MsgTransferModelOwnership{},
		&MsgUpdateParams{},
	)
	msgservice.RegisterMsgServiceDesc(registry, &_Msg_serviceDesc)
}
