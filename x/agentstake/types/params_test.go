package types_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/openledger/openledger/x/agentstake/types"
	"github.com/openledger/openledger/x/internal/keepertest"
)

func TestParamsValidate(t *testing.T) {
	require.NoError(t, types.DefaultParams().Validate())
	cases := []keepertest.ParamsCase[types.Params]{
		{Name: "Failure - nil min stake", Edit: func(p *types.Params) { p.MinStakeAttestor = math.Int{} }},
		{Name: "Failure - zero min stake", Edit: func(p *types.Params) { p.MinStakeAutonomousAgent = math.ZeroInt() }},
		{Name: "Failure - min stake above the supply", Edit: func(p *types.Params) { p.MinStakeServingNode = types.MaxStakeCeiling.AddRaw(1) }},
		{Name: "Failure - zero unbonding period", Edit: func(p *types.Params) { p.UnbondingPeriod = 0 }},
		{Name: "Failure - unbonding period above a year", Edit: func(p *types.Params) { p.UnbondingPeriod = types.MaxDurationCeiling + time.Second }},
		{Name: "Failure - negative jail", Edit: func(p *types.Params) { p.JailDuration = -time.Second }},
		{Name: "Failure - fraction above 100%", Edit: func(p *types.Params) { p.SlashBpsAttributionFraud = 10_001 }},
		{Name: "Failure - reward above 100%", Edit: func(p *types.Params) { p.ChallengerRewardBps = 10_001 }},
		{Name: "Failure - zero max models", Edit: func(p *types.Params) { p.MaxModelsPerAgent = 0 }},
		{Name: "Failure - max models above the ceiling", Edit: func(p *types.Params) { p.MaxModelsPerAgent = types.MaxModelsCeiling + 1 }},
		{Name: "Failure - max entries above the ceiling", Edit: func(p *types.Params) { p.MaxUnbondingEntries = types.MaxUnbondingEntriesCeiling + 1 }},
	}
	keepertest.RequireParamsCases(t, types.DefaultParams, types.ErrInvalidParams, cases)
	p := types.DefaultParams()
	for _, k := range []types.AgentKind{types.AGENT_KIND_SERVING_NODE, types.AGENT_KIND_AUTONOMOUS_AGENT, types.AGENT_KIND_ATTESTOR} {
		m, err := p.MinStake(k)
		require.NoError(t, err)
		require.True(t, m.IsPositive())
	}
	_, err := p.MinStake(types.AGENT_KIND_UNSPECIFIED)
	require.ErrorIs(t, err, types.ErrInvalidKind)
	_, err = p.SlashBPS(types.SLASH_REASON_UNSPECIFIED)
	require.ErrorIs(t, err, types.ErrInvalidSlashReason)
	bps, err := p.SlashBPS(types.SLASH_REASON_EQUIVOCATION)
	require.NoError(t, err)
	require.Equal(t, uint32(5000), bps)
}

func TestValidateEndpoint(t *testing.T) {
	for _, ok := range []string{"https://node.example.org", "http://10.0.0.1:8080/v1"} {
		require.NoError(t, types.ValidateEndpoint(types.AGENT_KIND_SERVING_NODE, ok), ok)
	}
	require.NoError(t, types.ValidateEndpoint(types.AGENT_KIND_ATTESTOR, ""))
	for _, bad := range []string{"", "node.example.org", "https://", "https://a b", "grpc://x", "https://u:p@x"} {
		require.ErrorIs(t, types.ValidateEndpoint(types.AGENT_KIND_SERVING_NODE, bad), types.ErrInvalidEndpoint, bad)
	}
}
