package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/openledger/openledger/x/inferencefees/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

func TestDepositCredit(t *testing.T) {
	keepertest.Run(t, "Success - deposits add up in the module account", newFixture, func(t *testing.T, f *fixture) {
		resp := keepertest.MustDeliver(f.Chain(), f.Msgs.DepositCredit, &types.MsgDepositCredit{User: f.alice.Str, Amount: coin(700)})
		require.Equal(t, math.NewInt(700), resp.Balance)
		resp = keepertest.MustDeliver(f.Chain(), f.Msgs.DepositCredit, &types.MsgDepositCredit{User: f.alice.Str, Amount: coin(300)})
		require.Equal(t, math.NewInt(1_000), resp.Balance)
		require.Equal(t, types.Credit{User: f.alice.Str, Balance: math.NewInt(1_000), PendingWithdrawal: math.ZeroInt()}, f.credit(f.alice))
		require.Equal(t, startBalance.SubRaw(1_000), f.balance(f.alice.Addr))
		require.Equal(t, math.NewInt(1_000), f.moduleBalance(types.ModuleName))
		require.Len(t, keepertest.EventsOfType(f.Ctx, "openledger.inferencefees.v1.EventCreditDeposited"), 2)
	})

	long, err := newFixture(t).AddressCodec.BytesToString(make([]byte, 32))
	require.NoError(t, err)
	cases := []keepertest.Failure[func(f *fixture) *types.MsgDepositCredit]{
		{Name: "Failure - below min deposit", Make: func(f *fixture) *types.MsgDepositCredit {
			keepertest.SetParams(f, func(p *types.Params) { p.MinDeposit = math.NewInt(1_000) })
			return &types.MsgDepositCredit{User: f.alice.Str, Amount: coin(999)}
		}, Want: types.ErrBelowMinDeposit},
		{Name: "Failure - wrong denom", Make: func(f *fixture) *types.MsgDepositCredit {
			return &types.MsgDepositCredit{User: f.alice.Str, Amount: sdk.NewInt64Coin("uatom", 5)}
		}, Want: types.ErrInvalidDenom},
		{Name: "Failure - zero amount", Make: func(f *fixture) *types.MsgDepositCredit {
			return &types.MsgDepositCredit{User: f.alice.Str, Amount: coin(0)}
		}, Want: types.ErrInvalidAmount},
		{Name: "Failure - 32-byte address (cannot sign vouchers)", Make: func(f *fixture) *types.MsgDepositCredit {
			return &types.MsgDepositCredit{User: long, Amount: coin(5)}
		}, Want: types.ErrInvalidAddress},
		{Name: "Failure - insufficient funds", Make: func(f *fixture) *types.MsgDepositCredit {
			return &types.MsgDepositCredit{User: f.alice.Str, Amount: sdk.NewCoin(denom, startBalance.AddRaw(1))}
		}, Want: sdkerrors.ErrInsufficientFunds},
	}
	keepertest.RunFailures(t, cases, newFixture, types.MsgServer.DepositCredit)
}

