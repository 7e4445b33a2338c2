package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/openledger/openledger/x/agentstake/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

func TestBeginUnbonding(t *testing.T) {
	keepertest.Run(t, "Success - above the minimum the agent stays active", newFixture, func(t *testing.T, f *fixture) {
		op := f.register(attestorMsg(f.owner, open(6000)))
		e := f.unbond(f.owner, op, open(1000))
		require.Equal(t, types.UnbondingEntry{
			Operator: f.owner.Str, Id: 1, Owner: f.owner.Str, InitialAmount: open(1000), Amount: open(1000),
			CreationHeight: startHeight, CompletionTime: startTime.Add(types.DefaultUnbondingPeriod),
		}, e)
		a := f.agent(op)
		require.Equal(t, open(5000), a.Bonded)
		require.Equal(t, types.AGENT_STATUS_ACTIVE, a.Status)
		require.Equal(t, open(5000), f.activeStake(types.AGENT_KIND_ATTESTOR))
		require.Equal(t, open(6000), f.moduleBalance(), "unbonding stake stays in the module account")
		require.Empty(t, keepertest.EventsOfType(f.Ctx, "openledger.agentstake.v1.EventAgentStatusChanged"))
		require.Len(t, keepertest.EventsOfType(f.Ctx, "openledger.agentstake.v1.EventUnbondingStarted"), 1)
	})

	keepertest.Run(t, "Success - below the minimum the agent leaves the active set", newFixture, func(t *testing.T, f *fixture) {
		op := f.register(attestorMsg(f.owner, open(6000)))
		f.unbond(f.owner, op, open(1001))
		require.Equal(t, types.AGENT_STATUS_INACTIVE, f.agent(op).Status)
		require.True(t, f.activeStake(types.AGENT_KIND_ATTESTOR).IsZero())
		_, err := f.K.AttestorStake(f.Ctx, op)
		require.ErrorIs(t, err, types.ErrAgentNotActive)
		require.Len(t, keepertest.EventsOfType(f.Ctx, "openledger.agentstake.v1.EventAgentStatusChanged"), 1)
	})

	keepertest.Run(t, "Success - the whole bond; the agent record stays", newFixture, func(t *testing.T, f *fixture) {
		op := f.register(attestorMsg(f.owner, open(6000)))
		f.unbond(f.owner, op, open(6000))
		a := f.agent(op)
		require.True(t, a.Bonded.IsZero())
		require.Equal(t, types.AGENT_STATUS_INACTIVE, a.Status)
	})

	failures := []keepertest.Failure[func(f *fixture) *types.MsgBeginUnbonding]{
		{Name: "Failure - more than bonded", Make: func(f *fixture) *types.MsgBeginUnbonding {
			return &types.MsgBeginUnbonding{Owner: f.owner.Str, Operator: f.owner.Str, Amount: open(6000).AddRaw(1)}
		}, Want: types.ErrUnbondMoreThanBonded},
		{Name: "Failure - not the owner", Make: func(f *fixture) *types.MsgBeginUnbonding {
			return &types.MsgBeginUnbonding{Owner: f.alice.Str, Operator: f.owner.Str, Amount: open(1)}
		}, Want: types.ErrNotOwner},
		{Name: "Failure - zero amount", Make: func(f *fixture) *types.MsgBeginUnbonding {
			return &types.MsgBeginUnbonding{Owner: f.owner.Str, Operator: f.owner.Str, Amount: math.ZeroInt()}
		}, Want: types.ErrInvalidAmount},
		{Name: "Failure - negative amount", Make: func(f *fixture) *types.MsgBeginUnbonding {
			return &types.MsgBeginUnbonding{Owner: f.owner.Str, Operator: f.owner.Str, Amount: math.NewInt(-1)}
		}, Want: types.ErrInvalidAmount},
		{Name: "Failure - too many unbonding entries", Make: func(f *fixture) *types.MsgBeginUnbonding {
			for i := 0; i < types.DefaultMaxUnbondingEntries; i++ {
				f.unbond(f.owner, f.owner.Addr, open(1))
			}
			return &types.MsgBeginUnbonding{Owner: f.owner.Str, Operator: f.owner.Str, Amount: open(1)}
		}, Want: types.ErrTooManyUnbonding},
		{Name: "Failure - unknown agent", Make: func(f *fixture) *types.MsgBeginUnbonding {
			return &types.MsgBeginUnbonding{Owner: f.owner.Str, Operator: f.alice.Str, Amount: open(1)}
		}, Want: types.ErrAgentNotFound},
	}
	keepertest.RunFailures(t, failures, func(t testing.TB) *fixture {
		f := newFixture(t)
		f.register(attestorMsg(f.owner, open(6000)))
		return f
	}, types.MsgServer.BeginUnbonding)
}
