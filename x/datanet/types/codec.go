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
	legacy.RegisterAminoMsg(cdc, &MsgCreateDatanet{}, "datanet/MsgCreateDatanet")
	legacy.RegisterAminoMsg(cdc, &MsgUpdateDatanet{}, "datanet/MsgUpdateDatanet")
	legacy.RegisterAminoMsg(cdc, &MsgSetCurators{}, "datanet/MsgSetCurators")
	legacy.RegisterAminoMsg(cdc, &MsgArchiveDatanet{}, "datanet/MsgArchiveDatanet")
	legacy.RegisterAminoMsg(cdc, &MsgTransferDatanetOwnership{}, "datanet/MsgTransferDatanetOwnership")
	legacy.RegisterAminoMsg(cdc, &MsgSubmitContribution{}, "datanet/MsgSubmitContribution")
	legacy.RegisterAminoMsg(cdc, &MsgWithdrawContribution{}, "datanet/MsgWithdrawContribution")
	legacy.RegisterAminoMsg(cdc, &MsgReviewContributions{}, "datanet/MsgReviewContributions")
	legacy.RegisterAminoMsg(cdc, &MsgUpdateParams{}, "datanet/MsgUpdateParams")
	cdc.RegisterConcrete(&Params{}, "datanet/Params", nil)
}

// RegisterInterfaces registers the messages as sdk.Msg implementations and
// the Msg service.
func RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	registry.RegisterImplementations((*sdk.Msg)(nil),
		&MsgCreateDatanet{},
		&MsgUpdateDatanet{},
		&MsgSetCurators{},
		&MsgArchiveDatanet{},
		&MsgTransferDatanetOwnership{},
		&MsgSubmitContribution{},
		&MsgWithdrawContribution{},
		&MsgReviewContributions{},
		&MsgUpdateParams{},
	)
	msgservice.RegisterMsgServiceDesc(registry, &_Msg_serviceDesc)
}