func TestRequestWithdrawal(t *testing.T) {
	keepertest.Run(t, "Success - paid out at maturity, not a block earlier", newFixture, func(t *testing.T, f *fixture) {
		f.deposit(f.alice, math.NewInt(1_000))
		resp := keepertest.MustDeliver(f.Chain(), f.Msgs.RequestWithdrawal, &types.MsgRequestWithdrawal{User: f.alice.Str, Amount: coin(600)})
		require.Equal(t, uint64(1), resp.WithdrawalId)
		require.Equal(t, startTime.Add(types.DefaultWithdrawalDelay), resp.ReleaseTime)

		q, err := f.Queries.Credit(f.Ctx, &types.QueryCreditRequest{User: f.alice.Str})
		require.NoError(t, err)
		require.Equal(t, math.NewInt(1_000), q.Credit.Balance)
		require.Equal(t, math.NewInt(600), q.Locked)
		require.Equal(t, math.NewInt(400), q.Available)
		require.Len(t, q.Withdrawals, 1)
		require.Equal(t, resp.ReleaseTime, q.Withdrawals[0].ReleaseTime)

		before := f.balance(f.alice.Addr)
		f.advance(time.Hour - time.Second)
		require.Equal(t, before, f.balance(f.alice.Addr), "paid before maturity")
		f.advance(time.Second)
		require.Equal(t, before.AddRaw(600), f.balance(f.alice.Addr))
		require.Equal(t, types.Credit{User: f.alice.Str, Balance: math.NewInt(400), PendingWithdrawal: math.ZeroInt()}, f.credit(f.alice))
		require.Len(t, keepertest.EventsOfType(f.Ctx, "openledger.inferencefees.v1.EventWithdrawalCompleted"), 1)
		has, err := f.K.Withdrawals.Has(f.Ctx, keeperWithdrawalKey(f.alice, 1))
		require.NoError(t, err)
		require.False(t, has)
	})

	keepertest.Run(t, "Success - settlement during the delay lowers the payout", newFixture, func(t *testing.T, f *fixture) {
		f.deposit(f.alice, math.NewInt(1_000))
		keepertest.MustDeliver(f.Chain(), f.Msgs.RequestWithdrawal, &types.MsgRequestWithdrawal{User: f.alice.Str, Amount: coin(1_000)})
		f.advance(30 * time.Minute)
		// The voucher handed out before the request still settles.
		keepertest.MustDeliver(f.Chain(), f.Msgs.SettleBatch, f.batch(1, 2, f.voucher(f.alice, f.node, math.NewInt(750), 1)))
		require.Equal(t, math.NewInt(250), f.credit(f.alice).Balance)

		before := f.balance(f.alice.Addr)
		f.advance(30 * time.Minute)
		require.Equal(t, before.AddRaw(250), f.balance(f.alice.Addr))
		has, err := f.K.Credits.Has(f.Ctx, f.alice.Addr)
		require.NoError(t, err)
		require.False(t, has, "an empty credit is removed")
	})

	keepertest.Run(t, "Success - several withdrawals mature in release order and share what is left", newFixture, func(t *testing.T, f *fixture) {
		f.deposit(f.alice, math.NewInt(1_000))
		keepertest.MustDeliver(f.Chain(), f.Msgs.RequestWithdrawal, &types.MsgRequestWithdrawal{User: f.alice.Str, Amount: coin(500)})
		f.advance(time.Minute)
		keepertest.MustDeliver(f.Chain(), f.Msgs.RequestWithdrawal, &types.MsgRequestWithdrawal{User: f.alice.Str, Amount: coin(500)})
		// More than the balance not already under withdrawal is refused.
		keepertest.RequireFailsUnchanged(f.Chain(), f.Msgs.RequestWithdrawal, &types.MsgRequestWithdrawal{User: f.alice.Str, Amount: coin(1)}, types.ErrWithdrawalExceedsCredit)
		keepertest.MustDeliver(f.Chain(), f.Msgs.SettleBatch, f.batch(1, 1, f.voucher(f.alice, f.node, math.NewInt(700), 1)))

		before := f.balance(f.alice.Addr)
		f.advance(time.Hour) // both mature in this block: first 300 of 500, then 0 of 500
		require.Equal(t, before.AddRaw(300), f.balance(f.alice.Addr))
		require.True(t, f.credit(f.alice).Balance.IsZero())
		require.True(t, f.credit(f.alice).PendingWithdrawal.IsZero())
	})

	keepertest.Run(t, "Success - a refused payout keeps the credit and drops the withdrawal", newFixture, func(t *testing.T, f *fixture) {
		f.deposit(f.alice, math.NewInt(1_000))
		keepertest.MustDeliver(f.Chain(), f.Msgs.RequestWithdrawal, &types.MsgRequestWithdrawal{User: f.alice.Str, Amount: coin(400)})
		f.bank.refuse = f.alice.Addr
		f.advance(time.Hour)
		require.Equal(t, types.Credit{User: f.alice.Str, Balance: math.NewInt(1_000), PendingWithdrawal: math.ZeroInt()}, f.credit(f.alice))
		require.Len(t, keepertest.EventsOfType(f.Ctx, "openledger.inferencefees.v1.EventWithdrawalFailed"), 1)
		it, err := f.K.WithdrawalQueue.Iterate(f.Ctx, nil)
		require.NoError(t, err)
		require.False(t, it.Valid(), "the queue is empty")
		it.Close()
	})

	cases := []struct {
		name  string
		setup func(f *fixture)
		msg   func(f *fixture) *types.MsgRequestWithdrawal
		want  *errorsmod.Error
	}{
		{"more than the credit", nil, func(f *fixture) *types.MsgRequestWithdrawal {
			return &types.MsgRequestWithdrawal{User: f.alice.Str, Amount: coin(1_001)}
		}, types.ErrWithdrawalExceedsCredit},
		{"no credit", nil, func(f *fixture) *types.MsgRequestWithdrawal {
			return &types.MsgRequestWithdrawal{User: f.bob.Str, Amount: coin(1)}
		}, types.ErrWithdrawalExceedsCredit},
		{"zero", nil, func(f *fixture) *types.MsgRequestWithdrawal {
			return &types.MsgRequestWithdrawal{User: f.alice.Str, Amount: coin(0)}
		}, types.ErrInvalidAmount},
		{"wrong denom", nil, func(f *fixture) *types.MsgRequestWithdrawal {
			return &types.MsgRequestWithdrawal{User: f.alice.Str, Amount: sdk.NewInt64Coin("uatom", 1)}
		}, types.ErrInvalidDenom},
		{"bad address", nil, func(f *fixture) *types.MsgRequestWithdrawal {
			return &types.MsgRequestWithdrawal{User: "cosmos1xyz", Amount: coin(1)}
		}, types.ErrInvalidAddress},
		{"too many pending", func(f *fixture) {
			for i := 0; i < types.MaxPendingWithdrawals; i++ {
				_, err := keepertest.Deliver(f.Chain(), f.Msgs.RequestWithdrawal, &types.MsgRequestWithdrawal{User: f.alice.Str, Amount: coin(1)})
				require.NoError(f.T, err)
			}
		}, func(f *fixture) *types.MsgRequestWithdrawal {
			return &types.MsgRequestWithdrawal{User: f.alice.Str, Amount: coin(1)}
		}, types.ErrTooManyWithdrawals},
	}
	for _, tc := range cases {
		t.Run("Failure - "+tc.name, func(t *testing.T) {
			f := newFixture(t)
			f.deposit(f.alice, math.NewInt(1_000))
			if tc.setup != nil {
				tc.setup(f)
			}
			keepertest.RequireFailsUnchanged(f.Chain(), f.Msgs.RequestWithdrawal, tc.msg(f), tc.want)
		})
	}
}
