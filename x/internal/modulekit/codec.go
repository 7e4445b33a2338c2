package modulekit

import (
	"strings"

	"google.golang.org/grpc"

	"github.com/cosmos/gogoproto/proto"

	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/codec/legacy"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/msgservice"
)

// RegisterAminoMsgs registers a module's messages and params with the legacy
// amino codec, for amino JSON signing, under "<module>/<message name>": the
// amino.name every OpenLedger tx.proto gives its messages.
func RegisterAminoMsgs(cdc *codec.LegacyAmino, module string, params proto.Message, msgs ...sdk.Msg) {
	for _, m := range msgs {
		legacy.RegisterAminoMsg(cdc, m, aminoName(module, m))
	}
	cdc.RegisterConcrete(params, aminoName(module, params), nil)
}

// RegisterMsgs registers a module's messages as sdk.Msg implementations and
// its Msg service.
func RegisterMsgs(registry codectypes.InterfaceRegistry, service *grpc.ServiceDesc, msgs ...sdk.Msg) {
	registry.RegisterImplementations((*sdk.Msg)(nil), msgs...)
	msgservice.RegisterMsgServiceDesc(registry, service)
}

func aminoName(module string, m proto.Message) string {
	name := proto.MessageName(m)
	return module + "/" + name[strings.LastIndexByte(name, '.')+1:]
}
