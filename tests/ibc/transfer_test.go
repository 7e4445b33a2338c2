package ibc_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	dbm "github.com/cosmos/cosmos-db"
	srvflags "github.com/cosmos/evm/server/flags"
	evmibctesting "github.com/cosmos/evm/testutil/ibc"
	feemarkettypes "github.com/cosmos/evm/x/feemarket/types"
	transfertypes "github.com/cosmos/ibc-go/v11/modules/apps/transfer/types"
	clienttypes "github.com/cosmos/ibc-go/v11/modules/core/02-client/types"
	channeltypesv2 "github.com/cosmos/ibc-go/v11/modules/core/04-channel/v2/types"
	ibctesting "github.com/cosmos/ibc-go/v11/testing"

	"cosmossdk.io/log/v2"
	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/client/flags"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/app"
	"github.com/openledger/openledger/app/config"
)

// newOpenLedgerForIBC builds the OpenLedger side of an in-process IBC test.
// The test harness funds accounts in its own fee denom and pays fees in it,
// so the fee market's floor is lifted; OPEN (aopen) is what gets transferred.
func newOpenLedgerForIBC(t *testing.T) ibctesting.AppCreator {
	return func() (ibctesting.TestingApp, map[string]json.RawMessage) {
		openLedger := app.New(log.NewNopLogger(), dbm.NewMemDB(), true, simtestutil.AppOptionsMap{
			flags.FlagHome:      t.TempDir(),
			srvflags.EVMChainID: uint64(9001),
		})
		genesis := openLedger.DefaultGenesis()
		feemarketGenesis := feemarkettypes.DefaultGenesisState()
		feemarketGenesis.Params.NoBaseFee = true
		genesis[feemarkettypes.ModuleName] = openLedger.AppCodec().MustMarshalJSON(feemarketGenesis)
		return openLedger, genesis
	}
}

// TestTransferOPENToCosmosChainAndBack sends aopen over an ICS-20 channel to
// a Cosmos SDK chain (ibc-go's simapp), where it arrives as an IBC voucher,
// then sends the voucher back, and checks both sides at each step.
func TestTransferOPENToCosmosChainAndBack(t *testing.T) {
	coordinator := evmibctesting.NewCoordinator(t, 1, 1, newOpenLedgerForIBC(t))
	openLedgerChain := coordinator.GetChain(evmibctesting.GetEvmChainID(1))
	cosmosChain := coordinator.GetChain(evmibctesting.GetChainID(2))

	path := evmibctesting.NewTransferPath(openLedgerChain, cosmosChain)
	path.Setup()

	openLedger := openLedgerChain.App.(*app.OpenLedgerApp)
	cosmosApp := cosmosChain.GetSimApp()
	sender := openLedgerChain.SenderAccounts[1]
	senderAddress := sender.SenderAccount.GetAddress()
	receiverAddress := cosmosChain.SenderAccount.GetAddress()
	amount := config.OPEN(4) // the harness funds each account with 10 OPEN
	escrow := transfertypes.GetEscrowAddress(path.EndpointA.ChannelConfig.PortID, path.EndpointA.ChannelID)
	voucherDenom := transfertypes.NewDenom(config.BaseDenom,
		transfertypes.NewHop(path.EndpointB.ChannelConfig.PortID, path.EndpointB.ChannelID))

	openBalance := func(address sdk.AccAddress) math.Int {
		return openLedger.BankKeeper.GetBalance(openLedgerChain.GetContext(), address, config.BaseDenom).Amount
	}
	voucherBalance := func() math.Int {
		return cosmosApp.BankKeeper.GetBalance(cosmosChain.GetContext(), receiverAddress, voucherDenom.IBCDenom()).Amount
	}
	supplyBefore := openLedger.BankKeeper.GetSupply(openLedgerChain.GetContext(), config.BaseDenom).Amount
	senderBefore := openBalance(senderAddress)
	timeout := clienttypes.NewHeight(1, 110)

	// OpenLedger -> Cosmos chain: OPEN goes into escrow, a voucher is minted there.
	res, err := openLedgerChain.SendMsgsWithSender(sender, transfertypes.NewMsgTransfer(
		path.EndpointA.ChannelConfig.PortID, path.EndpointA.ChannelID, amount,
		senderAddress.String(), receiverAddress.String(), timeout, 0, ""))
	require.NoError(t, err)
	packet, err := evmibctesting.ParsePacketFromEvents(res.Events)
	require.NoError(t, err)
	require.NoError(t, path.RelayPacket(packet))

	require.Equal(t, senderBefore.Sub(amount.Amount), openBalance(senderAddress))
	require.Equal(t, amount.Amount, openBalance(escrow))
	require.Equal(t, amount.Amount, voucherBalance())
	// Escrow is not a burn: total OPEN is unchanged.
	require.Equal(t, supplyBefore, openLedger.BankKeeper.GetSupply(openLedgerChain.GetContext(), config.BaseDenom).Amount)

	// Cosmos chain -> OpenLedger: the voucher is burned there, OPEN leaves escrow.
	res, err = cosmosChain.SendMsgs(transfertypes.NewMsgTransfer(
		path.EndpointB.ChannelConfig.PortID, path.EndpointB.ChannelID,
		sdk.NewCoin(voucherDenom.IBCDenom(), amount.Amount),
		receiverAddress.String(), senderAddress.String(), timeout, 0, ""))
	require.NoError(t, err)
	packet, err = evmibctesting.ParsePacketFromEvents(res.Events)
	require.NoError(t, err)
	require.NoError(t, path.RelayPacket(packet))

	require.Equal(t, senderBefore, openBalance(senderAddress))
	require.True(t, openBalance(escrow).IsZero())
	require.True(t, voucherBalance().IsZero())
	require.True(t, cosmosApp.BankKeeper.GetSupply(cosmosChain.GetContext(), voucherDenom.IBCDenom()).Amount.IsZero())
	require.Equal(t, supplyBefore, openLedger.BankKeeper.GetSupply(openLedgerChain.GetContext(), config.BaseDenom).Amount)
}

