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
	legacy.RegisterAminoMsg(cdc, &MsgDepositCredit{}, "inferencefees/MsgDepositCredit")
	legacy.RegisterAminoMsg(cdc, &MsgRequestWithdrawal{}, "inferencefees/MsgRequestWithdrawal")
	legacy.RegisterAminoMsg(cdc, &MsgSettleBatch{}, "inferencefees/MsgSettleBatch")
	legacy.RegisterAminoMsg(cdc, &MsgPayInference{}, "inferencefees/MsgPayInference")
	legacy.RegisterAminoMsg(cdc, &MsgUpdateParams{}, "inferencefees/MsgUpdateParams")
	cdc.RegisterConcrete(&Params{}, "inferencefees/Params", nil)
}

// RegisterInterfaces registers the messages as sdk.Msg implementations and
// the Msg service.
func RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	registry.RegisterImplementations((*sdk.Msg)(nil),
		&MsgDepositCredit{},
		&MsgRequestWithdrawal{},
		&MsgSettleBatch{},
		&MsgPayInference{},
		&MsgUpdateParams{},
	)
	msgservice.RegisterMsgServiceDesc(registry, &_Msg_serviceDesc)
}
