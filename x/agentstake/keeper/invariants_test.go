package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/openledger/openledger/x/agentstake/keeper"
	"github.com/openledger/openledger/x/agentstake/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

// xorshift is a fixed-seed generator: the "random" sequences are the same on
// every run.
type xorshift uint64

func (x *xorshift) next(n int) int {
	*x ^= *x << 13
	*x ^= *x >> 7
	*x ^= *x << 17
	return int(uint64(*x) % uint64(n))
}

// TestConservationUnderRandomSequences runs long pseudo-random sequences of
// every operation and checks after each that no aopen is created or lost,
// that the module account holds exactly bonds plus unbonding entries, and
// that the per-kind active totals match the agents.
func TestConservationUnderRandomSequences(t *testing.T) {
	for _, seed := range []xorshift{1, 42, 2025} {
		f := newFixture(t)
		keepertest.SetParams(f, func(p *types.Params) {
			p.MinStakeServingNode = open(100)
			p.MinStakeAutonomousAgent = open(10)
			p.MinStakeAttestor = open(50)
			p.UnbondingPeriod = 3 * time.Hour
			p.JailDuration = time.Hour
		})
		owners := []account{f.owner, f.alice, f.bob, f.node}
		kinds := []types.AgentKind{types.AGENT_KIND_SERVING_NODE, types.AGENT_KIND_AUTONOMOUS_AGENT, types.AGENT_KIND_ATTESTOR, types.AGENT_KIND_ATTESTOR}
		rng := seed
		amount := func() math.Int { return open(int64(1 + rng.next(150))) }
		for step := 0; step < 300; step++ {
			i := rng.next(len(owners))
			o := owners[i]
			switch rng.next(8) {
			case 0:
				msg := &types.MsgRegisterAgent{Owner: o.Str, Kind: kinds[i], Stake: amount()}
				if kinds[i] == types.AGENT_KIND_SERVING_NODE {
					msg.ModelIds, msg.Endpoint = []uint64{1}, "https://n.example"
				}
				_, _ = keepertest.Deliver(f.Chain(), f.Msgs.RegisterAgent, msg)
			case 1:
				_, _ = keepertest.Deliver(f.Chain(), f.Msgs.AddStake, &types.MsgAddStake{Owner: o.Str, Operator: o.Str, Amount: amount()})
			case 2, 3:
				_, _ = keepertest.Deliver(f.Chain(), f.Msgs.BeginUnbonding, &types.MsgBeginUnbonding{Owner: o.Str, Operator: o.Str, Amount: amount()})
			case 4:
				_, _ = keepertest.Deliver(f.Chain(), f.Msgs.Unjail, &types.MsgUnjail{Owner: o.Str, Operator: o.Str})
			case 5:
				reason := []types.SlashReason{types.SLASH_REASON_ATTRIBUTION_FRAUD, types.SLASH_REASON_GOVERNANCE, types.SLASH_REASON_EQUIVOCATION}[rng.next(3)]
				if rng.next(4) == 0 {
					cacheCtx, write := f.Ctx.CacheContext()
					if _, err := f.K.Slash(cacheCtx, o.Addr, reason, "random", owners[rng.next(4)].Addr, f.Ctx.BlockHeight()-int64(rng.next(20))); err == nil {
						write()
					}
				}
			default:
				f.advance(1, time.Duration(rng.next(90))*time.Minute)
				f.endBlock()
			}
			f.CheckInvariants()
		}
		f.advance(1, 24*time.Hour)
		f.endBlock()
		agents, err := f.Queries.Agents(f.Ctx, &types.QueryAgentsRequest{})
		require.NoError(t, err)
		require.NotEmpty(t, agents.Agents, "the sequence registered agents")
		require.Positive(t, len(keepertest.EventsOfType(f.Ctx, "openledger.agentstake.v1.EventUnbondingCompleted")), "and paid unbonding entries")
		resp, err := f.Queries.TotalStake(f.Ctx, &types.QueryTotalStakeRequest{})
		require.NoError(t, err)
		require.True(t, resp.TotalUnbonding.IsZero())
		require.Equal(t, resp.TotalBonded, f.moduleBalance())
	}
}

func TestInvariantsDetectBrokenState(t *testing.T) {
	setup := func(t testing.TB) *fixture {
		f := newFixture(t)
		op := f.register(attestorMsg(f.owner, open(6000)))
		f.unbond(f.owner, op, open(1000))
		return f
	}
	t.Run("Failure - module account short of the holdings", func(t *testing.T) {
		f := setup(t)
		require.NoError(t, f.bank.BurnCoins(f.Ctx, types.ModuleName, coinsOf(open(1))))
		msg, broken := keeper.HoldingsInvariant(f.K)(f.Ctx)
		require.True(t, broken)
		require.Contains(t, msg, "module account holds")
	})
	t.Run("Failure - bond changed behind the totals", func(t *testing.T) {
		f := setup(t)
		a := f.agent(f.owner.Addr)
		a.Bonded = a.Bonded.Add(open(1))
		require.NoError(t, f.K.Agents.Set(f.Ctx, f.owner.Addr, a))
		_, broken := keeper.HoldingsInvariant(f.K)(f.Ctx)
		require.True(t, broken)
		_, broken = keeper.ActiveStakeInvariant(f.K)(f.Ctx)
		require.True(t, broken)
	})
	t.Run("Failure - status changed behind the active total", func(t *testing.T) {
		f := setup(t)
		a := f.agent(f.owner.Addr)
		a.Status = types.AGENT_STATUS_JAILED
		require.NoError(t, f.K.Agents.Set(f.Ctx, f.owner.Addr, a))
		msg, broken := keeper.ActiveStakeInvariant(f.K)(f.Ctx)
		require.True(t, broken)
		require.Contains(t, msg, "AGENT_KIND_ATTESTOR")
		_, broken = keeper.HoldingsInvariant(f.K)(f.Ctx)
		require.False(t, broken)
	})
	t.Run("Failure - unbonding entry missing from the queue", func(t *testing.T) {
		f := setup(t)
		require.NoError(t, f.K.UnbondingQueue.Clear(f.Ctx, nil))
		msg, broken := keeper.AllInvariants(f.K)(f.Ctx)
		require.True(t, broken)
		require.Contains(t, msg, "not in the queue")
	})
	t.Run("Success - consistent state", func(t *testing.T) {
		f := setup(t)
		_, broken := keeper.AllInvariants(f.K)(f.Ctx)
		require.False(t, broken)
	})
}
