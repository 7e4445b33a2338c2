package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/openledger/openledger/x/agentstake/types"
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

	failures := []struct {
		name string
		run  func() error
		want error
	}{
		{"Failure - nil request", func() error { _, err := f.Queries.Agents(f.Ctx, nil); return err }, types.ErrInvalidRequest},
		{"Failure - two filters", func() error {
			_, err := f.Queries.Agents(f.Ctx, &types.QueryAgentsRequest{Kind: types.AGENT_KIND_ATTESTOR, ModelId: 1})
			return err
		}, types.ErrInvalidRequest},
		{"Failure - invalid kind", func() error {
			_, err := f.Queries.Agents(f.Ctx, &types.QueryAgentsRequest{Kind: 9})
			return err
		}, types.ErrInvalidRequest},
		{"Failure - invalid owner", func() error {
			_, err := f.Queries.Agents(f.Ctx, &types.QueryAgentsRequest{Owner: "x"})
			return err
		}, types.ErrInvalidRequest},
		{"Failure - unknown agent", func() error {
			_, err := f.Queries.Agent(f.Ctx, &types.QueryAgentRequest{Operator: f.alice.Str + ""})
			if err == nil {
				_, err = f.Queries.Agent(f.Ctx, &types.QueryAgentRequest{Operator: f.str(make([]byte, 20))})
			}
			return err
		}, types.ErrAgentNotFound},
		{"Failure - invalid operator in unbonding entries", func() error {
			_, err := f.Queries.UnbondingEntries(f.Ctx, &types.QueryUnbondingEntriesRequest{Operator: ""})
			return err
		}, types.ErrInvalidRequest},
		{"Failure - invalid operator in slash history", func() error {
			_, err := f.Queries.SlashHistory(f.Ctx, &types.QuerySlashHistoryRequest{Operator: "open1"})
			return err
		}, types.ErrInvalidRequest},
	}
	for _, tc := range failures {
		t.Run(tc.name, func(t *testing.T) {
			require.ErrorIs(t, tc.run(), tc.want)
		})
	}
}
