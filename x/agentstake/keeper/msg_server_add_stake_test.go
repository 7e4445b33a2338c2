package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/openledger/openledger/x/agentstake/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

func TestAddStake(t *testing.T) {
	keepertest.Run(t, "Success - adds to the bond and the active total", withServingNode, func(t *testing.T, f *fixture) {
		op := f.owner.Addr // the operator of the owner's serving node
		keepertest.MustDeliver(f.Chain(), f.Msgs.AddStake, &types.MsgAddStake{Owner: f.owner.Str, Operator: f.owner.Str, Amount: open(5)})
		want := types.DefaultMinStakeServingNode.Add(open(5))
		require.Equal(t, want, f.agent(op).Bonded)
		require.Equal(t, want, f.activeStake(types.AGENT_KIND_SERVING_NODE))
		require.Len(t, keepertest.EventsOfType(f.Ctx, "openledger.agentstake.v1.EventStakeAdded"), 1)
	})

	keepertest.Run(t, "Success - an inactive agent back at the minimum becomes active", withServingNode, func(t *testing.T, f *fixture) {
		op := f.owner.Addr // the operator of the owner's serving node
		f.unbond(f.owner, op, open(1))
		require.Equal(t, types.AGENT_STATUS_INACTIVE, f.agent(op).Status)
		require.True(t, f.activeStake(types.AGENT_KIND_SERVING_NODE).IsZero())
		keepertest.MustDeliver(f.Chain(), f.Msgs.AddStake, &types.MsgAddStake{Owner: f.owner.Str, Operator: f.owner.Str, Amount: open(1)})
		require.Equal(t, types.AGENT_STATUS_ACTIVE, f.agent(op).Status)
		require.Equal(t, types.DefaultMinStakeServingNode, f.activeStake(types.AGENT_KIND_SERVING_NODE))
	})

	keepertest.Run(t, "Success - a jailed agent stays jailed", withServingNode, func(t *testing.T, f *fixture) {
		op := f.owner.Addr // the operator of the owner's serving node
		_, err := f.K.Slash(f.Ctx, op, types.SLASH_REASON_GOVERNANCE, "prop 1", nil, 0)
		require.NoError(t, err)
		keepertest.MustDeliver(f.Chain(), f.Msgs.AddStake, &types.MsgAddStake{Owner: f.owner.Str, Operator: f.owner.Str, Amount: open(5000)})
		require.Equal(t, types.AGENT_STATUS_JAILED, f.agent(op).Status)
		require.True(t, f.activeStake(types.AGENT_KIND_SERVING_NODE).IsZero())
	})

	failures := []keepertest.Failure[func(f *fixture) *types.MsgAddStake]{
		{Name: "Failure - not the owner", Make: func(f *fixture) *types.MsgAddStake {
			return &types.MsgAddStake{Owner: f.alice.Str, Operator: f.owner.Str, Amount: open(1)}
		}, Want: types.ErrNotOwner},
		{Name: "Failure - unknown agent", Make: func(f *fixture) *types.MsgAddStake {
			return &types.MsgAddStake{Owner: f.owner.Str, Operator: f.bob.Str, Amount: open(1)}
		}, Want: types.ErrAgentNotFound},
		{Name: "Failure - zero amount", Make: func(f *fixture) *types.MsgAddStake {
			return &types.MsgAddStake{Owner: f.owner.Str, Operator: f.owner.Str, Amount: math.ZeroInt()}
		}, Want: types.ErrInvalidAmount},
		{Name: "Failure - nil amount", Make: func(f *fixture) *types.MsgAddStake {
			return &types.MsgAddStake{Owner: f.owner.Str, Operator: f.owner.Str}
		}, Want: types.ErrInvalidAmount},
		{Name: "Failure - tombstoned", Make: func(f *fixture) *types.MsgAddStake {
			_, err := f.K.Slash(f.Ctx, f.owner.Addr, types.SLASH_REASON_EQUIVOCATION, "gov", nil, 0)
			require.NoError(f.T, err)
			return &types.MsgAddStake{Owner: f.owner.Str, Operator: f.owner.Str, Amount: open(1)}
		}, Want: types.ErrAgentTombstoned},
		{Name: "Failure - insufficient funds", Make: func(f *fixture) *types.MsgAddStake {
			return &types.MsgAddStake{Owner: f.owner.Str, Operator: f.owner.Str, Amount: open(5_000_000)}
		}, Want: sdkerrors.ErrInsufficientFunds},
		{Name: "Failure - invalid operator", Make: func(f *fixture) *types.MsgAddStake {
			return &types.MsgAddStake{Owner: f.owner.Str, Operator: "x", Amount: open(1)}
		}, Want: types.ErrInvalidAddress},
	}
	keepertest.RunFailures(t, failures, withServingNode, types.MsgServer.AddStake)
}
