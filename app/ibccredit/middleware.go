// Package ibccredit is an ICS-20 middleware that turns OPEN arriving over IBC
// into x/inferencefees inference credit when the transfer's memo asks for it:
//
//	{"openledger":{"deposit_credit":{}}}
//
// so that a user on another chain pays for inference with one transfer. The
// memo rules are in ParseMemo; a memo that does not address OpenLedger
// leaves the transfer a plain ICS-20 one.
package ibccredit

import (
	"context"
	"errors"

	transfertypes "github.com/cosmos/ibc-go/v11/modules/apps/transfer/types"
	clienttypes "github.com/cosmos/ibc-go/v11/modules/core/02-client/types"
	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"
	porttypes "github.com/cosmos/ibc-go/v11/modules/core/05-port/types"
	ibcexported "github.com/cosmos/ibc-go/v11/modules/core/exported"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	inferencefeestypes "github.com/openledger/openledger/x/inferencefees/types"
)

// CreditDepositor deposits coins an account holds as its inference credit:
// x/inferencefees' MsgDepositCredit handler, with its checks (an
// eth_secp256k1-style address, the OPEN denom, the minimum deposit).
type CreditDepositor interface {
	DepositCredit(ctx context.Context, msg *inferencefeestypes.MsgDepositCredit) (*inferencefeestypes.MsgDepositCreditResponse, error)
}

var (
	_ porttypes.Middleware              = (*IBCMiddleware)(nil)
	_ porttypes.PacketUnmarshalerModule = (*IBCMiddleware)(nil)
)

// IBCMiddleware wraps the transfer application. Only OnRecvPacket differs
// from the application below it; every other callback is passed through.
type IBCMiddleware struct {
	app         porttypes.PacketUnmarshalerModule
	ics4Wrapper porttypes.ICS4Wrapper
	depositor   CreditDepositor
	// creditDenom is the only denom credit is kept in (aopen).
	creditDenom string
}

// NewIBCMiddleware builds the middleware; SetUnderlyingApplication and
// SetICS4Wrapper complete it when the stack is assembled.
func NewIBCMiddleware(depositor CreditDepositor, creditDenom string) *IBCMiddleware {
	if depositor == nil {
		panic(errors.New("ibccredit: nil credit depositor"))
	}
	if err := sdk.ValidateDenom(creditDenom); err != nil {
		panic(err)
	}
	return &IBCMiddleware{depositor: depositor, creditDenom: creditDenom}
}

// SetUnderlyingApplication sets the application below this middleware, which
// must also decode its packets (the callbacks middleware above needs that).
func (im *IBCMiddleware) SetUnderlyingApplication(app porttypes.IBCModule) {
	if im.app != nil {
		panic(errors.New("ibccredit: underlying application already set"))
	}
	unmarshaler, ok := app.(porttypes.PacketUnmarshalerModule)
	if !ok {
		panic(errors.New("ibccredit: the underlying application must decode its packets"))
	}
	im.app = unmarshaler
}

// SetICS4Wrapper sets the wrapper packets are sent through (the middleware
// above, or the channel keeper).
func (im *IBCMiddleware) SetICS4Wrapper(wrapper porttypes.ICS4Wrapper) {
	if wrapper == nil {
		panic(errors.New("ibccredit: nil ICS4 wrapper"))
	}
	im.ics4Wrapper = wrapper
}

// OnRecvPacket lets the transfer application receive the coins, then, when
// the memo asks for credit, deposits them for the receiver. Any failure of
// the credit step returns an error acknowledgement: core IBC then discards
// every state change of this packet (the coins never reach the receiver) and
// the sending chain refunds the sender when it reads the acknowledgement.
func (im *IBCMiddleware) OnRecvPacket(
	ctx sdk.Context, channelVersion string, packet channeltypes.Packet, relayer sdk.AccAddress,
) ibcexported.Acknowledgement {
	data, err := transfertypes.UnmarshalPacketData(packet.GetData(), channelVersion, "")
	if err != nil {
		// Not ours to judge: the transfer application answers it.
		return im.app.OnRecvPacket(ctx, channelVersion, packet, relayer)
	}
	action, coin, err := plan(im.creditDenom, data, packet.SourcePort, packet.SourceChannel)
	if err != nil {
		return refuse(ctx, packet.Sequence, err)
	}
	ack := im.app.OnRecvPacket(ctx, channelVersion, packet, relayer)
	if action == ActionNone || !ack.Success() {
		return ack
	}
	if err := deposit(ctx, im.depositor, data.Receiver, coin, packet.SourceChannel, packet.DestinationChannel); err != nil {
		return refuse(ctx, packet.Sequence, err)
	}
	return ack
}

// refuse is the error acknowledgement of a refused packet. It carries only
// the error's code (a deterministic acknowledgement), so the reason goes to
// the node's log.
func refuse(ctx sdk.Context, sequence uint64, err error) ibcexported.Acknowledgement {
	ctx.Logger().Info("ICS-20 packet refused by the credit middleware", "sequence", sequence, "error", err.Error())
	return channeltypes.NewErrorAcknowledgement(err)
}

// plan reads a transfer's memo and, when it asks for credit, the coin this
// chain will hold after the transfer; it runs before the transfer does.
func plan(creditDenom string, data transfertypes.InternalTransferRepresentation, sourcePort, source string) (Action, sdk.Coin, error) {
	action, err := ParseMemo(data.Memo)
	if err != nil || action == ActionNone {
		return action, sdk.Coin{}, err
	}
	coin, err := receivedCredit(creditDenom, data.Token, sourcePort, source)
	return action, coin, err
}

