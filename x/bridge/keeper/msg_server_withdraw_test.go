package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/openledger/openledger/x/bridge/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

func TestWithdraw(t *testing.T) {
	keepertest.Run(t, "Success - escrows the amount and numbers the leaf", newFixture, func(t *testing.T, f *fixture) {
		resp := f.withdraw(f.alice, recipient, open(10))
		require.Equal(t, uint64(1), resp.Nonce)
		require.Equal(t, uint64(1), resp.CheckpointNonce)
		require.Equal(t, startBalance.AmountOf(types.Denom).Sub(open(10)), f.balance(f.alice.Addr))
		require.Equal(t, l1Genesis.Add(open(10)), f.escrow())
		require.Equal(t, uint64(2), f.withdraw(f.bob, recipient, open(2)).Nonce)
		status, err := f.Queries.Status(f.Ctx, &types.QueryStatusRequest{})
		require.NoError(t, err)
		require.Equal(t, open(12), status.PendingWithdrawals)
		require.Len(t, keepertest.EventsOfType(f.Ctx, "openledger.bridge.v1.EventWithdrawal"), 2)
	})

	withdrawal := func(edit func(*types.MsgWithdraw)) func(*fixture) *types.MsgWithdraw {
		return func(f *fixture) *types.MsgWithdraw {
			m := &types.MsgWithdraw{Sender: f.alice.Str, EthRecipient: recipient, Amount: open(10)}
			edit(m)
			return m
		}
	}
	failures := []keepertest.Failure[func(*fixture) *types.MsgWithdraw]{
		{Name: "Failure - bridge not configured", Make: func(f *fixture) *types.MsgWithdraw {
			keepertest.SetParams(f, func(p *types.Params) { p.BridgeContract = "0x0000000000000000000000000000000000000000" })
			return withdrawal(func(*types.MsgWithdraw) {})(f)
		}, Want: types.ErrBridgeNotConfigured},
		{Name: "Failure - invalid sender", Make: withdrawal(func(m *types.MsgWithdraw) { m.Sender = "x" }), Want: types.ErrInvalidAddress},
		{Name: "Failure - zero recipient", Make: withdrawal(func(m *types.MsgWithdraw) {
			m.EthRecipient = "0x0000000000000000000000000000000000000000"
		}), Want: types.ErrInvalidEthAddress},
		{Name: "Failure - malformed recipient", Make: withdrawal(func(m *types.MsgWithdraw) { m.EthRecipient = "70997970C51812dc3A010C7d01b50e0d17dc79C8" }), Want: types.ErrInvalidEthAddress},
		{Name: "Failure - nil amount", Make: withdrawal(func(m *types.MsgWithdraw) { m.Amount = math.Int{} }), Want: types.ErrInvalidAmount},
		{Name: "Failure - negative amount", Make: withdrawal(func(m *types.MsgWithdraw) { m.Amount = math.NewInt(-1) }), Want: types.ErrInvalidAmount},
		{Name: "Failure - below the minimum", Make: withdrawal(func(m *types.MsgWithdraw) { m.Amount = open(1).SubRaw(1) }), Want: types.ErrBelowMinWithdrawal},
		{Name: "Failure - insufficient funds", Make: withdrawal(func(m *types.MsgWithdraw) { m.Amount = open(2_000_000) }), Want: sdkerrors.ErrInsufficientFunds},
		{Name: "Failure - tree full", Make: func(f *fixture) *types.MsgWithdraw {
			for range 5 {
				f.withdraw(f.bob, recipient, open(1))
			}
			return withdrawal(func(*types.MsgWithdraw) {})(f)
		}, Want: types.ErrCheckpointFull},
	}
	keepertest.RunFailures(t, failures, newFixture, types.MsgServer.Withdraw)
}
