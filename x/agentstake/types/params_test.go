package types_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/openledger/openledger/x/agentstake/types"
)

func TestParamsValidate(t *testing.T) {
	require.NoError(t, types.DefaultParams().Validate())
	cases := []struct {
		name   string
		mutate func(p *types.Params)
	}{
		{"Failure - nil min stake", func(p *types.Params) { p.MinStakeAttestor = math.Int{} }},
		{"Failure - zero min stake", func(p *types.Params) { p.MinStakeAutonomousAgent = math.ZeroInt() }},
		{"Failure - min stake above the supply", func(p *types.Params) { p.MinStakeServingNode = types.MaxStakeCeiling.AddRaw(1) }},
		{"Failure - zero unbonding period", func(p *types.Params) { p.UnbondingPeriod = 0 }},
		{"Failure - unbonding period above a year", func(p *types.Params) { p.UnbondingPeriod = types.MaxDurationCeiling + time.Second }},
		{"Failure - negative jail", func(p *types.Params) { p.JailDuration = -time.Second }},
		{"Failure - fraction above 100%", func(p *types.Params) { p.SlashBpsAttributionFraud = 10_001 }},
		{"Failure - reward above 100%", func(p *types.Params) { p.ChallengerRewardBps = 10_001 }},
		{"Failure - zero max models", func(p *types.Params) { p.MaxModelsPerAgent = 0 }},
		{"Failure - max models above the ceiling", func(p *types.Params) { p.MaxModelsPerAgent = types.MaxModelsCeiling + 1 }},
		{"Failure - max entries above the ceiling", func(p *types.Params) { p.MaxUnbondingEntries = types.MaxUnbondingEntriesCeiling + 1 }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := types.DefaultParams()
			tc.mutate(&p)
			require.ErrorIs(t, p.Validate(), types.ErrInvalidParams)
		})
	}
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