// TestTransferOPENOverIBCv2AndBack does the same round trip over IBC v2
// (client-to-client, no channel handshake): the transfer v2 route.
func TestTransferOPENOverIBCv2AndBack(t *testing.T) {
	coordinator := evmibctesting.NewCoordinator(t, 1, 1, newOpenLedgerForIBC(t))
	openLedgerChain := coordinator.GetChain(evmibctesting.GetEvmChainID(1))
	cosmosChain := coordinator.GetChain(evmibctesting.GetChainID(2))

	path := evmibctesting.NewPath(openLedgerChain, cosmosChain)
	path.SetupV2()

	openLedger := openLedgerChain.App.(*app.OpenLedgerApp)
	cosmosApp := cosmosChain.GetSimApp()
	sender := openLedgerChain.SenderAccounts[1]
	receiver := evmibctesting.SenderAccount{SenderAccount: cosmosChain.SenderAccount, SenderPrivKey: cosmosChain.SenderPrivKey}
	amount := config.OPEN(3)
	escrow := transfertypes.GetEscrowAddress(transfertypes.PortID, path.EndpointA.ClientID)
	voucherDenom := transfertypes.NewDenom(config.BaseDenom, transfertypes.NewHop(transfertypes.PortID, path.EndpointB.ClientID))

	openBalance := func(address sdk.AccAddress) math.Int {
		return openLedger.BankKeeper.GetBalance(openLedgerChain.GetContext(), address, config.BaseDenom).Amount
	}
	voucherBalance := func() math.Int {
		return cosmosApp.BankKeeper.GetBalance(cosmosChain.GetContext(), receiver.SenderAccount.GetAddress(), voucherDenom.IBCDenom()).Amount
	}
	senderBefore := openBalance(sender.SenderAccount.GetAddress())

	payload := func(denom string, from, to sdk.AccAddress) channeltypesv2.Payload {
		data, err := transfertypes.MarshalPacketData(transfertypes.NewFungibleTokenPacketData(
			denom, amount.Amount.String(), from.String(), to.String(), ""), transfertypes.V1, transfertypes.EncodingProtobuf)
		require.NoError(t, err)
		return channeltypesv2.NewPayload(transfertypes.PortID, transfertypes.PortID, transfertypes.V1, transfertypes.EncodingProtobuf, data)
	}

	timeout := uint64(openLedgerChain.GetContext().BlockTime().Add(time.Hour).Unix())
	packet, err := path.EndpointA.MsgSendPacketWithSender(timeout,
		payload(config.BaseDenom, sender.SenderAccount.GetAddress(), receiver.SenderAccount.GetAddress()), sender)
	require.NoError(t, err)
	require.NoError(t, path.RelayPacketV2(packet))

	require.Equal(t, senderBefore.Sub(amount.Amount), openBalance(sender.SenderAccount.GetAddress()))
	require.Equal(t, amount.Amount, openBalance(escrow))
	require.Equal(t, amount.Amount, voucherBalance())

	timeout = uint64(cosmosChain.GetContext().BlockTime().Add(time.Hour).Unix())
	packet, err = path.EndpointB.MsgSendPacketWithSender(timeout,
		payload(voucherDenom.Path(), receiver.SenderAccount.GetAddress(), sender.SenderAccount.GetAddress()), receiver)
	require.NoError(t, err)
	require.NoError(t, path.RelayPacketV2(packet))

	require.Equal(t, senderBefore, openBalance(sender.SenderAccount.GetAddress()))
	require.True(t, openBalance(escrow).IsZero())
	require.True(t, voucherBalance().IsZero())
}
