package ibccredit

import (
	"errors"

	transfertypes "github.com/cosmos/ibc-go/v11/modules/apps/transfer/types"
	channeltypesv2 "github.com/cosmos/ibc-go/v11/modules/core/04-channel/v2/types"
	ibcapi "github.com/cosmos/ibc-go/v11/modules/core/api"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

var _ ibcapi.IBCModule = (*IBCMiddlewareV2)(nil)

// IBCMiddlewareV2 is the credit middleware for IBC v2 (client to client,
// no channel handshake): the same memo, the same rules. A failed receive
// makes core IBC discard the packet's writes and acknowledge with the error
// sentinel, so the sending chain refunds the sender.
type IBCMiddlewareV2 struct {
	app         ibcapi.IBCModule
	depositor   CreditDepositor
	creditDenom string
}

// NewIBCMiddlewareV2 wraps the IBC v2 transfer application.
func NewIBCMiddlewareV2(app ibcapi.IBCModule, depositor CreditDepositor, creditDenom string) *IBCMiddlewareV2 {
	if app == nil {
		panic(errors.New("ibccredit: nil underlying application"))
	}
	if depositor == nil {
		panic(errors.New("ibccredit: nil credit depositor"))
	}
	if err := sdk.ValidateDenom(creditDenom); err != nil {
		panic(err)
	}
	return &IBCMiddlewareV2{app: app, depositor: depositor, creditDenom: creditDenom}
}

// OnRecvPacket does what the IBC v1 middleware does, with client ids in
// place of channel ids.
func (im *IBCMiddlewareV2) OnRecvPacket(
	ctx sdk.Context, sourceClient, destinationClient string, sequence uint64, payload channeltypesv2.Payload, relayer sdk.AccAddress,
) channeltypesv2.RecvPacketResult {
	data, err := transfertypes.UnmarshalPacketData(payload.Value, payload.Version, payload.Encoding)
	if err != nil {
		return im.app.OnRecvPacket(ctx, sourceClient, destinationClient, sequence, payload, relayer)
	}
	action, coin, err := plan(im.creditDenom, data, payload.SourcePort, sourceClient)
	if err != nil {
		return im.fail(ctx, sequence, err)
	}
	result := im.app.OnRecvPacket(ctx, sourceClient, destinationClient, sequence, payload, relayer)
	if action == ActionNone || result.Status != channeltypesv2.PacketStatus_Success {
		return result
	}
	if err := deposit(ctx, im.depositor, data.Receiver, coin, sourceClient, destinationClient); err != nil {
		return im.fail(ctx, sequence, err)
	}
	return result
}

// fail is a failed receive; IBC v2's error acknowledgement is a fixed
// sentinel, so the reason goes to the node's log.
func (im *IBCMiddlewareV2) fail(ctx sdk.Context, sequence uint64, err error) channeltypesv2.RecvPacketResult {
	ctx.Logger().Info("ICS-20 v2 packet refused by the credit middleware", "sequence", sequence, "error", err.Error())
	return channeltypesv2.RecvPacketResult{Status: channeltypesv2.PacketStatus_Failure}
}

func (im *IBCMiddlewareV2) OnSendPacket(
	ctx sdk.Context, sourceClient, destinationClient string, sequence uint64, payload channeltypesv2.Payload, signer sdk.AccAddress,
) error {
	return im.app.OnSendPacket(ctx, sourceClient, destinationClient, sequence, payload, signer)
}

func (im *IBCMiddlewareV2) OnTimeoutPacket(
	ctx sdk.Context, sourceClient, destinationClient string, sequence uint64, payload channeltypesv2.Payload, relayer sdk.AccAddress,
) error {
	return im.app.OnTimeoutPacket(ctx, sourceClient, destinationClient, sequence, payload, relayer)
}

func (im *IBCMiddlewareV2) OnAcknowledgementPacket(
	ctx sdk.Context, sourceClient, destinationClient string, sequence uint64, acknowledgement []byte,
	payload channeltypesv2.Payload, relayer sdk.AccAddress,
) error {
	return im.app.OnAcknowledgementPacket(ctx, sourceClient, destinationClient, sequence, acknowledgement, payload, relayer)
}
