package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/openledger/openledger/x/agentstake/keeper"
	"github.com/openledger/openledger/x/agentstake/types"
	"github.com/openledger/openledger/x/internal/banktest"
	"github.com/openledger/openledger/x/internal/keepertest"
)

// populated is a fixture with every kind of state: agents of each kind and
// status, unbonding entries, slash records and used evidence.
func populated(t *testing.T) *fixture {
	f := newFixture(t)
	node := f.register(servingNodeMsg(f.node))
	f.register(attestorMsg(f.owner, open(6000)))
	f.register(&types.MsgRegisterAgent{Owner: f.alice.Str, Kind: types.AGENT_KIND_AUTONOMOUS_AGENT, Stake: open(1000), Endpoint: "https://agent.example"})
	f.unbond(f.owner, f.owner.Addr, open(1500)) // inactive now
	f.unbond(f.node, node, open(100))
	f.advance(3, 0)
	keepertest.MustDeliver(f.Chain(), f.Msgs.SubmitEquivocation, &types.MsgSubmitEquivocation{
		Submitter: f.bob.Str,
		First:     f.signed(f.node.Key, evmChainID, f.alice, 1, open(3), 1),
		Second:    f.signed(f.node.Key, evmChainID, f.alice, 1, open(4), 1),
	})
	_, err := f.K.Slash(f.Ctx, f.alice.Addr, types.SLASH_REASON_GOVERNANCE, "prop 3", nil, 0)
	require.NoError(t, err)
	f.CheckInvariants()
	return f
}

func TestGenesisRoundTrip(t *testing.T) {
	f := populated(t)
	exported, err := f.K.ExportGenesis(f.Ctx)
	require.NoError(t, err)
	require.Len(t, exported.Agents, 3)
	require.Len(t, exported.UnbondingEntries, 2)
	require.Len(t, exported.SlashRecords, 2)
	require.Len(t, exported.UsedEvidence, 1)
	require.Equal(t, uint64(3), exported.NextUnbondingId)
	require.Equal(t, uint64(3), exported.NextSlashId)

	// Import into a fresh store with a bank holding the same module balance:
	// the same raw state, indexes, queue and totals included.
	b2 := &bank{Bank: banktest.New(types.ModuleName)}
	build := func(s keepertest.Store) keeper.Keeper {
		return keeper.NewKeeper(s.KeeperEnv(), evmChainID, keepertest.AccountKeeper{}, b2, f.models)
	}

	// The module account must hold bonds plus entries.
	empty := f.Fresh(t)
	err = build(empty).InitGenesis(empty.Ctx, *exported)
	require.ErrorIs(t, err, types.ErrInvalidGenesis)
	require.ErrorContains(t, err, "module account holds")

	b2.Mint(moduleAddr(), coinsOf(f.moduleBalance()))
	to, k2 := keepertest.RequireGenesisRoundTrip(t, f.Store, exported, build)
	msg, broken := keeper.AllInvariants(k2)(to.Ctx)
	require.False(t, broken, msg)
}

func TestGenesisValidate(t *testing.T) {
	f := populated(t)
	valid, err := f.K.ExportGenesis(f.Ctx)
	require.NoError(t, err)

	cases := []struct {
		name   string
		mutate func(gs *types.GenesisState)
	}{
		{"Failure - invalid params", func(gs *types.GenesisState) { gs.Params.MaxUnbondingEntries = 0 }},
		{"Failure - zero next unbonding id", func(gs *types.GenesisState) { gs.NextUnbondingId = 0 }},
		{"Failure - zero next slash id", func(gs *types.GenesisState) { gs.NextSlashId = 0 }},
		{"Failure - agents out of order", func(gs *types.GenesisState) { gs.Agents[0], gs.Agents[1] = gs.Agents[1], gs.Agents[0] }},
		{"Failure - duplicate agent", func(gs *types.GenesisState) { gs.Agents[1] = gs.Agents[0] }},
		{"Failure - non-canonical operator", func(gs *types.GenesisState) { gs.Agents[0].Operator = "OPEN1XYZ" }},
		{"Failure - unspecified status", func(gs *types.GenesisState) { gs.Agents[0].Status = types.AGENT_STATUS_UNSPECIFIED }},
		{"Failure - unspecified kind", func(gs *types.GenesisState) { gs.Agents[0].Kind = types.AGENT_KIND_UNSPECIFIED }},
		{"Failure - negative bond", func(gs *types.GenesisState) { gs.Agents[0].Bonded = math.NewInt(-1) }},
		{"Failure - bad endpoint", func(gs *types.GenesisState) { gs.Agents[0].Endpoint = "nope" }},
		{"Failure - updated before created", func(gs *types.GenesisState) { gs.Agents[0].UpdatedHeight = gs.Agents[0].CreatedHeight - 1 }},
		{"Failure - entry ids out of order", func(gs *types.GenesisState) {
			gs.UnbondingEntries[0], gs.UnbondingEntries[1] = gs.UnbondingEntries[1], gs.UnbondingEntries[0]
		}},
		{"Failure - entry id not below next id", func(gs *types.GenesisState) { gs.NextUnbondingId = 2 }},
		{"Failure - entry of an unknown agent", func(gs *types.GenesisState) {
			gs.UnbondingEntries[0].Operator = gs.UnbondingEntries[0].Owner
			gs.Agents = gs.Agents[1:]
		}},
		{"Failure - entry owner differs from the agent's", func(gs *types.GenesisState) { gs.UnbondingEntries[0].Owner = f.bob.Str }},
		{"Failure - entry amount above its initial amount", func(gs *types.GenesisState) {
			gs.UnbondingEntries[0].Amount = gs.UnbondingEntries[0].InitialAmount.AddRaw(1)
		}},
		{"Failure - slash ids out of order", func(gs *types.GenesisState) { gs.SlashRecords[0].Id = 5 }},
		{"Failure - slash record does not add up", func(gs *types.GenesisState) { gs.SlashRecords[0].Burned = math.ZeroInt() }},
		{"Failure - slash record with unspecified reason", func(gs *types.GenesisState) { gs.SlashRecords[0].Reason = types.SLASH_REASON_UNSPECIFIED }},
		{"Failure - slash record of an unknown agent", func(gs *types.GenesisState) { gs.SlashRecords[0].Operator = f.bob.Str }},
		{"Failure - duplicate used evidence", func(gs *types.GenesisState) { gs.UsedEvidence = append(gs.UsedEvidence, gs.UsedEvidence[0]) }},
		{"Failure - used evidence of an unknown agent", func(gs *types.GenesisState) { gs.UsedEvidence[0].ServingNode = f.str(sdkAddrOf(mustKey(7))) }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			bz, err := f.Codec.MarshalJSON(valid)
			require.NoError(t, err)
			var gs types.GenesisState
			require.NoError(t, f.Codec.UnmarshalJSON(bz, &gs))
			tc.mutate(&gs)
			require.ErrorIs(t, gs.Validate(f.AddressCodec), types.ErrInvalidGenesis)
		})
	}
	t.Run("Success - default genesis", func(t *testing.T) {
		require.NoError(t, types.DefaultGenesis().Validate(f.AddressCodec))
	})
	t.Run("Success - exported genesis", func(t *testing.T) {
		require.NoError(t, valid.Validate(f.AddressCodec))
	})
}
