package ibc_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	evmibctesting "github.com/cosmos/evm/testutil/ibc"
	transfertypes "github.com/cosmos/ibc-go/v11/modules/apps/transfer/types"
	clienttypes "github.com/cosmos/ibc-go/v11/modules/core/02-client/types"
	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"
	channeltypesv2 "github.com/cosmos/ibc-go/v11/modules/core/04-channel/v2/types"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/app"
	"github.com/openledger/openledger/app/config"
)

const creditMemo = `{"openledger":{"deposit_credit":{}}}`

// creditFixture is OpenLedger and ibc-go's simapp joined by a transfer
// channel, with OPEN already sent to the other chain so that it can come
// back with a memo.
type creditFixture struct {
	t            *testing.T
	path         *evmibctesting.Path
	openLedger   *app.OpenLedgerApp
	olChain      *evmibctesting.TestChain
	cosmosChain  *evmibctesting.TestChain
	remote       sdk.AccAddress // holds the OPEN vouchers on the other chain
	voucherDenom transfertypes.Denom
	escrow       sdk.AccAddress
}

func newCreditFixture(t *testing.T, outbound sdk.Coin) *creditFixture {
	coordinator := evmibctesting.NewCoordinator(t, 1, 1, newOpenLedgerForIBC(t))
	f := &creditFixture{
		t:           t,
		olChain:     coordinator.GetChain(evmibctesting.GetEvmChainID(1)),
		cosmosChain: coordinator.GetChain(evmibctesting.GetChainID(2)),
	}
	f.path = evmibctesting.NewTransferPath(f.olChain, f.cosmosChain)
	f.path.Setup()
	f.openLedger = f.olChain.App.(*app.OpenLedgerApp)
	f.remote = f.cosmosChain.SenderAccount.GetAddress()
	f.voucherDenom = transfertypes.NewDenom(config.BaseDenom,
		transfertypes.NewHop(f.path.EndpointB.ChannelConfig.PortID, f.path.EndpointB.ChannelID))
	f.escrow = transfertypes.GetEscrowAddress(f.path.EndpointA.ChannelConfig.PortID, f.path.EndpointA.ChannelID)

	sender := f.olChain.SenderAccounts[1]
	res, err := f.olChain.SendMsgsWithSender(sender, transfertypes.NewMsgTransfer(
		f.path.EndpointA.ChannelConfig.PortID, f.path.EndpointA.ChannelID, outbound,
		sender.SenderAccount.GetAddress().String(), f.remote.String(), clienttypes.NewHeight(1, 1000), 0, ""))
	require.NoError(t, err)
	packet, err := evmibctesting.ParsePacketFromEvents(res.Events)
	require.NoError(t, err)
	require.NoError(t, f.path.RelayPacket(packet))
	require.Equal(t, outbound.Amount, f.voucherBalance())
	return f
}

// sendHome sends coin from the other chain to receiver on OpenLedger with a
// memo, relays it and returns the acknowledgement OpenLedger wrote.
func (f *creditFixture) sendHome(coin sdk.Coin, receiver sdk.AccAddress, memo string) channeltypes.Acknowledgement {
	f.t.Helper()
	res, err := f.cosmosChain.SendMsgs(transfertypes.NewMsgTransfer(
		f.path.EndpointB.ChannelConfig.PortID, f.path.EndpointB.ChannelID, coin,
		f.remote.String(), receiver.String(), clienttypes.NewHeight(1, 1000), 0, memo))
	require.NoError(f.t, err)
	packet, err := evmibctesting.ParsePacketFromEvents(res.Events)
	require.NoError(f.t, err)
	_, ackBytes, err := f.path.RelayPacketWithResults(packet)
	require.NoError(f.t, err)
	var ack channeltypes.Acknowledgement
	require.NoError(f.t, transfertypes.ModuleCdc.UnmarshalJSON(ackBytes, &ack))
	return ack
}

func (f *creditFixture) voucherBalance() math.Int {
	return f.cosmosChain.GetSimApp().BankKeeper.GetBalance(f.cosmosChain.GetContext(), f.remote, f.voucherDenom.IBCDenom()).Amount
}

func (f *creditFixture) openBalance(address sdk.AccAddress) math.Int {
	return f.openLedger.BankKeeper.GetBalance(f.olChain.GetContext(), address, config.BaseDenom).Amount
}

func (f *creditFixture) credit(address sdk.AccAddress) math.Int {
	credit, err := f.openLedger.InferencefeesKeeper.GetCredit(f.olChain.GetContext(), address)
	require.NoError(f.t, err)
	return credit.Balance
}

func (f *creditFixture) supply() math.Int {
	return f.openLedger.BankKeeper.GetSupply(f.olChain.GetContext(), config.BaseDenom).Amount
}

