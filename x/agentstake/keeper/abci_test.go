package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/openledger/openledger/x/agentstake/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

func TestEndBlockPaysMaturedEntries(t *testing.T) {
	f := newFixture(t)
	a := f.register(attestorMsg(f.owner, open(10_000)))
	b := f.register(attestorMsg(f.alice, open(10_000)))
	start := f.balance(f.owner.Addr)
	aliceStart := f.balance(f.alice.Addr)

	e1 := f.unbond(f.owner, a, open(100)) // matures at T+7d
	f.advance(1, time.Hour)
	e2 := f.unbond(f.alice, b, open(200)) // T+7d+1h
	f.advance(1, time.Hour)
	e3 := f.unbond(f.owner, a, open(300)) // T+7d+2h
	require.Equal(t, []uint64{1, 2, 3}, []uint64{e1.Id, e2.Id, e3.Id})

	// Nothing matures before the period.
	f.advance(1, types.DefaultUnbondingPeriod-2*time.Hour-time.Nanosecond)
	f.endBlock()
	require.Equal(t, start, f.balance(f.owner.Addr))
	require.Empty(t, keepertest.EventsOfType(f.Ctx, "openledger.agentstake.v1.EventUnbondingCompleted"))

	// At exactly the completion time the first entry is paid.
	f.advance(1, time.Nanosecond)
	f.endBlock()
	require.Equal(t, start.Add(open(100)), f.balance(f.owner.Addr))
	require.Equal(t, aliceStart, f.balance(f.alice.Addr))
	require.Len(t, keepertest.EventsOfType(f.Ctx, "openledger.agentstake.v1.EventUnbondingCompleted"), 1)

	// A block that jumps past both remaining entries pays both.
	f.advance(1, 3*time.Hour)
	f.endBlock()
	require.Equal(t, start.Add(open(400)), f.balance(f.owner.Addr))
	require.Equal(t, aliceStart.Add(open(200)), f.balance(f.alice.Addr))
	resp, err := f.Queries.UnbondingEntries(f.Ctx, &types.QueryUnbondingEntriesRequest{Operator: f.owner.Str})
	require.NoError(t, err)
	require.Empty(t, resp.Entries)
	total, err := f.Queries.TotalStake(f.Ctx, &types.QueryTotalStakeRequest{})
	require.NoError(t, err)
	require.True(t, total.TotalUnbonding.IsZero())
	require.Equal(t, open(19_400), total.TotalBonded)

	// An empty queue is a no-op.
	f.advance(1, time.Hour)
	f.endBlock()
}

func TestEndBlockAfterFullUnbondKeepsInactiveRecord(t *testing.T) {
	f := newFixture(t)
	op := f.register(attestorMsg(f.owner, open(5000)))
	f.unbond(f.owner, op, open(5000))
	f.advance(1, types.DefaultUnbondingPeriod)
	f.endBlock()
	a := f.agent(op)
	require.True(t, a.Bonded.IsZero())
	require.Equal(t, types.AGENT_STATUS_INACTIVE, a.Status)
	require.True(t, f.moduleBalance().IsZero())
	require.Equal(t, open(1_000_000), f.balance(f.owner.Addr))
}
