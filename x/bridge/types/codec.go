// Package types holds the messages, state types, params, errors and events
// of x/bridge, the hashing L1 verifies (EIP-712 digests, validator set
// hashes, withdrawal Merkle trees), and their codec registration.
package types

import (
	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/internal/modulekit"
)

// msgs are the module's messages, as tx.proto declares them.
func msgs() []sdk.Msg {
	return []sdk.Msg{
		&MsgRegisterEthKey{}, &MsgWithdraw{}, &MsgSubmitCheckpointSignature{}, &MsgAttestDeposit{},
		&MsgAttestCheckpointAccepted{}, &MsgSubmitBridgeEquivocation{}, &MsgUpdateParams{},
	}
}

// RegisterLegacyAminoCodec registers the messages and params under their
// amino names ("bridge/<name>"), for amino JSON signing.
func RegisterLegacyAminoCodec(cdc *codec.LegacyAmino) {
	modulekit.RegisterAminoMsgs(cdc, ModuleName, &Params{}, msgs()...)
}

// RegisterInterfaces registers the messages as sdk.Msg implementations and
// the Msg service.
func RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	modulekit.RegisterMsgs(registry, &_Msg_serviceDesc, msgs()...)
}
