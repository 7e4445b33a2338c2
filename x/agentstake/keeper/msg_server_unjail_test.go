package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	errorsmod "cosmossdk.io/errors"

	"github.com/openledger/openledger/x/agentstake/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

func TestUnjail(t *testing.T) {
	keepertest.Run(t, "Success - after the jail time, with the minimum bond", newFixture, func(t *testing.T, f *fixture) {
		op := f.register(attestorMsg(f.owner, open(10_000)))
		_, err := f.K.Slash(f.Ctx, op, types.SLASH_REASON_GOVERNANCE, "prop 7", nil, 0)
		require.NoError(t, err)
		require.True(t, f.activeStake(types.AGENT_KIND_ATTESTOR).IsZero())
		f.advance(10, types.DefaultJailDuration)
		keepertest.MustDeliver(f.Chain(), f.Msgs.Unjail, &types.MsgUnjail{Owner: f.owner.Str, Operator: f.owner.Str})
		require.Equal(t, types.AGENT_STATUS_ACTIVE, f.agent(op).Status)
		require.Equal(t, open(9000), f.activeStake(types.AGENT_KIND_ATTESTOR))
	})

	failures := []struct {
		name  string
		setup func(f *fixture)
		msg   func(f *fixture) *types.MsgUnjail
		want  *errorsmod.Error
	}{
		{"Failure - still jailed", func(f *fixture) {
			f.slash(types.SLASH_REASON_GOVERNANCE)
			f.advance(1, types.DefaultJailDuration-time.Second)
		}, nil, types.ErrStillJailed},
		{"Failure - not jailed", func(*fixture) {}, nil, types.ErrNotJailed},
		{"Failure - tombstoned", func(f *fixture) {
			f.slash(types.SLASH_REASON_EQUIVOCATION)
			f.advance(1, 365*24*time.Hour)
		}, nil, types.ErrAgentTombstoned},
		{"Failure - bond below the minimum after the slash", func(f *fixture) {
			keepertest.SetParams(f, func(p *types.Params) { p.SlashBpsGovernance = 9000 })
			f.slash(types.SLASH_REASON_GOVERNANCE)
			f.advance(1, types.DefaultJailDuration)
		}, nil, types.ErrBelowMinStake},
		{"Failure - not the owner", func(f *fixture) {
			f.slash(types.SLASH_REASON_GOVERNANCE)
			f.advance(1, types.DefaultJailDuration)
		}, func(f *fixture) *types.MsgUnjail {
			return &types.MsgUnjail{Owner: f.bob.Str, Operator: f.owner.Str}
		}, types.ErrNotOwner},
	}
	for _, tc := range failures {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			f.register(attestorMsg(f.owner, open(10_000)))
			tc.setup(f)
			msg := &types.MsgUnjail{Owner: f.owner.Str, Operator: f.owner.Str}
			if tc.msg != nil {
				msg = tc.msg(f)
			}
			keepertest.RequireFailsUnchanged(f.Chain(), f.Msgs.Unjail, msg, tc.want)
		})
	}
}

// slash slashes the owner's agent with no challenger, from every entry.
func (f *fixture) slash(reason types.SlashReason) {
	f.T.Helper()
	_, err := f.K.Slash(f.Ctx, f.owner.Addr, reason, "test", nil, 0)
	require.NoError(f.T, err)
}
