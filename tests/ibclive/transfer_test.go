//go:build ibclive

package ibclive_test

import (
	"context"
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	transfertypes "github.com/cosmos/ibc-go/v11/modules/apps/transfer/types"

	"cosmossdk.io/math"
)

// ledger is what the tests check on both chains at every step.
type ledger struct {
	olSender     math.Int // the OpenLedger account that sends or receives OPEN
	olSupply     math.Int // aopen's total supply on OpenLedger
	olEscrow     math.Int // aopen in ICS-20 escrow on OpenLedger
	simdUser     math.Int // the user's OPEN vouchers on simd
	simdVouchers math.Int // the OPEN vouchers' total supply on simd
	olSenderFees int64    // OpenLedger transactions the sender paid for since the snapshot
	inFlight     math.Int // OPEN escrowed for packets not yet received (nil: none)
}

func snapshot(t *testing.T, olAddress string) ledger {
	t.Helper()
	voucher := openVoucher().IBCDenom()
	return ledger{
		olSender:     openLedger.balance(t, olAddress, "aopen"),
		olSupply:     openLedger.supply(t, "aopen"),
		olEscrow:     openLedger.totalEscrow(t, "aopen"),
		simdUser:     simd.balance(t, simdUser, voucher),
		simdVouchers: simd.supply(t, voucher),
	}
}

// requireLedger checks both chains against the expected ledger and the
// invariants of ICS-20 over one channel: OPEN is never minted or burned on
// OpenLedger, and every voucher on simd is backed by OPEN in escrow.
func requireLedger(t *testing.T, step, olAddress string, want ledger) {
	t.Helper()
	got := snapshot(t, olAddress)
	fee, ok := math.NewIntFromString(olFee)
	require.True(t, ok)
	wantSender := want.olSender.Sub(fee.MulRaw(want.olSenderFees))
	require.Equal(t, wantSender.String(), got.olSender.String(), "%s: the OpenLedger account", step)
	require.Equal(t, want.olSupply.String(), got.olSupply.String(), "%s: OpenLedger's total supply of aopen", step)
	require.Equal(t, want.olEscrow.String(), got.olEscrow.String(), "%s: aopen in escrow", step)
	require.Equal(t, want.simdUser.String(), got.simdUser.String(), "%s: the simd user's OPEN vouchers", step)
	require.Equal(t, want.simdVouchers.String(), got.simdVouchers.String(), "%s: OPEN vouchers on simd", step)
	inFlight := math.ZeroInt()
	if !want.inFlight.IsNil() {
		inFlight = want.inFlight
	}
	require.Equal(t, got.olEscrow.String(), got.simdVouchers.Add(inFlight).String(),
		"%s: escrowed OPEN backs every voucher and every packet in flight", step)
}

// TestOPENToSimdAndBack sends OPEN to simd, where it arrives as the voucher
// ibc/hash(transfer/channel-0/aopen), and back, checking both chains after
// each acknowledgement.
func TestOPENToSimdAndBack(t *testing.T) {
	sender, err := openLedger.keyAddress("dev0")
	require.NoError(t, err)
	amount := openAmount(5)
	want := snapshot(t, sender)

	// OpenLedger -> simd: OPEN goes into escrow, simd mints the voucher.
	sequence := openLedger.nextSequence(t)
	openLedger.transfer(t, "dev0", simdUser, amount.String()+"aopen")
	openLedger.waitAcked(t, sequence)
	want.olSender = want.olSender.Sub(amount)
	want.olSenderFees++
	want.olEscrow = want.olEscrow.Add(amount)
	want.simdUser = want.simdUser.Add(amount)
	want.simdVouchers = want.simdVouchers.Add(amount)
	requireLedger(t, "after sending OPEN to simd", sender, want)

	// The voucher's denom on simd traces back to aopen through the channel.
	denom, err := transfertypes.NewQueryClient(simd.conn).Denom(context.Background(),
		&transfertypes.QueryDenomRequest{Hash: openVoucher().Hash().String()})
	require.NoError(t, err)
	require.Equal(t, "aopen", denom.Denom.Base)
	require.Equal(t, "transfer/"+simdChannel+"/aopen", denom.Denom.Path())

	// simd -> OpenLedger: the voucher is burned, OPEN leaves escrow.
	sequence = simd.nextSequence(t)
	simd.transfer(t, "user", sender, amount.String()+openVoucher().IBCDenom())
	simd.waitAcked(t, sequence)
	want.olSender = want.olSender.Add(amount)
	want.olEscrow = want.olEscrow.Sub(amount)
	want.simdUser = want.simdUser.Sub(amount)
	want.simdVouchers = want.simdVouchers.Sub(amount)
	requireLedger(t, "after sending the vouchers back", sender, want)
}

