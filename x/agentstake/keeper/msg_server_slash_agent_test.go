package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/openledger/openledger/x/agentstake/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

func TestSlashAgent(t *testing.T) {
	keepertest.Run(t, "Success - governance slash burns everything and jails", withServingNode, func(t *testing.T, f *fixture) {
		op := f.owner.Addr // the operator of the owner's serving node
		supply := f.bank.Supply().AmountOf(denom)
		resp := keepertest.MustDeliver(f.Chain(), f.Msgs.SlashAgent, &types.MsgSlashAgent{
			Authority: f.Authority, Operator: f.owner.Str, Reason: types.SLASH_REASON_GOVERNANCE, EvidenceRef: "proposal 12",
		})
		require.Equal(t, open(1000), resp.Slashed)
		require.Equal(t, supply.Sub(open(1000)), f.bank.Supply().AmountOf(denom))
		a := f.agent(op)
		require.Equal(t, types.AGENT_STATUS_JAILED, a.Status)
		require.Equal(t, startTime.Add(types.DefaultJailDuration), a.JailedUntil)
		require.ErrorIs(t, f.K.CheckActiveServingNode(f.Ctx, op, 1), types.ErrAgentNotActive)
		require.Len(t, keepertest.EventsOfType(f.Ctx, "openledger.agentstake.v1.EventAgentSlashed"), 1)
		require.Len(t, keepertest.EventsOfType(f.Ctx, "openledger.agentstake.v1.EventAgentStatusChanged"), 1)
	})

	failures := []keepertest.Failure[func(f *fixture) *types.MsgSlashAgent]{
		{Name: "Failure - not the authority", Make: func(f *fixture) *types.MsgSlashAgent {
			return &types.MsgSlashAgent{Authority: f.alice.Str, Operator: f.owner.Str, Reason: types.SLASH_REASON_GOVERNANCE, EvidenceRef: "x"}
		}, Want: sdkerrors.ErrUnauthorized},
		{Name: "Failure - unspecified reason", Make: func(f *fixture) *types.MsgSlashAgent {
			return &types.MsgSlashAgent{Authority: f.Authority, Operator: f.owner.Str, EvidenceRef: "x"}
		}, Want: types.ErrInvalidSlashReason},
		{Name: "Failure - empty evidence reference", Make: func(f *fixture) *types.MsgSlashAgent {
			return &types.MsgSlashAgent{Authority: f.Authority, Operator: f.owner.Str, Reason: types.SLASH_REASON_GOVERNANCE}
		}, Want: types.ErrInvalidEvidenceRef},
		{Name: "Failure - infraction in the future", Make: func(f *fixture) *types.MsgSlashAgent {
			return &types.MsgSlashAgent{Authority: f.Authority, Operator: f.owner.Str, Reason: types.SLASH_REASON_GOVERNANCE, EvidenceRef: "x", InfractionHeight: startHeight + 1}
		}, Want: types.ErrInvalidInfractionHeight},
		{Name: "Failure - unknown agent", Make: func(f *fixture) *types.MsgSlashAgent {
			return &types.MsgSlashAgent{Authority: f.Authority, Operator: f.bob.Str, Reason: types.SLASH_REASON_GOVERNANCE, EvidenceRef: "x"}
		}, Want: types.ErrAgentNotFound},
		{Name: "Failure - tombstoned", Make: func(f *fixture) *types.MsgSlashAgent {
			f.slash(types.SLASH_REASON_EQUIVOCATION)
			return &types.MsgSlashAgent{Authority: f.Authority, Operator: f.owner.Str, Reason: types.SLASH_REASON_GOVERNANCE, EvidenceRef: "x"}
		}, Want: types.ErrAgentTombstoned},
		{Name: "Failure - invalid operator", Make: func(f *fixture) *types.MsgSlashAgent {
			return &types.MsgSlashAgent{Authority: f.Authority, Operator: "", Reason: types.SLASH_REASON_GOVERNANCE, EvidenceRef: "x"}
		}, Want: types.ErrInvalidAddress},
	}
	keepertest.RunFailures(t, failures, withServingNode, types.MsgServer.SlashAgent)
}
