package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	errorsmod "cosmossdk.io/errors"

	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/openledger/openledger/x/agentstake/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

func TestSlashAgent(t *testing.T) {
	t.Run("Success - governance slash burns everything and jails", func(t *testing.T) {
		f := newFixture(t)
		op := f.register(servingNodeMsg(f.owner))
		supply := f.bank.Supply().AmountOf(denom)
		resp, err := keepertest.Deliver(f.chain, f.msgs.SlashAgent, &types.MsgSlashAgent{
			Authority: f.authority, Operator: f.owner.str, Reason: types.SLASH_REASON_GOVERNANCE, EvidenceRef: "proposal 12",
		})
		require.NoError(t, err)
		require.Equal(t, open(1000), resp.Slashed)
		require.Equal(t, supply.Sub(open(1000)), f.bank.Supply().AmountOf(denom))
		a := f.agent(op)
		require.Equal(t, types.AGENT_STATUS_JAILED, a.Status)
		require.Equal(t, startTime.Add(types.DefaultJailDuration), a.JailedUntil)
		require.ErrorIs(t, f.k.CheckActiveServingNode(f.ctx, op, 1), types.ErrAgentNotActive)
		require.Len(t, keepertest.EventsOfType(f.ctx, "openledger.agentstake.v1.EventAgentSlashed"), 1)
		require.Len(t, keepertest.EventsOfType(f.ctx, "openledger.agentstake.v1.EventAgentStatusChanged"), 1)
	})

	failures := []struct {
		name string
		msg  func(f *fixture) *types.MsgSlashAgent
		want *errorsmod.Error
	}{
		{"Failure - not the authority", func(f *fixture) *types.MsgSlashAgent {
			return &types.MsgSlashAgent{Authority: f.alice.str, Operator: f.owner.str, Reason: types.SLASH_REASON_GOVERNANCE, EvidenceRef: "x"}
		}, sdkerrors.ErrUnauthorized},
		{"Failure - unspecified reason", func(f *fixture) *types.MsgSlashAgent {
			return &types.MsgSlashAgent{Authority: f.authority, Operator: f.owner.str, EvidenceRef: "x"}
		}, types.ErrInvalidSlashReason},
		{"Failure - empty evidence reference", func(f *fixture) *types.MsgSlashAgent {
			return &types.MsgSlashAgent{Authority: f.authority, Operator: f.owner.str, Reason: types.SLASH_REASON_GOVERNANCE}
		}, types.ErrInvalidEvidenceRef},
		{"Failure - infraction in the future", func(f *fixture) *types.MsgSlashAgent {
			return &types.MsgSlashAgent{Authority: f.authority, Operator: f.owner.str, Reason: types.SLASH_REASON_GOVERNANCE, EvidenceRef: "x", InfractionHeight: startHeight + 1}
		}, types.ErrInvalidInfractionHeight},
		{"Failure - unknown agent", func(f *fixture) *types.MsgSlashAgent {
			return &types.MsgSlashAgent{Authority: f.authority, Operator: f.bob.str, Reason: types.SLASH_REASON_GOVERNANCE, EvidenceRef: "x"}
		}, types.ErrAgentNotFound},
		{"Failure - tombstoned", func(f *fixture) *types.MsgSlashAgent {
			f.slash(types.SLASH_REASON_EQUIVOCATION)
			return &types.MsgSlashAgent{Authority: f.authority, Operator: f.owner.str, Reason: types.SLASH_REASON_GOVERNANCE, EvidenceRef: "x"}
		}, types.ErrAgentTombstoned},
		{"Failure - invalid operator", func(f *fixture) *types.MsgSlashAgent {
			return &types.MsgSlashAgent{Authority: f.authority, Operator: "", Reason: types.SLASH_REASON_GOVERNANCE, EvidenceRef: "x"}
		}, types.ErrInvalidAddress},
	}
	for _, tc := range failures {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			f.register(servingNodeMsg(f.owner))
			msg := tc.msg(f)
			keepertest.RequireFailsUnchanged(f.chain, f.msgs.SlashAgent, msg, tc.want)
		})
	}
}