// TestTimedOutPacketIsRefunded sends OPEN while no relayer runs, with a
// timeout a few seconds ahead on simd's clock; once simd is past it, the
// restarted relayer proves the packet was never received and OpenLedger
// refunds the sender.
func TestTimedOutPacketIsRefunded(t *testing.T) {
	sender, err := openLedger.keyAddress("dev1")
	require.NoError(t, err)
	want := snapshot(t, sender)

	require.NoError(t, relayer.kill())
	restarted := false
	defer func() {
		if !restarted {
			require.NoError(t, relayer.start())
		}
	}()
	_, simdTime, err := simd.status()
	require.NoError(t, err)
	timeout := simdTime.Add(8 * time.Second)
	sequence := openLedger.nextSequence(t)
	openLedger.transfer(t, "dev1", simdUser, openAmount(2).String()+"aopen",
		"--absolute-timeouts", "--packet-timeout-height", "0-0",
		"--packet-timeout-timestamp", strconv.FormatInt(timeout.UnixNano(), 10))
	want.olSenderFees++
	requireLedger(t, "in flight", sender, ledger{
		olSender: want.olSender.Sub(openAmount(2)), olSenderFees: want.olSenderFees, olSupply: want.olSupply,
		olEscrow: want.olEscrow.Add(openAmount(2)), simdUser: want.simdUser, simdVouchers: want.simdVouchers,
		inFlight: openAmount(2),
	})

	waitFor(t, time.Minute, "simd's clock to pass the packet's timeout", func() bool {
		_, now, err := simd.status()
		return err == nil && now.After(timeout)
	})
	require.NoError(t, relayer.start())
	restarted = true
	openLedger.waitAcked(t, sequence)
	requireLedger(t, "after the timeout", sender, want)
}

// TestRelayerRestartRelaysPendingPackets kills the relayer with packets in
// flight both ways, sends more while it is down, and restarts it: every
// packet is relayed exactly once.
func TestRelayerRestartRelaysPendingPackets(t *testing.T) {
	account, err := openLedger.keyAddress("dev2")
	require.NoError(t, err)
	want := snapshot(t, account)
	voucher := openVoucher().IBCDenom()
	olSequences, simdSequences := []uint64{}, []uint64{}
	send := func(amount int64) {
		olSequences = append(olSequences, openLedger.nextSequence(t))
		openLedger.transfer(t, "dev2", simdUser, openAmount(amount).String()+"aopen")
		want.olSender = want.olSender.Sub(openAmount(amount))
		want.olSenderFees++
		want.olEscrow = want.olEscrow.Add(openAmount(amount))
		want.simdUser = want.simdUser.Add(openAmount(amount))
		want.simdVouchers = want.simdVouchers.Add(openAmount(amount))
	}
	sendBack := func(amount int64) {
		simdSequences = append(simdSequences, simd.nextSequence(t))
		simd.transfer(t, "user", account, openAmount(amount).String()+voucher)
		want.olSender = want.olSender.Add(openAmount(amount))
		want.olEscrow = want.olEscrow.Sub(openAmount(amount))
		want.simdUser = want.simdUser.Sub(openAmount(amount))
		want.simdVouchers = want.simdVouchers.Sub(openAmount(amount))
	}

	// Vouchers on simd to send back, relayed before the crashes start.
	send(5)
	openLedger.waitAcked(t, olSequences[0])

	// In flight when the relayer dies: sent, then killed at once.
	send(3)
	require.NoError(t, relayer.kill())
	// Sent while it is down, both ways.
	send(1)
	sendBack(2)
	send(2)
	require.NoError(t, relayer.start())
	// One more right after the restart, and a second crash mid-flow.
	sendBack(1)
	require.NoError(t, relayer.kill())
	require.NoError(t, relayer.start())

	for _, s := range olSequences {
		openLedger.waitAcked(t, s)
	}
	for _, s := range simdSequences {
		simd.waitAcked(t, s)
	}
	requireLedger(t, fmt.Sprintf("after %d+%d packets through two relayer crashes", len(olSequences), len(simdSequences)), account, want)
}
