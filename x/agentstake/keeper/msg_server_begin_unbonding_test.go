package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	"github.com/openledger/openledger/x/agentstake/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

func TestBeginUnbonding(t *testing.T) {
	t.Run("Success - above the minimum the agent stays active", func(t *testing.T) {
		f := newFixture(t)
		op := f.register(attestorMsg(f.owner, open(6000)))
		e := f.unbond(f.owner, op, open(1000))
		require.Equal(t, types.UnbondingEntry{
			Operator: f.owner.str, Id: 1, Owner: f.owner.str, InitialAmount: open(1000), Amount: open(1000),
			CreationHeight: startHeight, CompletionTime: startTime.Add(types.DefaultUnbondingPeriod),
		}, e)
		a := f.agent(op)
		require.Equal(t, open(5000), a.Bonded)
		require.Equal(t, types.AGENT_STATUS_ACTIVE, a.Status)
		require.Equal(t, open(5000), f.activeStake(types.AGENT_KIND_ATTESTOR))
		require.Equal(t, open(6000), f.moduleBalance(), "unbonding stake stays in the module account")
		require.Empty(t, keepertest.EventsOfType(f.ctx, "openledger.agentstake.v1.EventAgentStatusChanged"))
		require.Len(t, keepertest.EventsOfType(f.ctx, "openledger.agentstake.v1.EventUnbondingStarted"), 1)
	})

	t.Run("Success - below the minimum the agent leaves the active set", func(t *testing.T) {
		f := newFixture(t)
		op := f.register(attestorMsg(f.owner, open(6000)))
		f.unbond(f.owner, op, open(1001))
		require.Equal(t, types.AGENT_STATUS_INACTIVE, f.agent(op).Status)
		require.True(t, f.activeStake(types.AGENT_KIND_ATTESTOR).IsZero())
		_, err := f.k.AttestorStake(f.ctx, op)
		require.ErrorIs(t, err, types.ErrAgentNotActive)
		require.Len(t, keepertest.EventsOfType(f.ctx, "openledger.agentstake.v1.EventAgentStatusChanged"), 1)
	})

	t.Run("Success - the whole bond; the agent record stays", func(t *testing.T) {
		f := newFixture(t)
		op := f.register(attestorMsg(f.owner, open(6000)))
		f.unbond(f.owner, op, open(6000))
		a := f.agent(op)
		require.True(t, a.Bonded.IsZero())
		require.Equal(t, types.AGENT_STATUS_INACTIVE, a.Status)
	})

	failures := []struct {
		name string
		msg  func(f *fixture) *types.MsgBeginUnbonding
		want *errorsmod.Error
	}{
		{"Failure - more than bonded", func(f *fixture) *types.MsgBeginUnbonding {
			return &types.MsgBeginUnbonding{Owner: f.owner.str, Operator: f.owner.str, Amount: open(6000).AddRaw(1)}
		}, types.ErrUnbondMoreThanBonded},
		{"Failure - not the owner", func(f *fixture) *types.MsgBeginUnbonding {
			return &types.MsgBeginUnbonding{Owner: f.alice.str, Operator: f.owner.str, Amount: open(1)}
		}, types.ErrNotOwner},
		{"Failure - zero amount", func(f *fixture) *types.MsgBeginUnbonding {
			return &types.MsgBeginUnbonding{Owner: f.owner.str, Operator: f.owner.str, Amount: math.ZeroInt()}
		}, types.ErrInvalidAmount},
		{"Failure - negative amount", func(f *fixture) *types.MsgBeginUnbonding {
			return &types.MsgBeginUnbonding{Owner: f.owner.str, Operator: f.owner.str, Amount: math.NewInt(-1)}
		}, types.ErrInvalidAmount},
		{"Failure - too many unbonding entries", func(f *fixture) *types.MsgBeginUnbonding {
			for i := 0; i < types.DefaultMaxUnbondingEntries; i++ {
				f.unbond(f.owner, f.owner.addr, open(1))
			}
			return &types.MsgBeginUnbonding{Owner: f.owner.str, Operator: f.owner.str, Amount: open(1)}
		}, types.ErrTooManyUnbonding},
		{"Failure - unknown agent", func(f *fixture) *types.MsgBeginUnbonding {
			return &types.MsgBeginUnbonding{Owner: f.owner.str, Operator: f.alice.str, Amount: open(1)}
		}, types.ErrAgentNotFound},
	}
	for _, tc := range failures {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			f.register(attestorMsg(f.owner, open(6000)))
			msg := tc.msg(f)
			keepertest.RequireFailsUnchanged(f.chain, f.msgs.BeginUnbonding, msg, tc.want)
		})
	}
}
