package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/openledger/openledger/x/agentstake/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

func TestSlashDuringUnbonding(t *testing.T) {
	f := newFixture(t)
	op := f.register(servingNodeMsg(f.owner)) // 10,000 bonded at height 100
	keepertest.SetParams(f, func(p *types.Params) { p.MaxUnbondingEntries = 10 })
	f.advance(10, 0) // 110
	f.unbond(f.owner, op, open(1000))
	f.advance(10, 0) // 120: the infraction
	f.unbond(f.owner, op, open(2000))
	f.advance(10, 0) // 130
	f.unbond(f.owner, op, open(3000))
	f.advance(10, 0) // 140

	aliceBefore := f.balance(f.alice.Addr)
	slashed, err := f.K.SlashForAttribution(f.Ctx, op, "challenge 9", f.alice.Addr, 120)
	require.NoError(t, err)
	// 10% of the 4,000 bond and of the entries created at or after 120 (2,000 and 3,000).
	require.Equal(t, open(400+200+300), slashed)
	require.Equal(t, aliceBefore.Add(open(90)), f.balance(f.alice.Addr))
	f.CheckInvariants()

	resp, err := f.Queries.UnbondingEntries(f.Ctx, &types.QueryUnbondingEntriesRequest{Operator: f.owner.Str})
	require.NoError(t, err)
	require.Len(t, resp.Entries, 3)
	require.Equal(t, open(1000), resp.Entries[0].Amount, "created before the infraction: untouched")
	require.Equal(t, open(1800), resp.Entries[1].Amount)
	require.Equal(t, open(2700), resp.Entries[2].Amount)
	a := f.agent(op)
	require.Equal(t, open(3600), a.Bonded)
	require.Equal(t, types.AGENT_STATUS_JAILED, a.Status)

	// The owner is paid the slashed entries at maturity.
	ownerBefore := f.balance(f.owner.Addr)
	f.advance(1, types.DefaultUnbondingPeriod)
	f.endBlock()
	require.Equal(t, ownerBefore.Add(open(1000+1800+2700)), f.balance(f.owner.Addr))
	require.Equal(t, open(3600), f.moduleBalance())
}

func TestSlashEntryToZeroIsRemoved(t *testing.T) {
	f := newFixture(t)
	op := f.register(attestorMsg(f.owner, open(5000)))
	f.unbond(f.owner, op, open(1000))
	keepertest.SetParams(f, func(p *types.Params) { p.SlashBpsGovernance = types.BPSTotal })
	slashed, err := f.K.Slash(f.Ctx, op, types.SLASH_REASON_GOVERNANCE, "all of it", nil, 0)
	require.NoError(t, err)
	require.Equal(t, open(5000), slashed)
	f.CheckInvariants()
	resp, err := f.Queries.UnbondingEntries(f.Ctx, &types.QueryUnbondingEntriesRequest{Operator: f.owner.Str})
	require.NoError(t, err)
	require.Empty(t, resp.Entries)
	f.advance(1, types.DefaultUnbondingPeriod)
	f.endBlock()
	require.True(t, f.moduleBalance().IsZero())
}

func TestSlashRounding(t *testing.T) {
	f := newFixture(t)
	keepertest.SetParams(f, func(p *types.Params) { p.MinStakeAttestor = math.NewInt(1) })
	op := f.register(attestorMsg(f.owner, math.NewInt(19)))
	// floor(19 * 1000 / 10000) = 1; reward floor(1 * 1000 / 10000) = 0.
	slashed, err := f.K.Slash(f.Ctx, op, types.SLASH_REASON_ATTRIBUTION_FRAUD, "r", f.alice.Addr, 0)
	require.NoError(t, err)
	require.Equal(t, math.NewInt(1), slashed)
	f.CheckInvariants()
	hist, err := f.Queries.SlashHistory(f.Ctx, &types.QuerySlashHistoryRequest{Operator: f.owner.Str})
	require.NoError(t, err)
	require.True(t, hist.Records[0].ChallengerReward.IsZero())
	require.Equal(t, math.NewInt(1), hist.Records[0].Burned)
}

func TestSlashBlockedChallengerRewardIsBurned(t *testing.T) {
	f := newFixture(t)
	op := f.register(attestorMsg(f.owner, open(10_000)))
	supply := f.bank.Supply().AmountOf(denom)
	slashed, err := f.K.Slash(f.Ctx, op, types.SLASH_REASON_ATTRIBUTION_FRAUD, "r", authtypes.NewModuleAddress("distribution"), 0)
	require.NoError(t, err)
	require.Equal(t, supply.Sub(slashed), f.bank.Supply().AmountOf(denom))
	f.CheckInvariants()
}

func TestSlashJailedAgentAgainExtendsJail(t *testing.T) {
	f := newFixture(t)
	op := f.register(servingNodeMsg(f.owner))
	f.slash(types.SLASH_REASON_ATTRIBUTION_FRAUD)
	first := f.agent(op).JailedUntil
	f.advance(1, types.DefaultJailDuration/2)
	f.slash(types.SLASH_REASON_ATTRIBUTION_FRAUD)
	require.True(t, f.agent(op).JailedUntil.After(first))
	require.Len(t, keepertest.EventsOfType(f.Ctx, "openledger.agentstake.v1.EventAgentStatusChanged"), 1,
		"the agent leaves the active set once")
	require.Len(t, keepertest.EventsOfType(f.Ctx, "openledger.agentstake.v1.EventAgentSlashed"), 2)
	f.CheckInvariants()
}

func TestActiveSetChecks(t *testing.T) {
	f := newFixture(t)
	node := f.register(servingNodeMsg(f.owner))
	att := f.register(attestorMsg(f.alice, open(7000)))
	agent := f.register(&types.MsgRegisterAgent{Owner: f.bob.Str, Kind: types.AGENT_KIND_AUTONOMOUS_AGENT, Stake: open(1000)})

	require.NoError(t, f.K.CheckActiveServingNode(f.Ctx, node, 1))
	require.ErrorIs(t, f.K.CheckActiveServingNode(f.Ctx, node, 3), types.ErrModelNotServed)
	require.ErrorIs(t, f.K.CheckActiveServingNode(f.Ctx, att, 1), types.ErrWrongAgentKind)
	require.ErrorIs(t, f.K.CheckActiveServingNode(f.Ctx, f.node.Addr, 1), types.ErrAgentNotFound)
	_, err := f.K.AttestorStake(f.Ctx, agent)
	require.ErrorIs(t, err, types.ErrWrongAgentKind)
	_, err = f.K.AttestorStake(f.Ctx, f.node.Addr)
	require.ErrorIs(t, err, types.ErrAgentNotFound)
	total, err := f.K.TotalAttestorStake(f.Ctx)
	require.NoError(t, err)
	require.Equal(t, open(7000), total)

	_, err = f.K.Slash(f.Ctx, att, types.SLASH_REASON_GOVERNANCE, "r", nil, 0)
	require.NoError(t, err)
	total, err = f.K.TotalAttestorStake(f.Ctx)
	require.NoError(t, err)
	require.True(t, total.IsZero(), "a jailed attestor leaves the total")
	_, err = f.K.AttestorStake(f.Ctx, att)
	require.ErrorIs(t, err, types.ErrAgentNotActive)
}
