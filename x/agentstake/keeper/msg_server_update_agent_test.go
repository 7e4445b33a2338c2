package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/openledger/openledger/x/agentstake/types"
	"github.com/openledger/openledger/x/internal/keepertest"
	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

func TestUpdateAgent(t *testing.T) {
	keepertest.Run(t, "Success - models, endpoint and metadata replaced; model index follows", withServingNode, func(t *testing.T, f *fixture) {
		op := f.owner.Addr // the operator of the owner's serving node
		f.advance(1, 0)
		keepertest.MustDeliver(f.Chain(), f.Msgs.UpdateAgent, &types.MsgUpdateAgent{
			Owner: f.owner.Str, Operator: f.owner.Str, ModelIds: []uint64{3}, Endpoint: "http://10.0.0.1:8080",
		})
		a := f.agent(op)
		require.Equal(t, []uint64{3}, a.ModelIds)
		require.Equal(t, "http://10.0.0.1:8080", a.Endpoint)
		require.Empty(t, a.MetadataUri)
		require.Equal(t, int64(startHeight+1), a.UpdatedHeight)
		require.ErrorIs(t, f.K.CheckActiveServingNode(f.Ctx, op, 1), types.ErrModelNotServed)
		require.NoError(t, f.K.CheckActiveServingNode(f.Ctx, op, 3))
		resp, err := f.Queries.Agents(f.Ctx, &types.QueryAgentsRequest{ModelId: 1})
		require.NoError(t, err)
		require.Empty(t, resp.Agents)
		resp, err = f.Queries.Agents(f.Ctx, &types.QueryAgentsRequest{ModelId: 3})
		require.NoError(t, err)
		require.Len(t, resp.Agents, 1)
	})

	failures := []keepertest.Failure[func(f *fixture) *types.MsgUpdateAgent]{
		{Name: "Failure - not the owner", Make: func(f *fixture) *types.MsgUpdateAgent {
			return &types.MsgUpdateAgent{Owner: f.alice.Str, Operator: f.owner.Str, ModelIds: []uint64{1}, Endpoint: "https://x.org"}
		}, Want: types.ErrNotOwner},
		{Name: "Failure - revoked model", Make: func(f *fixture) *types.MsgUpdateAgent {
			f.models.setStatus(3, modelregtypes.MODEL_STATUS_REVOKED)
			return &types.MsgUpdateAgent{Owner: f.owner.Str, Operator: f.owner.Str, ModelIds: []uint64{3}, Endpoint: "https://x.org"}
		}, Want: types.ErrModelNotActive},
		{Name: "Failure - unknown model", Make: func(f *fixture) *types.MsgUpdateAgent {
			return &types.MsgUpdateAgent{Owner: f.owner.Str, Operator: f.owner.Str, ModelIds: []uint64{4}, Endpoint: "https://x.org"}
		}, Want: types.ErrUnknownModel},
		{Name: "Failure - too many models", Make: func(f *fixture) *types.MsgUpdateAgent {
			keepertest.SetParams(f, func(p *types.Params) { p.MaxModelsPerAgent = 2 })
			return &types.MsgUpdateAgent{Owner: f.owner.Str, Operator: f.owner.Str, ModelIds: []uint64{1, 2, 3}, Endpoint: "https://x.org"}
		}, Want: types.ErrTooManyModels},
		{Name: "Failure - invalid endpoint", Make: func(f *fixture) *types.MsgUpdateAgent {
			return &types.MsgUpdateAgent{Owner: f.owner.Str, Operator: f.owner.Str, ModelIds: []uint64{1}, Endpoint: "https://user:pw@x.org"}
		}, Want: types.ErrInvalidEndpoint},
		{Name: "Failure - tombstoned", Make: func(f *fixture) *types.MsgUpdateAgent {
			_, err := f.K.Slash(f.Ctx, f.owner.Addr, types.SLASH_REASON_EQUIVOCATION, "gov", nil, 0)
			require.NoError(f.T, err)
			return &types.MsgUpdateAgent{Owner: f.owner.Str, Operator: f.owner.Str, ModelIds: []uint64{1}, Endpoint: "https://x.org"}
		}, Want: types.ErrAgentTombstoned},
		{Name: "Failure - unknown agent", Make: func(f *fixture) *types.MsgUpdateAgent {
			return &types.MsgUpdateAgent{Owner: f.owner.Str, Operator: f.bob.Str, ModelIds: []uint64{1}, Endpoint: "https://x.org"}
		}, Want: types.ErrAgentNotFound},
	}
	keepertest.RunFailures(t, failures, withServingNode, types.MsgServer.UpdateAgent)
}
