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
	legacy.RegisterAminoMsg(cdc, &MsgRegisterAgent{}, "agentstake/MsgRegisterAgent")
	legacy.RegisterAminoMsg(cdc, &MsgAddStake{}, "agentstake/MsgAddStake")
	legacy.RegisterAminoMsg(cdc, &MsgUpdateAgent{}, "agentstake/MsgUpdateAgent")
	legacy.RegisterAminoMsg(cdc, &MsgBeginUnbonding{}, "agentstake/MsgBeginUnbonding")
	legacy.RegisterAminoMsg(cdc, &MsgUnjail{}, "agentstake/MsgUnjail")
	legacy.RegisterAminoMsg(cdc, &MsgSlashAgent{}, "agentstake/MsgSlashAgent")
	legacy.RegisterAminoMsg(cdc, &MsgSubmitEquivocation{}, "agentstake/MsgSubmitEquivocation")
	legacy.RegisterAminoMsg(cdc, &MsgUpdateParams{}, "agentstake/MsgUpdateParams")
	cdc.RegisterConcrete(&Params{}, "agentstake/Params", nil)
}

// RegisterInterfaces registers the messages as sdk.Msg implementations and
// the Msg service.
func RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	registry.RegisterImplementations((*sdk.Msg)(nil),
		&MsgRegisterAgent{},
		&MsgAddStake{},
		&MsgUpdateAgent{},
		&MsgBeginUnbonding{},
		&MsgUnjail{},
		&MsgSlashAgent{},
		&MsgSubmitEquivocation{},
		&MsgUpdateParams{},
	)
	msgservice.RegisterMsgServiceDesc(registry, &_Msg_serviceDesc)
}