// TestCreditMemoDepositsArrivingOPENAsCredit: OPEN coming home with the
// credit memo lands in the receiver's inference credit, not its balance.
func TestCreditMemoDepositsArrivingOPENAsCredit(t *testing.T) {
	// ARRANGE
	f := newCreditFixture(t, config.OPEN(5))
	receiver := f.olChain.SenderAccounts[2].SenderAccount.GetAddress()
	balanceBefore, supplyBefore := f.openBalance(receiver), f.supply()
	require.True(t, f.credit(receiver).IsZero())

	// ACT
	ack := f.sendHome(sdk.NewCoin(f.voucherDenom.IBCDenom(), config.OPEN(2).Amount), receiver, creditMemo)

	// ASSERT
	require.True(t, ack.Success(), ack.GetError())
	require.Equal(t, config.OPEN(2).Amount, f.credit(receiver))
	require.Equal(t, balanceBefore, f.openBalance(receiver))
	require.Equal(t, config.OPEN(3).Amount, f.openBalance(f.escrow))
	require.Equal(t, config.OPEN(3).Amount, f.voucherBalance())
	require.Equal(t, supplyBefore, f.supply())
	// A second deposit adds to the first.
	ack = f.sendHome(sdk.NewCoin(f.voucherDenom.IBCDenom(), config.OPEN(1).Amount), receiver, creditMemo)
	require.True(t, ack.Success(), ack.GetError())
	require.Equal(t, config.OPEN(3).Amount, f.credit(receiver))
}

// TestMemosNotAddressedToOpenLedgerArePlainTransfers: free text and other
// middlewares' JSON leave the coins with the receiver.
func TestMemosNotAddressedToOpenLedgerArePlainTransfers(t *testing.T) {
	for _, tc := range []struct{ name, memo string }{
		{"Success - empty memo", ""},
		{"Success - free text", "thanks for lunch"},
		{"Success - another middleware's JSON", `{"forward":{"receiver":"x","port":"transfer","channel":"channel-9"}}`},
		{"Success - a JSON array", `[1,2]`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newCreditFixture(t, config.OPEN(2))
			receiver := f.olChain.SenderAccounts[2].SenderAccount.GetAddress()
			before := f.openBalance(receiver)

			ack := f.sendHome(sdk.NewCoin(f.voucherDenom.IBCDenom(), config.OPEN(1).Amount), receiver, tc.memo)

			require.True(t, ack.Success(), ack.GetError())
			require.Equal(t, before.Add(config.OPEN(1).Amount), f.openBalance(receiver))
			require.True(t, f.credit(receiver).IsZero())
			require.Equal(t, config.OPEN(1).Amount, f.voucherBalance())
		})
	}
}

// TestBadCreditMemosRefundTheSender: a memo addressed to OpenLedger that it
// cannot honour fails the packet; the other chain refunds the sender and
// nothing changes on OpenLedger.
func TestBadCreditMemosRefundTheSender(t *testing.T) {
	for _, tc := range []struct {
		name, memo string
		amount     math.Int
	}{
		{"Failure - unknown action", `{"openledger":{"stake":{}}}`, config.OPEN(1).Amount},
		{"Failure - options on deposit_credit", `{"openledger":{"deposit_credit":{"to":"someone"}}}`, config.OPEN(1).Amount},
		{"Failure - deposit_credit not an object", `{"openledger":{"deposit_credit":1}}`, config.OPEN(1).Amount},
		{"Failure - no action", `{"openledger":{}}`, config.OPEN(1).Amount},
		{"Failure - openledger is a string", `{"openledger":"deposit_credit"}`, config.OPEN(1).Amount},
		{"Failure - openledger is null", `{"openledger":null}`, config.OPEN(1).Amount},
		{"Failure - below the minimum deposit", creditMemo, math.NewInt(1000)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newCreditFixture(t, config.OPEN(2))
			receiver := f.olChain.SenderAccounts[2].SenderAccount.GetAddress()
			before, supplyBefore := f.openBalance(receiver), f.supply()

			ack := f.sendHome(sdk.NewCoin(f.voucherDenom.IBCDenom(), tc.amount), receiver, tc.memo)

			require.False(t, ack.Success())
			require.Equal(t, config.OPEN(2).Amount, f.voucherBalance(), "the sender is refunded")
			require.Equal(t, config.OPEN(2).Amount, f.openBalance(f.escrow), "escrow is untouched")
			require.Equal(t, before, f.openBalance(receiver))
			require.True(t, f.credit(receiver).IsZero())
			require.Equal(t, supplyBefore, f.supply())
		})
	}
}

// TestCreditMemoRefusesOtherTokens: another chain's token cannot become
// credit; the packet fails and its sender keeps the token.
func TestCreditMemoRefusesOtherTokens(t *testing.T) {
	f := newCreditFixture(t, config.OPEN(1))
	receiver := f.olChain.SenderAccounts[2].SenderAccount.GetAddress()
	cosmosBank := f.cosmosChain.GetSimApp().BankKeeper
	before := cosmosBank.GetBalance(f.cosmosChain.GetContext(), f.remote, sdk.DefaultBondDenom).Amount

	ack := f.sendHome(sdk.NewCoin(sdk.DefaultBondDenom, math.NewInt(5_000_000)), receiver, creditMemo)

	require.False(t, ack.Success())
	// The sender paid no fee in this harness's simapp: its balance is whole again.
	require.Equal(t, before, cosmosBank.GetBalance(f.cosmosChain.GetContext(), f.remote, sdk.DefaultBondDenom).Amount)
	require.True(t, f.credit(receiver).IsZero())
	voucher := transfertypes.NewDenom(sdk.DefaultBondDenom,
		transfertypes.NewHop(f.path.EndpointA.ChannelConfig.PortID, f.path.EndpointA.ChannelID))
	require.True(t, f.openLedger.BankKeeper.GetSupply(f.olChain.GetContext(), voucher.IBCDenom()).Amount.IsZero())
}

