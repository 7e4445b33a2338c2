package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/openledger/openledger/x/agentstake/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

func TestQueries(t *testing.T) {
	f := newFixture(t)
	node := f.register(servingNodeMsg(f.node))
	msg := attestorMsg(f.owner, open(5000))
	f.register(msg)
	msg2 := attestorMsg(f.owner, open(7000))
	msg2.Operator = f.bob.Str
	f.register(msg2)
	f.register(&types.MsgRegisterAgent{Owner: f.alice.Str, Kind: types.AGENT_KIND_AUTONOMOUS_AGENT, Stake: open(1000), ModelIds: []uint64{2}})

	t.Run("Success - params", func(t *testing.T) {
		resp, err := f.Queries.Params(f.Ctx, &types.QueryParamsRequest{})
		require.NoError(t, err)
		require.Equal(t, types.DefaultParams(), resp.Params)
	})
	t.Run("Success - one agent", func(t *testing.T) {
		resp, err := f.Queries.Agent(f.Ctx, &types.QueryAgentRequest{Operator: f.node.Str})
		require.NoError(t, err)
		require.Equal(t, f.agent(node), resp.Agent)
	})
	t.Run("Success - all agents, paginated", func(t *testing.T) {
		resp, err := f.Queries.Agents(f.Ctx, &types.QueryAgentsRequest{Pagination: &query.PageRequest{Limit: 3, CountTotal: true}})
		require.NoError(t, err)
		require.Len(t, resp.Agents, 3)
		require.Equal(t, uint64(4), resp.Pagination.Total)
		next, err := f.Queries.Agents(f.Ctx, &types.QueryAgentsRequest{Pagination: &query.PageRequest{Key: resp.Pagination.NextKey}})
		require.NoError(t, err)
		require.Len(t, next.Agents, 1)
	})
	t.Run("Success - by kind, owner and model", func(t *testing.T) {
		resp, err := f.Queries.Agents(f.Ctx, &types.QueryAgentsRequest{Kind: types.AGENT_KIND_ATTESTOR})
		require.NoError(t, err)
		require.Len(t, resp.Agents, 2)
		resp, err = f.Queries.Agents(f.Ctx, &types.QueryAgentsRequest{Owner: f.owner.Str})
		require.NoError(t, err)
		require.Len(t, resp.Agents, 2)
		for _, a := range resp.Agents {
			require.Equal(t, f.owner.Str, a.Owner)
		}
		resp, err = f.Queries.Agents(f.Ctx, &types.QueryAgentsRequest{ModelId: 2})
		require.NoError(t, err)
		require.Len(t, resp.Agents, 2)
		resp, err = f.Queries.Agents(f.Ctx, &types.QueryAgentsRequest{ModelId: 3})
		require.NoError(t, err)
		require.Empty(t, resp.Agents)
	})
	t.Run("Success - total stake", func(t *testing.T) {
		f.unbond(f.owner, f.owner.Addr, open(100)) // that attestor leaves the active set
		resp, err := f.Queries.TotalStake(f.Ctx, &types.QueryTotalStakeRequest{})
		require.NoError(t, err)
		require.Equal(t, []types.KindStake{
			{Kind: types.AGENT_KIND_SERVING_NODE, ActiveBonded: open(10_000)},
			{Kind: types.AGENT_KIND_AUTONOMOUS_AGENT, ActiveBonded: open(1000)},
			{Kind: types.AGENT_KIND_ATTESTOR, ActiveBonded: open(7000)},
		}, resp.Kinds)
		require.Equal(t, open(22_900), resp.TotalBonded)
		require.Equal(t, open(100), resp.TotalUnbonding)
	})
	t.Run("Success - settlement domain", func(t *testing.T) {
		resp, err := f.Queries.SettlementDomain(f.Ctx, &types.QuerySettlementDomainRequest{})
		require.NoError(t, err)
		require.Equal(t, uint64(evmChainID), resp.EvmChainId)
		require.Equal(t, types.SettlementType, resp.SettlementType)
		require.Len(t, resp.VerifyingContract, 42)
	})

	keepertest.RunQueryFailures(t, []keepertest.QueryFailure{
		{Name: "Failure - nil request", Call: func() error { return keepertest.ErrOf(f.Queries.Agents(f.Ctx, nil)) }, Want: types.ErrInvalidRequest},
		{Name: "Failure - two filters", Call: func() error {
			return keepertest.ErrOf(f.Queries.Agents(f.Ctx, &types.QueryAgentsRequest{Kind: types.AGENT_KIND_ATTESTOR, ModelId: 1}))
		}, Want: types.ErrInvalidRequest},
		{Name: "Failure - invalid kind", Call: func() error { return keepertest.ErrOf(f.Queries.Agents(f.Ctx, &types.QueryAgentsRequest{Kind: 9})) }, Want: types.ErrInvalidRequest},
		{Name: "Failure - invalid owner", Call: func() error { return keepertest.ErrOf(f.Queries.Agents(f.Ctx, &types.QueryAgentsRequest{Owner: "x"})) }, Want: types.ErrInvalidRequest},
		{Name: "Failure - unknown agent", Call: func() error {
			_, err := f.Queries.Agent(f.Ctx, &types.QueryAgentRequest{Operator: f.alice.Str + ""})
			if err == nil {
				_, err = f.Queries.Agent(f.Ctx, &types.QueryAgentRequest{Operator: f.str(make([]byte, 20))})
			}
			return err
		}, Want: types.ErrAgentNotFound},
		{Name: "Failure - invalid operator in unbonding entries", Call: func() error {
			return keepertest.ErrOf(f.Queries.UnbondingEntries(f.Ctx, &types.QueryUnbondingEntriesRequest{Operator: ""}))
		}, Want: types.ErrInvalidRequest},
		{Name: "Failure - invalid operator in slash history", Call: func() error {
			return keepertest.ErrOf(f.Queries.SlashHistory(f.Ctx, &types.QuerySlashHistoryRequest{Operator: "open1"}))
		}, Want: types.ErrInvalidRequest},
	})
}
