// Package types holds the messages, state types, params, errors and events
// of x/attribution, and their codec registration.
package types

import (
	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/internal/modulekit"
)

// msgs are the module's messages, as tx.proto declares them.
func msgs() []sdk.Msg {
	return []sdk.Msg{&MsgClaimRewards{}, &MsgChallengeAttribution{}, &MsgChallengeUsage{}, &MsgVoteChallenge{}, &MsgUpdateParams{}}
}

// RegisterLegacyAminoCodec registers the messages and params under their
// amino names ("attribution/<name>", the amino.name options in tx.proto), for amino
// JSON signing.
func RegisterLegacyAminoCodec(cdc *codec.LegacyAmino) {
	modulekit.RegisterAminoMsgs(cdc, ModuleName, &Params{}, msgs()...)
}

// RegisterInterfaces registers the messages as sdk.Msg implementations and
// the Msg service.
func RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	modulekit.RegisterMsgs(registry, &_Msg_serviceDesc, msgs()...)
}