// TestCreditMemoOverIBCv2: the same memo over IBC v2 (client to client)
// becomes credit, and a bad one fails the packet and refunds the sender.
func TestCreditMemoOverIBCv2(t *testing.T) {
	// ARRANGE: 4 OPEN on the other chain, sent over IBC v2.
	coordinator := evmibctesting.NewCoordinator(t, 1, 1, newOpenLedgerForIBC(t))
	olChain := coordinator.GetChain(evmibctesting.GetEvmChainID(1))
	cosmosChain := coordinator.GetChain(evmibctesting.GetChainID(2))
	path := evmibctesting.NewPath(olChain, cosmosChain)
	path.SetupV2()
	openLedger := olChain.App.(*app.OpenLedgerApp)
	sender := olChain.SenderAccounts[1]
	remote := evmibctesting.SenderAccount{SenderAccount: cosmosChain.SenderAccount, SenderPrivKey: cosmosChain.SenderPrivKey}
	receiver := olChain.SenderAccounts[2].SenderAccount.GetAddress()
	voucherDenom := transfertypes.NewDenom(config.BaseDenom, transfertypes.NewHop(transfertypes.PortID, path.EndpointB.ClientID))
	escrow := transfertypes.GetEscrowAddress(transfertypes.PortID, path.EndpointA.ClientID)
	payload := func(denom string, amount math.Int, from, to sdk.AccAddress, memo string) channeltypesv2.Payload {
		data, err := transfertypes.MarshalPacketData(transfertypes.NewFungibleTokenPacketData(
			denom, amount.String(), from.String(), to.String(), memo), transfertypes.V1, transfertypes.EncodingProtobuf)
		require.NoError(t, err)
		return channeltypesv2.NewPayload(transfertypes.PortID, transfertypes.PortID, transfertypes.V1, transfertypes.EncodingProtobuf, data)
	}
	timeout := uint64(olChain.GetContext().BlockTime().Add(time.Hour).Unix())
	packet, err := path.EndpointA.MsgSendPacketWithSender(timeout,
		payload(config.BaseDenom, config.OPEN(4).Amount, sender.SenderAccount.GetAddress(), remote.SenderAccount.GetAddress(), ""), sender)
	require.NoError(t, err)
	require.NoError(t, path.RelayPacketV2(packet))
	vouchers := func() math.Int {
		return cosmosChain.GetSimApp().BankKeeper.GetBalance(cosmosChain.GetContext(), remote.SenderAccount.GetAddress(), voucherDenom.IBCDenom()).Amount
	}
	creditOf := func() math.Int {
		c, err := openLedger.InferencefeesKeeper.GetCredit(olChain.GetContext(), receiver)
		require.NoError(t, err)
		return c.Balance
	}
	balanceBefore := openLedger.BankKeeper.GetBalance(olChain.GetContext(), receiver, config.BaseDenom).Amount
	sendHome := func(amount math.Int, memo string) {
		timeout := uint64(cosmosChain.GetContext().BlockTime().Add(time.Hour).Unix())
		packet, err := path.EndpointB.MsgSendPacketWithSender(timeout,
			payload(voucherDenom.Path(), amount, remote.SenderAccount.GetAddress(), receiver, memo), remote)
		require.NoError(t, err)
		require.NoError(t, path.RelayPacketV2(packet))
	}

	// ACT and ASSERT: a bad memo is refunded on the other chain.
	sendHome(config.OPEN(1).Amount, `{"openledger":{"deposit_credit":{"to":"x"}}}`)
	require.Equal(t, config.OPEN(4).Amount, vouchers())
	require.Equal(t, config.OPEN(4).Amount, openLedger.BankKeeper.GetBalance(olChain.GetContext(), escrow, config.BaseDenom).Amount)
	require.True(t, creditOf().IsZero())

	// The credit memo deposits what arrives.
	sendHome(config.OPEN(3).Amount, creditMemo)
	require.Equal(t, config.OPEN(1).Amount, vouchers())
	require.Equal(t, config.OPEN(3).Amount, creditOf())
	require.Equal(t, balanceBefore, openLedger.BankKeeper.GetBalance(olChain.GetContext(), receiver, config.BaseDenom).Amount)
	require.Equal(t, config.OPEN(1).Amount, openLedger.BankKeeper.GetBalance(olChain.GetContext(), escrow, config.BaseDenom).Amount)
}