// receivedCredit is the coin this chain will hold after the transfer, when
// that coin is OPEN coming home: its trace starts with the sending chain's
// end of the channel (IBC v1) or client (IBC v2) and nothing is left after
// removing that hop. A voucher of another chain's token cannot be credit.
func receivedCredit(creditDenom string, token transfertypes.Token, sourcePort, source string) (sdk.Coin, error) {
	denom := token.Denom
	if !denom.HasPrefix(sourcePort, source) {
		return sdk.Coin{}, errorsmod.Wrapf(ErrDenomNotCredit, "%s arrives as a voucher", denom.Path())
	}
	denom.Trace = denom.Trace[1:]
	if !denom.IsNative() || denom.Base != creditDenom {
		return sdk.Coin{}, errorsmod.Wrapf(ErrDenomNotCredit, "%s arrives as %s, not %s", token.Denom.Path(), denom.Path(), creditDenom)
	}
	amount, err := token.ToCoin()
	if err != nil {
		return sdk.Coin{}, errorsmod.Wrap(ErrInvalidMemo, err.Error())
	}
	return sdk.NewCoin(creditDenom, amount.Amount), nil
}

// deposit turns coins the receiver has just received into its credit.
func deposit(ctx sdk.Context, depositor CreditDepositor, receiver string, coin sdk.Coin, source, destination string) error {
	if _, err := depositor.DepositCredit(ctx, &inferencefeestypes.MsgDepositCredit{User: receiver, Amount: coin}); err != nil {
		return errorsmod.Wrapf(ErrDepositFailed, "%s for %s: %v", coin, receiver, err)
	}
	ctx.EventManager().EmitEvent(sdk.NewEvent(EventTypeCreditDeposited,
		sdk.NewAttribute(AttributeKeyReceiver, receiver),
		sdk.NewAttribute(AttributeKeyAmount, coin.String()),
		sdk.NewAttribute(AttributeKeySource, source),
		sdk.NewAttribute(AttributeKeyDestination, destination),
	))
	return nil
}

// Events of the middleware, beside x/inferencefees' own credit event. The
// source and destination are the channel ids (IBC v1) or client ids (IBC
// v2) of the packet.
const (
	EventTypeCreditDeposited = "ibc_credit_deposited"
	AttributeKeyReceiver     = "receiver"
	AttributeKeyAmount       = "amount"
	AttributeKeySource       = "source"
	AttributeKeyDestination  = "destination"
)

// The rest passes through to the application below.

func (im *IBCMiddleware) OnChanOpenInit(ctx sdk.Context, order channeltypes.Order, connectionHops []string,
	portID, channelID string, counterparty channeltypes.Counterparty, version string,
) (string, error) {
	return im.app.OnChanOpenInit(ctx, order, connectionHops, portID, channelID, counterparty, version)
}

func (im *IBCMiddleware) OnChanOpenTry(ctx sdk.Context, order channeltypes.Order, connectionHops []string,
	portID, channelID string, counterparty channeltypes.Counterparty, counterpartyVersion string,
) (string, error) {
	return im.app.OnChanOpenTry(ctx, order, connectionHops, portID, channelID, counterparty, counterpartyVersion)
}

func (im *IBCMiddleware) OnChanOpenAck(ctx sdk.Context, portID, channelID, counterpartyChannelID, counterpartyVersion string) error {
	return im.app.OnChanOpenAck(ctx, portID, channelID, counterpartyChannelID, counterpartyVersion)
}

func (im *IBCMiddleware) OnChanOpenConfirm(ctx sdk.Context, portID, channelID string) error {
	return im.app.OnChanOpenConfirm(ctx, portID, channelID)
}

func (im *IBCMiddleware) OnChanCloseInit(ctx sdk.Context, portID, channelID string) error {
	return im.app.OnChanCloseInit(ctx, portID, channelID)
}

func (im *IBCMiddleware) OnChanCloseConfirm(ctx sdk.Context, portID, channelID string) error {
	return im.app.OnChanCloseConfirm(ctx, portID, channelID)
}

func (im *IBCMiddleware) OnAcknowledgementPacket(ctx sdk.Context, channelVersion string, packet channeltypes.Packet,
	acknowledgement []byte, relayer sdk.AccAddress,
) error {
	return im.app.OnAcknowledgementPacket(ctx, channelVersion, packet, acknowledgement, relayer)
}

func (im *IBCMiddleware) OnTimeoutPacket(ctx sdk.Context, channelVersion string, packet channeltypes.Packet, relayer sdk.AccAddress) error {
	return im.app.OnTimeoutPacket(ctx, channelVersion, packet, relayer)
}

func (im *IBCMiddleware) UnmarshalPacketData(ctx sdk.Context, portID, channelID string, bz []byte) (any, string, error) {
	return im.app.UnmarshalPacketData(ctx, portID, channelID, bz)
}

func (im *IBCMiddleware) SendPacket(ctx sdk.Context, sourcePort, sourceChannel string,
	timeoutHeight clienttypes.Height, timeoutTimestamp uint64, data []byte,
) (uint64, error) {
	return im.ics4Wrapper.SendPacket(ctx, sourcePort, sourceChannel, timeoutHeight, timeoutTimestamp, data)
}

func (im *IBCMiddleware) WriteAcknowledgement(ctx sdk.Context, packet ibcexported.PacketI, ack ibcexported.Acknowledgement) error {
	return im.ics4Wrapper.WriteAcknowledgement(ctx, packet, ack)
}

func (im *IBCMiddleware) GetAppVersion(ctx sdk.Context, portID, channelID string) (string, bool) {
	return im.ics4Wrapper.GetAppVersion(ctx, portID, channelID)
}
